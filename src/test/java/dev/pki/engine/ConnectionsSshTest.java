package dev.pki.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pki.inventory.InventoryLoader;
import dev.pki.transport.Command;
import dev.pki.transport.HostKeyPolicy;
import dev.pki.transport.SshOptions;
import dev.pki.transport.SshTransport;
import dev.pki.transport.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSH hosts in {@link Connections}: chosen by connection name (ours and Ansible's), opened lazily, wrapped by containers. */
class ConnectionsSshTest {

    @TempDir
    Path dir;

    private Connections connections(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("inventory.yml"), yaml);
        SshOptions options = new SshOptions(HostKeyPolicy.STRICT, Map.of(), dir, "operator", n -> { });
        return new Connections(InventoryLoader.load(file, Map.of()), options);
    }

    @Test
    void get_sshHosts_byEveryConnectionName_withoutDialling() throws IOException {
        Connections c = connections("""
                all:
                  hosts:
                    a: { connection: ssh, address: 192.0.2.10, user: root }
                    b: { ansible_connection: paramiko, ansible_host: 192.0.2.11, ansible_port: 2200 }
                    c: { ansible_connection: smart, ansible_host: 192.0.2.12 }
                    d: { ansible_host: 192.0.2.13 }
                """);

        assertEquals("ssh root@192.0.2.10:22", c.get("a").describe());
        assertEquals("ssh operator@192.0.2.11:2200", c.get("b").describe());
        assertEquals("ssh operator@192.0.2.12:22", c.get("c").describe());
        assertEquals("ssh operator@192.0.2.13:22", c.get("d").describe(), "ssh is the default connection");
        assertInstanceOf(SshTransport.class, c.get("a"));
        assertEquals(Map.of("a", 0, "b", 0, "c", 0, "d", 0), c.roundTrips());
    }

    @Test
    void get_containerViaSshHost_wrapsIt_andSharesItsFailure() throws IOException {
        Connections c = connections("""
                all:
                  hosts:
                    pve: { connection: ssh, address: 127.0.0.1, port: 1, user: root }
                    ct101: { connection: lxc, via: pve, container: '101' }
                    ct103: { connection: pct, via: pve, container: '103' }
                """);

        assertEquals("lxc 101 via pve", c.get("ct101").describe());
        TransportException e = assertThrows(TransportException.class, () -> c.get("ct103").exec(Command.of("true")));
        assertTrue(e.unreachable());
        assertTrue(e.getMessage().startsWith("pct 103 via pve: ssh root@127.0.0.1:1: no way to authenticate"), e.getMessage());
    }

    @Test
    void get_badPort_isAnUnreachableHost() throws IOException {
        Connections c = connections("all:\n  hosts:\n    a: { connection: ssh, port: many }\n");

        TransportException e = assertThrows(TransportException.class, () -> c.get("a"));

        assertTrue(e.unreachable());
        assertEquals("host a: port must be a whole number from 1 to 65535, got 'many'", e.getMessage());
    }
}

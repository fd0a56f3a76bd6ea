package dev.pki.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pki.inventory.InventoryLoader;
import dev.pki.transport.Command;
import dev.pki.transport.LocalTransport;
import dev.pki.transport.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsTest {

    @TempDir
    Path dir;

    private Connections connections(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("inventory.yml"), yaml);
        return new Connections(InventoryLoader.load(file, Map.of()));
    }

    @Test
    void get_lxcHost_wrapsItsViaHostsTransport() throws IOException {
        Connections c = connections("""
                all:
                  hosts:
                    pve: { connection: local }
                    ct101: { connection: lxc, via: pve, container: '101' }
                    ct102: { ansible_connection: lxc, via: pve, container: '102' }
                    ct103: { connection: pct, via: pve, container: 103 }
                """);

        assertEquals("lxc 101 via pve", c.get("ct101").describe());
        assertEquals("lxc 102 via pve", c.get("ct102").describe());
        assertEquals("pct 103 via pve", c.get("ct103").describe());
        assertSame(c.get("ct101"), c.get("ct101"));
    }

    @Test
    void get_twoContainers_shareOneParentConnection() throws IOException {
        Connections c = connections("""
                all:
                  hosts:
                    pve: { connection: local }
                    a: { connection: lxc, via: pve, container: pki-no-such-container-a }
                    b: { connection: lxc, via: pve, container: pki-no-such-container-b }
                """);
        LocalTransport parent = (LocalTransport) c.get("pve");

        // Whether or not lxc-attach is installed here, the command reaches the parent and fails as unreachable.
        assertThrows(TransportException.class, () -> c.get("a").exec(Command.of("true")));
        assertThrows(TransportException.class, () -> c.get("b").exec(Command.of("true")));

        assertEquals(2, parent.roundTrips(), "both commands went through the parent's one connection");
        // Reported per host: the containers' commands count for the containers, not for pve.
        assertEquals(Map.of("pve", 0, "a", 1, "b", 1), c.roundTrips());
    }

    @Test
    void get_containerWithoutVia_isAClearError() throws IOException {
        Connections c = connections("all:\n  hosts:\n    ct101: { connection: lxc, container: '101' }\n");

        TransportException e = assertThrows(TransportException.class, () -> c.get("ct101"));

        assertTrue(e.unreachable());
        assertEquals("host ct101 has connection lxc but no 'via': set via to the inventory host that runs the container", e.getMessage());
    }

    @Test
    void get_containerWithoutName_isAClearError() throws IOException {
        Connections c = connections("all:\n  hosts:\n    pve: {}\n    ct103: { connection: pct, via: pve }\n");

        TransportException e = assertThrows(TransportException.class, () -> c.get("ct103"));

        assertEquals("host ct103 has connection pct but no 'container': set container to the container's ID (e.g. '103')", e.getMessage());
    }

    @Test
    void get_viaHostNotInInventory_isAClearError() throws IOException {
        Connections c = connections("all:\n  hosts:\n    ct101: { connection: lxc, via: pev, container: '101' }\n");

        TransportException e = assertThrows(TransportException.class, () -> c.get("ct101"));

        assertEquals("host ct101 is reached via pev, which is not in the inventory", e.getMessage());
    }

    @Test
    void get_viaCycle_namesTheHostsInIt() throws IOException {
        Connections c = connections("""
                all:
                  hosts:
                    a: { connection: lxc, via: b, container: a }
                    b: { connection: lxc, via: c, container: b }
                    c: { connection: lxc, via: a, container: c }
                """);

        TransportException e = assertThrows(TransportException.class, () -> c.get("a"));

        assertEquals("hosts reach each other in a cycle through 'via': a → b → c → a", e.getMessage());
    }

    @Test
    void get_unreachableParent_makesContainerUnreachable() throws IOException {
        Connections c = connections("""
                all:
                  hosts:
                    pve: { connection: telnet }
                    ct101: { connection: lxc, via: pve, container: '101' }
                """);

        TransportException e = assertThrows(TransportException.class, () -> c.get("ct101"));

        assertTrue(e.unreachable());
        assertTrue(e.getMessage().startsWith("host ct101 is reached via pve: connection 'telnet' of host pve is not supported"), e.getMessage());
    }

    @Test
    void get_ansibleLxcHostName_isTheContainer() throws IOException {
        Connections c = connections("all:\n  hosts:\n    pve: { connection: local }\n    web: { ansible_connection: community.general.lxc, via: pve, ansible_lxc_host: web1 }\n");

        assertEquals("lxc web1 via pve", c.get("web").describe());
    }
}

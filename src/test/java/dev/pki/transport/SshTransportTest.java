package dev.pki.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.JSchException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failure messages and the settings checks that need no server. */
class SshTransportTest {

    @TempDir
    Path home;

    private static JSchException wrapped(Exception cause) {
        return new JSchException(cause.toString(), cause);
    }

    @Test
    void networkReason_isOneShortLine() {
        assertEquals("connection refused", SshFailures.networkReason(wrapped(new ConnectException("Connection refused")), 10));
        assertEquals("network is unreachable",
                SshFailures.networkReason(wrapped(new ConnectException("Network is unreachable (connect failed)")), 10));
        assertEquals("cannot resolve host name pve.invalid", SshFailures.networkReason(wrapped(new UnknownHostException("pve.invalid")), 10));
        assertEquals("no route to host", SshFailures.networkReason(wrapped(new NoRouteToHostException("No route to host")), 10));
        assertEquals("connection timed out after 5 s", SshFailures.networkReason(wrapped(new SocketTimeoutException("connect timed out")), 5));
        assertEquals("connection timed out after 5 s", SshFailures.networkReason(new JSchException("timeout: socket is not established"), 5));
        assertEquals("no SSH handshake within 5 s (the port is open; is it an SSH server?)",
                SshFailures.networkReason(new JSchException("Session.connect: java.net.SocketTimeoutException: Read timed out",
                        new SocketTimeoutException("Read timed out")), 5));
        assertEquals("cannot connect: something odd happened", SshFailures.networkReason(new JSchException("something\n odd happened"), 5));
    }

    @Test
    void noWayToAuthenticate_isSaidBeforeDialling() {
        SshOptions options = new SshOptions(HostKeyPolicy.STRICT, Map.of(), home, "root", n -> { });
        // Port 1 on loopback: if pki dialled, the message would be "connection refused".
        SshTransport ssh = new SshTransport(SshSettings.resolve("web", Map.of("address", "127.0.0.1", "port", 1), options), options);

        TransportException e = assertThrows(TransportException.class, () -> ssh.exec(Command.of("true")));

        assertTrue(e.unreachable());
        assertTrue(e.getMessage().startsWith("ssh root@127.0.0.1:1: no way to authenticate: no identity file"), e.getMessage());
    }

    @Test
    void missingExplicitIdentity_isNamed() {
        SshOptions options = new SshOptions(HostKeyPolicy.STRICT, Map.of(), home, "root", n -> { });
        SshTransport ssh = new SshTransport(SshSettings.resolve("web", Map.of("address", "127.0.0.1", "port", 1,
                "identity", "/nonexistent/id_ed25519", "password", "pw-not-shown"), options), options);

        TransportException e = assertThrows(TransportException.class, () -> ssh.exec(Command.of("true")));

        assertEquals("ssh root@127.0.0.1:1: identity file /nonexistent/id_ed25519 does not exist", e.getMessage());
        assertFalse(e.getMessage().contains("pw-not-shown"));
        assertEquals("ssh root@127.0.0.1:1", ssh.describe());
    }
}

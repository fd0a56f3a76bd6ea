package dev.pki.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames over a real Unix socket: a run's output lingers briefly, but always arrives, in order. */
class FramesTest {

    @TempDir
    Path dir;
    private Frames daemon;
    private Frames client;

    @BeforeEach
    void connect() throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("s.sock"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(address);
            client = new Frames(SocketChannel.open(address));
            daemon = new Frames(server.accept());
        }
    }

    @AfterEach
    void close() throws Exception {
        daemon.close();
        client.close();
    }

    @Test
    void outputSentSoon_arrivesWithoutALaterFrame() {
        // Nothing follows it: only the scheduled flush can send it; waiting forever fails the test.
        Frames.Frame f = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            daemon.sendSoon(Frames.OUT, "creating ca 'lab'...\n".getBytes(), 0, 21);
            return client.read();
        });
        assertEquals(Frames.OUT, f.type());
        assertEquals("creating ca 'lab'...\n", f.text());
    }

    @Test
    void lingeringOutput_goesBeforeAFrameSentAtOnce_inOrder() throws Exception {
        for (int i = 0; i < 500; i++) {
            byte[] line = ("line " + i + "\n").getBytes();
            daemon.sendSoon(i % 7 == 0 ? Frames.ERR : Frames.OUT, line, 0, line.length);
        }
        daemon.send(Frames.ASK, "Apply? ");
        for (int i = 0; i < 500; i++) {
            Frames.Frame f = client.read();
            assertEquals(i % 7 == 0 ? Frames.ERR : Frames.OUT, f.type());
            assertArrayEquals(("line " + i + "\n").getBytes(), f.body());
        }
        assertEquals("Apply? ", client.read().text());
        assertFalse(client.hasWaiting(), "nothing more was sent");
    }
}

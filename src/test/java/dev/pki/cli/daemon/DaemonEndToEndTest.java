package dev.pki.cli.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code PKI_DAEMON=1} end to end, with real JVMs: the client as {@code bin/pki} starts it, a
 * daemon it starts, and a fresh {@code pki} process to compare with. A run served by the daemon
 * must print and return exactly what the fresh process does.
 */
class DaemonEndToEndTest {

    private static final Path EXAMPLE = Path.of("examples/local/playbook.groovy").toAbsolutePath();

    @TempDir
    Path dir;
    private Path daemons;

    @BeforeEach
    void setUp() throws IOException {
        daemons = dir.resolve("daemons");
        Files.createDirectories(dir.resolve("work"));
    }

    @AfterEach
    void stopDaemons() throws Exception {
        run(false, "daemon", "stop");
    }

    @Test
    void servedRuns_printAndReturnWhatAFreshProcessDoes() throws Exception {
        Path out = dir.resolve("out");
        Result first = run(true, "validate", EXAMPLE.toString());
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("playbook.groovy is valid"), first.toString());
        Path socket = awaitSocket();

        String[] plan = {"plan", EXAMPLE.toString(), "-e", "out=" + out, "--no-color", "--detailed-exitcode"};
        Result served = run(true, plan);
        Result fresh = run(false, plan);
        assertEquals(2, served.code(), served.toString());
        assertTrue(served.out().contains("Plan: 5 to create, 0 to replace, 0 to update, 0 to delete."), served.toString());
        assertEquals(fresh, served);

        Path typo = Files.writeString(dir.resolve("typo.groovy"), Files.readString(EXAMPLE).replaceFirst("sans ", "sanz "));
        String[] validate = {"validate", typo.toString(), "--no-color"};
        Result servedTypo = run(true, validate);
        assertEquals(1, servedTypo.code(), servedTypo.toString());
        assertTrue(servedTypo.err().contains("Did you mean \"sans\"?"), servedTypo.toString());
        assertFalse(servedTypo.all().contains("Exception"), servedTypo.toString());
        assertEquals(run(false, validate), servedTypo);

        Result status = run(false, "daemon", "status");
        assertTrue(status.out().contains(socket.getFileName() + ": pid "), status.toString());
        assertTrue(status.out().contains(" 2 runs,"), "the plan and the validate were served: " + status);
        Result stop = run(false, "daemon", "stop");
        assertTrue(stop.out().contains("stopped"), stop.toString());
        awaitGone(socket);
        assertTrue(run(false, "daemon", "status").out().startsWith("No pki daemon is running"));
    }

    @Test
    void aRunThatChangesAMetaclass_retiresTheDaemonAfterIt() throws Exception {
        Path playbook = Files.writeString(dir.resolve("meta.groovy"),
                "String.metaClass.shout = { -> delegate.toUpperCase() }\nhosts('localhost') { }\n");
        run(true, "validate", playbook.toString());
        Path socket = awaitSocket();
        Result served = run(true, "validate", playbook.toString());
        assertEquals(0, served.code(), served.toString());
        awaitGone(socket);
    }

    @Test
    void aDirectoryOthersCanEnter_isNotUsed() throws Exception {
        Files.createDirectories(daemons, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        Result r = run(true, "validate", EXAMPLE.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("pki: not using the daemon: " + daemons + " is open to others (rwxr-xr-x)"), r.toString());
        Thread.sleep(500);
        try (Stream<Path> files = Files.list(daemons)) {
            assertEquals(List.of(), files.toList(), "no daemon was started");
        }
    }

    @Test
    void aDaemonGoneBeforeItTookTheRun_leavesTheRunToTheClient() throws Exception {
        run(true, "validate", EXAMPLE.toString());
        Path socket = awaitSocket();
        run(false, "daemon", "stop");
        awaitGone(socket);
        // What a daemon killed just as a client connects looks like: the connection is queued,
        // then dropped with the request unread (the client sees a reset, not an answer).
        try (ServerSocketChannel dying = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dying.bind(UnixDomainSocketAddress.of(socket));
            Process client = start(true, "validate", EXAMPLE.toString());
            try (SocketChannel queued = dying.accept()) {
                queued.read(ByteBuffer.allocate(1));
            }
            Result r = finish(client, "validate");
            assertEquals(0, r.code(), "nothing ran in the daemon, so the client ran pki itself: " + r);
            assertTrue(r.out().contains("playbook.groovy is valid"), r.toString());
            assertFalse(r.err().contains("lost the daemon"), r.toString());
        }
    }

    @Test
    void outputToAClosedPipe_isLostButTheRunIsNot() throws Exception {
        run(true, "validate", EXAMPLE.toString());
        awaitSocket();
        // 'pki apply ... | head -1': a fresh pki's output to a closed pipe is dropped and the run
        // goes on; a served run must not end the client (and with it the run) instead.
        Path out = dir.resolve("out");
        String[] apply = {"apply", EXAMPLE.toString(), "-e", "out=" + out, "--yes", "--no-color"};
        ProcessBuilder pb = command(true, apply).redirectError(dir.resolve("stderr").toFile());
        Process served = pb.start();
        served.getInputStream().close();
        assertTrue(served.waitFor(60, TimeUnit.SECONDS), "pki apply finished");
        String err = Files.readString(dir.resolve("stderr"));
        assertEquals(0, served.exitValue(), err);
        assertFalse(err.contains("lost the daemon"), err);
        assertTrue(Files.isRegularFile(out.resolve("nginx/nginx.crt")), "the apply ran to its end");
        Result status = run(false, "daemon", "status");
        assertTrue(status.out().contains(" 1 run,"), "the daemon served it and is still there: " + status);
    }

    @Test
    void aDaemonThatDoesNotAnswer_holdsUpNeitherANewDaemonNorStatus() throws Exception {
        Files.createDirectories(daemons, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        // Three other daemons, so that a new one stops the least recently used: that one takes
        // connections and never answers (stopped, hung); the other two are gone (stale sockets).
        Path silentSocket = daemons.resolve("0silent.sock");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(silentSocket));
            lastUsed(daemons.resolve("0silent.lock"), 1);
            for (String gone : List.of("1gone", "2gone")) {
                ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(daemons.resolve(gone + ".sock"))).close();
                lastUsed(daemons.resolve(gone + ".lock"), System.currentTimeMillis() - 60_000);
            }
            run(true, "validate", EXAMPLE.toString());
            Path socket = awaitSocket("0silent.sock", "1gone.sock", "2gone.sock");

            Result served = run(true, "validate", EXAMPLE.toString());
            assertEquals(0, served.code(), served.toString());
            Result status = run(false, "daemon", "status");
            assertEquals(0, status.code(), status.toString());
            assertTrue(status.out().contains("0silent.sock: did not answer within " + Daemons.ANSWER_TIMEOUT.toSeconds() + " s"), status.toString());
            assertTrue(status.out().contains(socket.getFileName() + ": pid ") && status.out().contains(" 1 run,"),
                    "the new daemon served the second run: " + status);
        }
    }

    private static void lastUsed(Path lock, long millis) throws IOException {
        Files.write(lock, new byte[0]);
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.fromMillis(millis));
    }

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** pki in a new JVM from the test's class path: through the daemon client, or as a fresh process. */
    private Result run(boolean daemon, String... args) throws IOException, InterruptedException {
        return finish(start(daemon, args), args);
    }

    private Process start(boolean daemon, String... args) throws IOException {
        return command(daemon, args).redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
    }

    private ProcessBuilder command(boolean daemon, String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                daemon ? DaemonClient.class.getName() : "dev.pki.cli.Main"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.resolve("work").toFile());
        Map<String, String> env = pb.environment();
        env.put("PKI_DAEMON_DIR", daemons.toString());
        env.put("PKI_STATE_DIR", dir.resolve("state").toString());
        env.put("PKI_CACHE_DIR", dir.resolve("cache").toString());
        env.put("PKI_DAEMON_IDLE", "120");
        return pb;
    }

    private Result finish(Process p, String... args) throws IOException, InterruptedException {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pki " + String.join(" ", args) + " finished");
        return new Result(p.exitValue(), Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
    }

    /** The socket of a daemon that started, other than {@code others}. */
    private Path awaitSocket(String... others) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Files.isDirectory(daemons)) {
                try (Stream<Path> files = Files.list(daemons)) {
                    List<Path> sockets = files.filter(f -> f.toString().endsWith(".sock"))
                            .filter(f -> !List.of(others).contains(f.getFileName().toString())).toList();
                    if (!sockets.isEmpty()) return sockets.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no daemon started in 30 s: " + (Files.isDirectory(daemons) ? Files.list(daemons).toList() : "no directory"));
    }

    private static void awaitGone(Path socket) throws InterruptedException {
        for (int i = 0; i < 300 && Files.exists(socket); i++) Thread.sleep(100);
        assertFalse(Files.exists(socket), socket + " is gone");
    }
}

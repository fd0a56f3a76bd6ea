package dev.pki.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether durable writes really reach stable storage: this JVM traced by {@code strace} (its
 * {@code fsync} calls, with the path of each descriptor), once in-process (the local transport)
 * and once through {@code sh} (what SSH and container hosts run). Content synced before the
 * rename, the directory after it; plain writes not synced at all (a thousand leaves would pay).
 */
@Tag("integration")
class DurableWriteIntegrationTest {

    private static final FileAttrs KEY = new FileAttrs("", "", "0600");
    private static final FileAttrs DIR = new FileAttrs("", "", "0700");

    @TempDir
    Path dir;

    @Test
    void durableWrites_syncTheFileBeforeTheRenameAndTheDirectoryAfter_plainWritesDoNot() throws Exception {
        Path local = Files.createDirectories(dir.resolve("local"));
        Path shell = Files.createDirectories(dir.resolve("shell"));
        Path plain = Files.createDirectories(dir.resolve("plain"));
        List<String> lines = traced(() -> {
            new Remote(new LocalTransport()).writeDurable(local.resolve("ca.key").toString(), bytes("local key\n"), KEY);
            new Remote(new ShellHost()).writeDurable(shell.resolve("ca.key").toString(), bytes("shell key\n"), KEY);
            new Remote(new LocalTransport()).write(plain.resolve("leaf.key").toString(), bytes("leaf key\n"), KEY);
            new Remote(new ShellHost()).write(plain.resolve("leaf2.key").toString(), bytes("leaf key\n"), KEY);
        });

        for (Path d : List.of(local, shell)) {
            assertTrue(synced(lines, d + "/.pki-"), "the temporary file in " + d + " was synced: " + lines);
            assertTrue(synced(lines, d + ">"), "the directory " + d + " was synced after the rename: " + lines);
            assertEquals(List.of("ca.key"), names(d), "no temporary file left in " + d);
        }
        assertEquals("local key\n", Files.readString(local.resolve("ca.key")));
        assertEquals("shell key\n", Files.readString(shell.resolve("ca.key")));
        assertFalse(lines.stream().anyMatch(l -> l.contains(plain.toString())), "plain writes are not synced: " + lines);
        assertEquals(List.of("leaf.key", "leaf2.key"), names(plain));
    }

    @Test
    void durableDirectories_syncTheParentOfEachDirectoryCreated_andNothingWhenTheyExist() throws Exception {
        Path local = Files.createDirectories(dir.resolve("local"));
        Path shell = Files.createDirectories(dir.resolve("shell"));
        Path existing = Files.createDirectories(dir.resolve("existing/ca"));
        Path plain = Files.createDirectories(dir.resolve("plain"));
        List<String> lines = traced(() -> {
            new Remote(new LocalTransport()).mkdirDurable(local.resolve("pki/ca/secrets").toString(), DIR);
            new Remote(new ShellHost()).mkdirDurable(shell.resolve("pki/ca/secrets").toString(), DIR);
            new Remote(new LocalTransport()).mkdirDurable(existing.toString(), DIR);
            new Remote(new ShellHost()).mkdirDurable(existing.toString(), DIR);
            new Remote(new LocalTransport()).mkdir(plain.resolve("a/b").toString(), DIR);
            new Remote(new ShellHost()).mkdir(plain.resolve("c/d").toString(), DIR);
        });

        for (Path d : List.of(local, shell)) {
            for (Path parent : List.of(d, d.resolve("pki"), d.resolve("pki/ca"))) {
                assertTrue(synced(lines, parent + ">"), parent + " synced: it holds a new directory: " + lines);
            }
            assertFalse(synced(lines, d.resolve("pki/ca/secrets") + ">"), "the new directory itself is not synced: " + lines);
            assertTrue(Files.isDirectory(d.resolve("pki/ca/secrets")));
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(d.resolve("pki/ca/secrets"))));
        }
        assertFalse(synced(lines, dir + ">"), "the directory above the first that existed is not synced: " + lines);
        assertFalse(lines.stream().anyMatch(l -> l.contains("<" + dir.resolve("existing"))), "nothing created, nothing synced: " + lines);
        assertFalse(lines.stream().anyMatch(l -> l.contains("<" + plain)), "plain mkdir syncs nothing: " + lines);
    }

    /** The fsync calls of this JVM and its children while {@code work} runs. */
    private List<String> traced(ThrowingRunnable work) throws Exception {
        assumeTrue(new LocalTransport().exec(Command.of("sh", "-c", "command -v strace")).ok(), "strace is not installed");
        Path trace = dir.resolve("trace.txt");
        Process strace = new ProcessBuilder("strace", "-f", "-qq", "-y", "-e", "trace=fsync,fdatasync", "-o", trace.toString(),
                "-p", Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true).redirectOutput(dir.resolve("strace.log").toFile()).start();
        try {
            awaitTracing(trace, strace);
            work.run();
        } finally {
            strace.destroy();   // SIGTERM: strace detaches and leaves this JVM running
            assertTrue(strace.waitFor(30, TimeUnit.SECONDS), "strace ended");
        }
        return Files.readAllLines(trace);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Syncs a marker file until strace reports it: attaching takes a moment. */
    private void awaitTracing(Path trace, Process strace) throws IOException, InterruptedException {
        Path marker = dir.resolve("marker");
        for (int i = 0; i < 200; i++) {
            try (FileChannel c = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            if (Files.exists(trace) && Files.readString(trace).contains(marker.toString())) return;
            assertTrue(strace.isAlive(), "strace could not attach: " + Files.readString(dir.resolve("strace.log")));
            Thread.sleep(50);
        }
        throw new AssertionError("strace did not report the marker's fsync in 10 s");
    }

    private static boolean synced(List<String> lines, String path) {
        return lines.stream().anyMatch(l -> l.matches(".*\\bf(data)?sync\\(\\d+<.*") && l.contains("<" + path) && l.endsWith("= 0"));
    }

    private static List<String> names(Path d) throws IOException {
        try (var files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.pki.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shell side of {@link Remote} (what SSH and container hosts get), run with this machine's
 * {@code sh} through a transport that is not the local one, so nothing is done in-process.
 */
class RemoteBatchTest {

    @TempDir
    Path dir;

    private final ShellHost transport = new ShellHost();
    private final Remote batching = Remote.batching(transport);
    private final Remote immediate = new Remote(transport);

    @Test
    void batched_directoriesWritesAndModes_thenACommand_areOneRoundTrip() throws IOException {
        Path d = dir.resolve("a/b");
        Files.createDirectories(dir.resolve("old"));
        batching.mkdir(d.toString(), new FileAttrs("", "", "0700"));
        batching.write(d.resolve("key").toString(), "secret\n".getBytes(StandardCharsets.UTF_8), new FileAttrs("", "", "0600"));
        batching.write(d.resolve("cert").toString(), "public\n".getBytes(StandardCharsets.UTF_8), new FileAttrs("", "", "0644"));
        batching.setAttributes(dir.resolve("old").toString(), new FileAttrs("", "", "0750"));
        assertEquals(0, transport.roundTrips(), "nothing is sent before the next command");
        assertTrue(batching.hasPending());

        ExecResult result = batching.transport().exec(Command.of("cat", d.resolve("key").toString()));

        assertEquals(1, transport.roundTrips());
        assertEquals(0, result.exitCode());
        assertEquals("secret\n", result.out(), "the command ran after the writes, and its output is its own");
        assertEquals("rwx------", mode(d));
        assertEquals("rw-------", mode(d.resolve("key")));
        assertEquals("rw-r--r--", mode(d.resolve("cert")));
        assertEquals("rwxr-x---", mode(dir.resolve("old")));
        assertEquals(List.of("cert", "key"), names(d), "no temporary file left");
        assertFalse(batching.hasPending());
    }

    @Test
    void batched_writes_thenAScriptOnStandardInput_shareTheRoundTrip() {
        Path f = dir.resolve("f");
        batching.write(f.toString(), "x".getBytes(StandardCharsets.UTF_8), new FileAttrs("", "", "0644"));

        ExecResult result = batching.transport().exec(Command.of("sh").withStdin(("cat " + Shell.quote(f.toString()) + "; exit 3\n")
                .getBytes(StandardCharsets.UTF_8)));

        assertEquals(1, transport.roundTrips());
        assertEquals(3, result.exitCode());
        assertEquals("x", result.out());
    }

    @Test
    void contents_travelOnStandardInput_neverInTheArguments() {
        String secret = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n";
        batching.write(dir.resolve("k").toString(), secret.getBytes(StandardCharsets.UTF_8), new FileAttrs("", "", "0600"));
        batching.transport().exec(Command.of("true"));

        for (Command c : transport.received) {
            assertTrue(c.argv().stream().noneMatch(a -> a.contains("MIGHAgEAMBMGByqGSM49")), c.toString());
        }
        assertTrue(transport.received.get(0).argv().equals(List.of("sh")), transport.received.get(0).toString());
    }

    @Test
    void failure_namesTheOperation_keepsWhatRanBefore_andRunsNothingAfter() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        batching.write(dir.resolve("first").toString(), new byte[] {1}, new FileAttrs("", "", "0644"));
        batching.mkdir(blocker.resolve("sub").toString(), new FileAttrs("", "", "0755"));
        batching.write(dir.resolve("third").toString(), new byte[] {3}, new FileAttrs("", "", "0644"));

        TransportException e = assertThrows(TransportException.class,
                () -> batching.transport().exec(Command.of("touch", dir.resolve("ran").toString())));

        assertTrue(e.getMessage().startsWith("could not create directory " + blocker.resolve("sub") + ": "), e.getMessage());
        assertFalse(e.unreachable());
        assertTrue(Files.exists(dir.resolve("first")));
        assertFalse(Files.exists(dir.resolve("third")));
        assertFalse(Files.exists(dir.resolve("ran")), "the command after a failed batch does not run");
        assertEquals(1, transport.roundTrips());
    }

    @Test
    void aCommandWithItsOwnInput_runsAfterTheBatch_inASecondRoundTrip() {
        Path f = dir.resolve("f");
        batching.write(f.toString(), "first".getBytes(StandardCharsets.UTF_8), new FileAttrs("", "", "0644"));

        ExecResult result = batching.transport().exec(new Command(List.of("sh", "-c", "cat " + Shell.quote(f.toString()) + "; cat"),
                "+input".getBytes(StandardCharsets.UTF_8)));

        assertEquals("first+input", result.out());
        assertEquals(2, transport.roundTrips());
    }

    @Test
    void flush_withNothingQueued_sendsNothing() {
        batching.flush();
        assertEquals(0, transport.roundTrips());
    }

    @Test
    void missingProgram_afterABatch_is127LikeAnywhereElse() {
        batching.write(dir.resolve("f").toString(), new byte[] {1}, new FileAttrs("", "", "0644"));

        ExecResult result = batching.transport().exec(Command.of("pki-no-such-program"));

        assertEquals(127, result.exitCode());
        assertTrue(Files.exists(dir.resolve("f")));
    }

    @Test
    void binaryContent_everyByteValue_isWrittenExactly() throws IOException {
        byte[] content = new byte[3 * 256 + Shell.PRINTF_CHUNK];
        for (int i = 0; i < content.length; i++) content[i] = (byte) (i * 7);
        content[0] = '-';
        content[Shell.PRINTF_CHUNK] = '-';   // a chunk starting with '-' is not a printf option
        Path target = dir.resolve("blob");

        immediate.write(target.toString(), content, new FileAttrs("", "", "0600"));

        assertArrayEquals(content, Files.readAllBytes(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s%d%%\\n\\\\", "it's 'quoted'", "1\\0012", "\\", "ends without newline", "", "\n\n"})
    void textContent_withPrintfAndShellSyntax_isTakenLiterally(String text) throws IOException {
        Path target = dir.resolve("t");

        immediate.write(target.toString(), text.getBytes(StandardCharsets.UTF_8), new FileAttrs("", "", "0644"));

        assertEquals(text, Files.readString(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my file.crt", "it's.crt", "\"quoted\".crt", "$HOME.crt", "$(touch pwned)", "`touch pwned`",
            "a;touch pwned", "-rf", "*", "new\nline", "tab\tname", "ünï.crt"})
    void nastyFileName_isTakenLiterally(String name) throws IOException {
        Path target = dir.resolve(name);

        immediate.write(target.toString(), "content".getBytes(StandardCharsets.UTF_8), new FileAttrs("", "", "0600"));

        assertEquals("content", Files.readString(target));
        assertEquals("rw-------", mode(target));
        assertEquals(List.of(name), names(dir), "exactly the named file, no 'pwned' and no temp file");
    }

    @Test
    void writeOverDirectory_failsClearly() throws IOException {
        Path target = Files.createDirectory(dir.resolve("certs"));

        TransportException e = assertThrows(TransportException.class,
                () -> immediate.write(target.toString(), new byte[] {1}, new FileAttrs("", "", "0644")));

        assertTrue(e.getMessage().equals("could not write " + target + ": " + target + " is a directory"), e.getMessage());
        assertEquals(List.of("certs"), names(dir));
    }

    @Test
    void unknownOwnerOrBadMode_failsWithoutLeavingTargetOrTemp() {
        Path target = dir.resolve("owned");

        assertThrows(TransportException.class,
                () -> immediate.write(target.toString(), new byte[] {1}, new FileAttrs("no-such-user-pki-test", "", "0600")));
        assertThrows(TransportException.class, () -> immediate.write(target.toString(), new byte[] {1}, new FileAttrs("", "", "0999")));

        assertFalse(Files.exists(target));
        assertTrue(names(dir).isEmpty(), names(dir).toString());
    }

    @Test
    void directoryOf_isWhatDirnamePrints() {
        assertEquals(".", FileBatch.directoryOf("f"));
        assertEquals("/", FileBatch.directoryOf("/f"));
        assertEquals("/a", FileBatch.directoryOf("/a/f"));
        assertEquals("/a", FileBatch.directoryOf("/a//f/"));
        assertEquals("a/b", FileBatch.directoryOf("a/b/f"));
        assertEquals("./-x", FileBatch.directoryOf("-x/f"));
    }

    @Test
    void parents_runUpToTheRootOrTheWorkingDirectory() {
        assertEquals(List.of("/etc/pki", "/etc", "/"), FileBatch.parents("/etc/pki/lab/"));
        assertEquals(List.of("/"), FileBatch.parents("/srv"));
        assertEquals(List.of(), FileBatch.parents("/"));
        assertEquals(List.of("a", "."), FileBatch.parents("a/b"));
        assertEquals(List.of("./-x", "."), FileBatch.parents("-x/ca"));
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

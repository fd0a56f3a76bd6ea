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

class RemoteTest {

    @TempDir
    Path dir;

    private final LocalTransport transport = new LocalTransport();
    private final Remote remote = new Remote(transport);

    @Test
    void write_newFile_hasContentAndMode() throws IOException {
        Path target = dir.resolve("server.key");
        byte[] content = "-----BEGIN PRIVATE KEY-----\nabc\n".getBytes(StandardCharsets.UTF_8);

        remote.write(target.toString(), content, new FileAttrs("", "", "0640"));

        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(1, transport.roundTrips());
    }

    @Test
    void write_binaryContent_isWrittenByteExact() throws IOException {
        Path target = dir.resolve("blob");
        byte[] content = new byte[256];
        for (int i = 0; i < content.length; i++) content[i] = (byte) i;

        remote.write(target.toString(), content, new FileAttrs("", "", "0600"));

        assertArrayEquals(content, Files.readAllBytes(target));
    }

    @Test
    void write_existingFile_isReplacedWithNewModeAndNoTempLeftBehind() throws IOException {
        Path target = Files.writeString(dir.resolve("ca.crt"), "old content that is longer than the new one\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxrwxrwx"));

        remote.write(target.toString(), "new\n".getBytes(StandardCharsets.UTF_8), new FileAttrs("", "", "0644"));

        assertEquals("new\n", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("ca.crt"), names(dir));
    }

    @Test
    void write_emptyContent_createsEmptyFile() throws IOException {
        Path target = dir.resolve("empty");

        remote.write(target.toString(), new byte[0], new FileAttrs("", "", "0644"));

        assertEquals(0, Files.size(target));
        assertEquals(List.of("empty"), names(dir));
    }

    @Test
    void write_overDirectory_failsClearlyAndLeavesNoTemp() throws IOException {
        Path target = Files.createDirectory(dir.resolve("certs"));

        TransportException e = assertThrows(TransportException.class,
                () -> remote.write(target.toString(), "x".getBytes(StandardCharsets.UTF_8), new FileAttrs("", "", "0644")));

        assertTrue(e.getMessage().contains("could not write " + target), e.getMessage());
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertFalse(e.unreachable());
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of("certs"), names(dir));
    }

    @Test
    void write_intoMissingDirectory_failsWithTransportException() {
        Path target = dir.resolve("missing/file");

        TransportException e = assertThrows(TransportException.class,
                () -> remote.write(target.toString(), new byte[] {1}, new FileAttrs("", "", "0644")));

        assertTrue(e.getMessage().startsWith("could not write " + target), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void write_invalidMode_failsAndLeavesNoTemp() throws IOException {
        Path target = dir.resolve("f");

        assertThrows(TransportException.class,
                () -> remote.write(target.toString(), new byte[] {1}, new FileAttrs("", "", "0999")));

        assertFalse(Files.exists(target));
        assertEquals(List.of(), names(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my file.crt", "it's.crt", "\"quoted\".crt", "$HOME.crt", "$(touch pwned)", "`touch pwned`",
            "a;touch pwned", "-rf", "*", "new\nline", "tab\tname", "ünï.crt"})
    void write_nastyFileName_isTakenLiterally(String name) throws IOException {
        Path target = dir.resolve(name);

        remote.write(target.toString(), "content".getBytes(StandardCharsets.UTF_8), new FileAttrs("", "", "0600"));

        assertEquals("content", Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of(name), names(dir), "exactly the named file, no 'pwned' and no temp file");
        assertFalse(Files.exists(Path.of("pwned")), "nothing ran in the working directory either");
    }

    @Test
    void write_relativePathInNastyDirectory_works() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("$(touch pwned) dir"));

        remote.write(sub.resolve("x").toString(), new byte[] {'x'}, new FileAttrs("", "", "0644"));

        assertEquals("x", Files.readString(sub.resolve("x")));
        assertEquals(List.of("$(touch pwned) dir"), names(dir));
    }

    @Test
    void write_owner_isApplied() throws IOException {
        Path target = dir.resolve("owned");
        String me = System.getProperty("user.name");

        remote.write(target.toString(), new byte[] {1}, new FileAttrs(me, "", "0600"));

        assertEquals(me, Files.getOwner(target).getName());
    }

    @Test
    void write_unknownOwner_failsWithoutLeavingTarget() throws IOException {
        Path target = dir.resolve("owned");

        TransportException e = assertThrows(TransportException.class,
                () -> remote.write(target.toString(), new byte[] {1}, new FileAttrs("no-such-user-pki-test", "", "0600")));

        assertTrue(e.getMessage().contains("no-such-user-pki-test"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void mkdir_nestedPath_createsParentsWithMode() throws IOException {
        Path target = dir.resolve("a b/c'd/$e");

        remote.mkdir(target.toString(), new FileAttrs("", "", "0700"));

        assertTrue(Files.isDirectory(target));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void mkdir_existingDirectory_setsMode() throws IOException {
        Path target = Files.createDirectory(dir.resolve("d"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxrwxrwx"));

        remote.mkdir(target.toString(), new FileAttrs("", "", "0750"));

        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void mkdir_overRegularFile_fails() throws IOException {
        Path target = Files.writeString(dir.resolve("f"), "x");

        TransportException e = assertThrows(TransportException.class, () -> remote.mkdir(target.toString(), new FileAttrs("", "", "0755")));

        assertTrue(e.getMessage().startsWith("could not create directory " + target), e.getMessage());
        assertEquals("x", Files.readString(target));
    }

    @Test
    void setAttributes_existingFile_changesModeOnly() throws IOException {
        Path target = Files.writeString(dir.resolve("it's $x"), "keep");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));

        remote.setAttributes(target.toString(), new FileAttrs("", "", "0600"));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("keep", Files.readString(target));
    }

    @Test
    void setAttributes_missingPath_fails() {
        Path target = dir.resolve("missing");

        TransportException e = assertThrows(TransportException.class, () -> remote.setAttributes(target.toString(), new FileAttrs("", "", "0600")));

        assertTrue(e.getMessage().startsWith("could not set owner/mode of " + target), e.getMessage());
    }

    @Test
    void shell_userCommandLine_runsWithShell() {
        ExecResult result = remote.shell("echo $((1 + 2)) && exit 4");

        assertEquals(4, result.exitCode());
        assertEquals("3\n", result.out());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

package dev.pki.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pki.transport.LocalTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactGathererTest {

    @TempDir
    Path dir;

    private final LocalTransport transport = new LocalTransport();

    private Path absent;
    private Path directory;
    private Path binary;
    private Path empty;
    private Path newline;
    private Path nasty;
    private byte[] allBytes;

    @BeforeEach
    void createFiles() throws Exception {
        absent = dir.resolve("absent");
        directory = Files.createDirectory(dir.resolve("conf.d"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-x---"));
        allBytes = new byte[256];
        for (int i = 0; i < 256; i++) allBytes[i] = (byte) i;
        binary = Files.write(dir.resolve("binary.bin"), allBytes);
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rw-r-----"));
        empty = Files.write(dir.resolve("empty"), new byte[0]);
        newline = Files.write(dir.resolve("newline"), "\n".getBytes(StandardCharsets.UTF_8));
        nasty = Files.writeString(dir.resolve("it's a \"file\" $(x) `y`"), "hello\n");
    }

    @Test
    void gather_manyFacts_takesExactlyOneRoundTrip() {
        Fact.CommandFact command = new Fact.CommandFact(List.of("sh", "-c", "echo out; echo err >&2; exit 3"));
        Set<Fact> wanted = new LinkedHashSet<>(List.of(Fact.path(absent.toString()), Fact.path(directory.toString()),
                Fact.content(binary.toString()), Fact.content(empty.toString()), Fact.content(newline.toString()),
                Fact.content(nasty.toString()), command));

        FactSet facts = FactGatherer.gather(transport, wanted);

        assertEquals(1, transport.roundTrips());
        // Every answer is there after that one trip.
        assertFalse(facts.path(absent.toString()).exists());
        assertTrue(facts.path(directory.toString()).isDirectory());
        assertTrue(facts.path(binary.toString()).isFile());
        assertEquals(3, facts.command(command).exitCode());
    }

    @Test
    void gather_absentPath_isAbsent() {
        PathState state = gatherOne(Fact.content(absent.toString())).path(absent.toString());

        assertEquals(PathState.Kind.ABSENT, state.kind());
        assertFalse(state.exists());
        assertNull(state.content());
        assertEquals(Optional.empty(), state.text());
    }

    @Test
    void gather_directory_hasKindModeOwnerAndGroup() {
        PathState state = gatherOne(Fact.path(directory.toString())).path(directory.toString());

        assertEquals(PathState.Kind.DIRECTORY, state.kind());
        assertEquals("0750", state.mode());
        assertEquals(System.getProperty("user.name"), state.owner());
        assertFalse(state.group().isEmpty());
        assertNull(state.content());
    }

    @Test
    void gather_binaryFile_returnsEveryByteValueExactly() {
        PathState state = gatherOne(Fact.content(binary.toString())).path(binary.toString());

        assertEquals(PathState.Kind.FILE, state.kind());
        assertEquals("0640", state.mode());
        assertTrue(state.readable());
        assertArrayEquals(allBytes, state.content());
    }

    @Test
    void gather_emptyFile_hasEmptyContentNotNull() {
        PathState state = gatherOne(Fact.content(empty.toString())).path(empty.toString());

        assertTrue(state.isFile());
        assertArrayEquals(new byte[0], state.content());
        assertEquals(Optional.of(""), state.text());
    }

    @Test
    void gather_newlineOnlyFile_keepsTheNewline() {
        PathState state = gatherOne(Fact.content(newline.toString())).path(newline.toString());

        assertArrayEquals(new byte[] {'\n'}, state.content());
    }

    @Test
    void gather_pathWithSpacesQuotesAndDollar_isReadLiterally() {
        PathState state = gatherOne(Fact.content(nasty.toString())).path(nasty.toString());

        assertTrue(state.isFile());
        assertEquals(Optional.of("hello\n"), state.text());
    }

    @Test
    void gather_fileWithoutContent_hasNoContent() {
        PathState state = gatherOne(Fact.path(binary.toString())).path(binary.toString());

        assertTrue(state.isFile());
        assertEquals("0640", state.mode());
        assertNull(state.content(), "content was not asked for, so it must not pretend the file is empty");
    }

    @Test
    void gather_pathAndContentOfSamePath_bothAnsweredByTheContentRead() {
        FactSet facts = FactGatherer.gather(transport,
                new LinkedHashSet<>(List.of(Fact.path(binary.toString()), Fact.content(binary.toString()))));

        assertArrayEquals(allBytes, facts.path(binary.toString()).content());
        assertEquals(1, transport.roundTrips());
    }

    @Test
    void gather_commandFact_capturesExitCodeStdoutAndStderr() {
        Fact.CommandFact command = new Fact.CommandFact(List.of("sh", "-c", "printf 'out\\n\\001'; printf 'err' >&2; exit 7"));

        CommandOutput output = gatherOne(command).command(command);

        assertEquals(7, output.exitCode());
        assertFalse(output.ok());
        assertArrayEquals(new byte[] {'o', 'u', 't', '\n', 1}, output.stdout());
        assertEquals("err", output.err());
    }

    @Test
    void gather_commandFactWithNoOutput_hasEmptyStreams() {
        Fact.CommandFact command = new Fact.CommandFact(List.of("true"));

        CommandOutput output = gatherOne(command).command(command);

        assertEquals(0, output.exitCode());
        assertTrue(output.ok());
        assertEquals("", output.out());
        assertEquals("", output.err());
    }

    @Test
    void gather_commandFactOfAMissingProgram_exits127AndSaysWhich() {
        Fact.CommandFact missing = new Fact.CommandFact(List.of("pki-no-such-program", "x"));
        Fact.CommandFact present = new Fact.CommandFact(List.of("sh", "-c", "echo here"));

        FactSet facts = FactGatherer.gather(transport, new LinkedHashSet<>(List.of(missing, present)));

        assertEquals(127, facts.command(missing).exitCode());
        assertTrue(facts.command(missing).err().contains("pki-no-such-program"), facts.command(missing).err());
        assertEquals("here\n", facts.command(present).out());
        assertEquals(1, transport.roundTrips(), "one read, however many commands");
    }

    @Test
    void gather_commandFactArgumentsWithShellSyntax_areNotInterpreted() {
        Path pwned = dir.resolve("pwned");
        Fact.CommandFact command = new Fact.CommandFact(List.of("printf", "%s", "$(touch " + pwned + ") it's"));

        CommandOutput output = gatherOne(command).command(command);

        assertEquals("$(touch " + pwned + ") it's", output.out());
        assertFalse(Files.exists(pwned));
    }

    @Test
    void script_answersEveryPathAsTheInProcessReaderDoes() throws Exception {
        // More paths than one stat or od takes, so that the chunks meet; files, absent paths and
        // directories interleaved, some wanted with content, some not.
        Set<Fact> wanted = new LinkedHashSet<>(List.of(Fact.path(absent.toString()), Fact.path(directory.toString()),
                Fact.content(binary.toString()), Fact.content(empty.toString()), Fact.content(newline.toString()),
                Fact.content(nasty.toString()), Fact.content(directory.toString()), Fact.content(absent.toString())));
        for (int i = 0; i < 2 * FactGatherer.CHUNK + 7; i++) {
            Path f = Files.writeString(dir.resolve("f" + i), "file " + i + "\n".repeat(i % 3));
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(i % 2 == 0 ? "rw-------" : "rw-r--r--"));
            wanted.add(i % 5 == 0 ? Fact.path(f.toString()) : Fact.content(f.toString()));
            if (i % 4 == 0) wanted.add(Fact.content(dir.resolve("missing" + i).toString()));
            if (i % 9 == 0) wanted.add(Fact.path(Files.createDirectory(dir.resolve("d" + i)).toString()));
        }
        dev.pki.transport.ShellHost shell = new dev.pki.transport.ShellHost();

        FactSet byScript = FactGatherer.gather(shell, wanted);
        FactSet inProcess = FactGatherer.gather(transport, wanted);

        assertEquals(1, shell.roundTrips());
        assertFalse(new String(shell.received.get(0).stdin(), StandardCharsets.UTF_8).contains("mktemp"), "no temporary files for paths");
        for (Fact f : wanted) {
            String path = ((Fact.PathFact) f).path();
            PathState a = byScript.path(path);
            PathState b = inProcess.path(path);
            assertEquals(List.of(b.kind(), b.mode(), b.owner(), b.group(), b.readable(), b.uid(), b.gid()),
                    List.of(a.kind(), a.mode(), a.owner(), a.group(), a.readable(), a.uid(), a.gid()), path);
            assertArrayEquals(b.content(), a.content(), path);
        }
        assertArrayEquals(allBytes, byScript.path(binary.toString()).content());
        assertEquals(Optional.of("hello\n"), byScript.path(nasty.toString()).text());
    }

    @Test
    void inProcessReader_namesEachOwnerAsTheScriptDoes_namedAndNamelessIds() throws Exception {
        // Names are looked up once per id and read: paths with different owners in one read must
        // each get their own, and an id without a name its number, as stat -c %U/%G prints it.
        assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
        List<String> owners = List.of("0:0", "65534:65534", "4242:4243", "0:4243", "65534:0");
        Set<Fact> wanted = new LinkedHashSet<>();
        for (int i = 0; i < owners.size(); i++) {
            for (int copy = 0; copy < 2; copy++) {
                Path f = Files.writeString(dir.resolve("owned" + i + "-" + copy), "x");
                String[] ids = owners.get(i).split(":");
                Files.setAttribute(f, "unix:uid", Integer.parseInt(ids[0]));
                Files.setAttribute(f, "unix:gid", Integer.parseInt(ids[1]));
                wanted.add(Fact.content(f.toString()));
            }
        }
        FactSet byScript = FactGatherer.gather(new dev.pki.transport.ShellHost(), wanted);
        FactSet inProcess = FactGatherer.gather(transport, wanted);

        for (Fact f : wanted) {
            String path = ((Fact.PathFact) f).path();
            PathState a = byScript.path(path);
            PathState b = inProcess.path(path);
            assertEquals(List.of(a.owner(), a.group(), a.uid(), a.gid()), List.of(b.owner(), b.group(), b.uid(), b.gid()), path);
        }
        PathState nameless = inProcess.path(dir.resolve("owned2-1").toString());
        assertEquals(List.of("4242", "4243"), List.of(nameless.owner(), nameless.group()));
        PathState root = byScript.path(dir.resolve("owned0-1").toString());
        assertEquals("root", root.owner());
        assertTrue(root.ownerIs("root") && root.ownerIs("0") && root.groupIs("0"), "a name or its id");
        assertFalse(root.ownerIs("65534") || root.ownerIs("nobody"));
    }

    @Test
    void programs_foundWhereCommandVFindsThem_absentOtherwise_inTheSameRoundTrip() throws Exception {
        Fact.ProgramFact programs = Fact.programs("sh", "no-such-program-pki", "od");
        Fact.CommandFact whereSh = new Fact.CommandFact(List.of("sh", "-c", "command -v sh; command -v od"));
        dev.pki.transport.ShellHost shell = new dev.pki.transport.ShellHost();

        FactSet facts = FactGatherer.gather(shell, new LinkedHashSet<>(List.of(programs, whereSh, Fact.path(binary.toString()))));

        assertEquals(1, shell.roundTrips());
        String[] expected = facts.command(whereSh).out().strip().split("\n");
        assertEquals(java.util.Map.of("sh", expected[0], "od", expected[1]), facts.programs(programs));
        // Also on this machine's transport, which reads bare paths in-process but not programs.
        assertEquals(facts.programs(programs), FactGatherer.gather(transport, Set.of(programs)).programs(programs));
    }

    @Test
    void programs_namesAreCheckedNotQuoted() {
        assertThrows(IllegalArgumentException.class, () -> Fact.programs("sh; touch /tmp/pwned"));
        assertThrows(IllegalArgumentException.class, () -> Fact.programs("$(id)"));
    }

    @Test
    void gather_nothingWanted_makesNoRoundTrip() {
        FactGatherer.gather(transport, Set.of());

        assertEquals(0, transport.roundTrips());
    }

    @Test
    void factSet_factNotGathered_isAProgrammingError() {
        FactSet facts = gatherOne(Fact.path(directory.toString()));

        assertThrows(IllegalStateException.class, () -> facts.path(absent.toString()));
    }

    @Test
    void pathState_toString_neverShowsContent() {
        PathState state = PathState.file("0600", "root", "root", "SECRET KEY".getBytes(StandardCharsets.UTF_8));

        assertFalse(state.toString().contains("SECRET"));
        assertTrue(state.toString().contains("10 bytes"));
    }

    private FactSet gatherOne(Fact fact) {
        FactSet facts = FactGatherer.gather(transport, Set.of(fact));
        assertEquals(1, transport.roundTrips());
        return facts;
    }
}

package dev.pki.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exit code table of docs/cli.md, command by command. */
class ExitCodesTest {

    @TempDir
    Path dir;

    private Cli.Result pki(String... args) {
        return Cli.run(args);
    }

    private int files;

    private Path playbook(String source) throws Exception {
        Path file = dir.resolve("playbook" + (files++) + ".groovy");
        Files.writeString(file, source);
        return file;
    }

    private String dirPlaybook() throws Exception {
        return playbook("hosts('localhost') { directory('" + dir.resolve("made") + "') { mode '0700' } }").toString();
    }

    @Test
    void planDetailedExitcode_isTwoWithChanges_andZeroWithout() throws Exception {
        String pb = dirPlaybook();
        assertEquals(ExitCodes.CHANGES, pki("plan", pb, "--detailed-exitcode").exitCode());
        assertEquals(ExitCodes.OK, pki("plan", pb).exitCode(), "without the flag, changes are success");
        assertFalse(Files.exists(dir.resolve("made")), "plan changes nothing");
        assertEquals(ExitCodes.OK, pki("apply", pb, "--yes", "--state-dir", dir.resolve("s").toString()).exitCode());
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("made"))));
        assertEquals(ExitCodes.OK, pki("plan", pb, "--detailed-exitcode").exitCode());
    }

    @Test
    void applyWithoutTerminal_refusesWithoutYes_andChangesNothing() throws Exception {
        Cli.Result r = pki("apply", dirPlaybook(), "--state-dir", dir.resolve("s").toString());
        assertEquals(ExitCodes.ERROR, r.exitCode());
        assertTrue(r.err().contains("Pass --yes"), r.err());
        assertFalse(Files.exists(dir.resolve("made")));
    }

    @Test
    void applyWithNothingToDo_saysSo_andSucceeds() throws Exception {
        Files.createDirectory(dir.resolve("made"), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        Cli.Result r = pki("apply", dirPlaybook(), "--state-dir", dir.resolve("s").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.all());
        assertTrue(r.out().contains("No changes."), r.out());
    }

    @Test
    void badInput_isOne_withoutStackTrace() throws Exception {
        for (String[] args : new String[][]{
                {"plan", playbook("hosts('localhost') { file('/x') { mdoe = '0640' } }").toString()},
                {"plan", dir.resolve("missing.groovy").toString()},
                {"plan"},
                {"plan", dirPlaybook(), "--no-such-option"},
                {"plan", dirPlaybook(), "-e", "novalue"},
                {"validate", dirPlaybook(), "-i", dir.resolve("missing.yml").toString()},
                {"frobnicate"}}) {
            Cli.Result r = pki(args);
            assertEquals(ExitCodes.ERROR, r.exitCode(), String.join(" ", args) + "\n" + r.all());
            assertTrue(r.err().contains("Error"), r.err());
            assertFalse(r.all().contains("\tat "), "no stack trace: " + r.all());
        }
    }

    @Test
    void validate_valid_isZero_andCountsPlaysStepsAndHosts() throws Exception {
        Cli.Result one = pki("validate", dirPlaybook());
        assertEquals(ExitCodes.OK, one.exitCode(), one.err());
        assertTrue(one.out().endsWith(" is valid: 1 play, 1 step on 1 host.\n"), one.out());

        String two = playbook("hosts('localhost') { directory('" + dir.resolve("a") + "'); directory('" + dir.resolve("b") + "') }\n"
                + "hosts('localhost') { directory('" + dir.resolve("c") + "') }").toString();
        Cli.Result more = pki("validate", two);
        assertTrue(more.out().endsWith(" is valid: 2 plays, 3 steps on 1 host.\n"), more.out());
    }

    @Test
    void validate_stepUsingCaDeclaredLater_isOne() throws Exception {
        String pb = playbook("""
                hosts('localhost') {
                    file('%1$s/root.crt') { content ca('lab').rootCertificate }
                }
                hosts('localhost') {
                    ca('lab') { dir '%1$s/ca'; passphraseFile '%1$s/ca/pass' }
                }
                """.formatted(dir)).toString();

        Cli.Result r = pki("validate", pb);

        assertEquals(ExitCodes.ERROR, r.exitCode(), r.all());
        assertTrue(r.err().contains("line 2: file " + dir + "/root.crt uses ca('lab'), which is declared later in the playbook (line 5);"
                + " move the ca block before it"), r.err());
    }

    @Test
    void versionAfterACommand_printsTheVersion() {
        java.util.Set<String> commands = new picocli.CommandLine(new Main()).getSubcommands().keySet();
        assertTrue(commands.containsAll(java.util.List.of("plan", "apply", "validate", "graph", "show")), commands.toString());
        for (String command : commands) {
            if (command.equals("help")) continue;   // picocli's own; it has no options
            Cli.Result r = pki(command, "-V");
            assertEquals(0, r.exitCode(), command + ": " + r.all());
            assertTrue(r.out().startsWith("pki " + Main.VERSION + "\n"), command + ": " + r.out());
        }
    }

    @Test
    void patternMatchingNothing_isAWarning_andAnErrorUnderStrict() throws Exception {
        String pb = playbook("hosts('nosuchhost') { directory('" + dir.resolve("x") + "') }").toString();
        Cli.Result lenient = pki("validate", pb);
        assertEquals(ExitCodes.OK, lenient.exitCode(), lenient.all());
        assertTrue(lenient.err().contains("Warning: playbook") && lenient.err().contains("hosts('nosuchhost') matches no host"), lenient.err());
        Cli.Result strict = pki("validate", pb, "--strict");
        assertEquals(ExitCodes.ERROR, strict.exitCode());
        assertTrue(strict.err().contains("Error: playbook") && strict.err().contains("hosts('nosuchhost') matches no host"), strict.err());
    }

    @Test
    void versionAndHelp_succeed() {
        assertTrue(pki("--version").exitCode() == 0);
        Cli.Result help = pki("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.all().contains("plan") && help.all().contains("apply") && help.all().contains("validate"), help.all());
        assertEquals(0, pki("help", "apply").exitCode());
    }
}

package dev.pki.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A handler that failed stays pending: its message says why once, plan shows it, and apply runs it. */
class PendingHandlersTest {

    @TempDir
    Path dir;
    private Path playbook;

    @BeforeEach
    void setUp() throws Exception {
        playbook = dir.resolve("motd.groovy");
        Files.writeString(playbook, """
                hosts('localhost') {
                    file('%s/motd') {
                        content "hello\\n"
                        onChange vars.handler
                    }
                }
                """.formatted(dir));
    }

    private Cli.Result pki(String command, String handler, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, playbook.toString(), "-e", "handler=" + handler,
                "--state-dir", dir.resolve("state").toString(), "--no-color"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void failedHandler_withoutStderr_namesTheExitCodeOnce() {
        Cli.Result apply = pki("apply", "exit 3", "--yes");

        assertEquals(ExitCodes.ERROR, apply.exitCode(), apply.all());
        assertTrue(apply.out().contains("handler failed (exit 3); it will run again on the next apply"), apply.out());
        assertFalse(apply.all().contains("exit code 3;"), apply.all());
    }

    @Test
    void failedHandler_withStderr_showsItsErrorLine() {
        Cli.Result apply = pki("apply", "echo first >&2; echo boom >&2; exit 4", "--yes");

        assertEquals(ExitCodes.ERROR, apply.exitCode(), apply.all());
        assertTrue(apply.out().contains("handler failed (exit 4): boom; it will run again on the next apply"), apply.out());
    }

    @Test
    void pendingHandler_isShownByPlan_andCountsAsAChange_untilApplyRunsIt() {
        assertEquals(ExitCodes.ERROR, pki("apply", "exit 3", "--yes").exitCode());
        String line = "Pending from an earlier run: localhost file " + dir + "/motd: handler will run (touch " + dir + "/ran)\n";

        Cli.Result plan = pki("plan", "touch " + dir + "/ran", "--detailed-exitcode");
        assertEquals(ExitCodes.CHANGES, plan.exitCode(), plan.all());
        assertTrue(plan.out().endsWith("No changes. The infrastructure matches the playbook.\n" + line), plan.out());
        assertEquals(ExitCodes.OK, pki("plan", "touch " + dir + "/ran").exitCode(), "without the flag, pending handlers are success");

        Cli.Result json = pki("plan", "touch " + dir + "/ran", "--format", "json");
        assertFalse(json.out().contains("Pending"), "JSON output stays JSON: " + json.out());
        assertTrue(json.err().contains(line), json.err());

        assertFalse(Files.exists(dir.resolve("ran")), "plan runs nothing");
        Cli.Result apply = pki("apply", "touch " + dir + "/ran", "--yes");
        assertEquals(ExitCodes.OK, apply.exitCode(), apply.all());
        assertTrue(apply.out().contains(line), apply.out());
        assertTrue(Files.exists(dir.resolve("ran")));

        Cli.Result after = pki("plan", "touch " + dir + "/ran", "--detailed-exitcode");
        assertEquals(ExitCodes.OK, after.exitCode(), after.all());
        assertFalse(after.out().contains("Pending"), after.out());
    }
}

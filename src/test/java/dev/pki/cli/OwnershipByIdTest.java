package dev.pki.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An owner or group given as a numeric id (docs/dsl.md: "a user or group name, or a numeric id")
 * is the same owner as its name: apply converges and the next plan has nothing to do. The ids are
 * this process's own, so the test needs no root.
 */
class OwnershipByIdTest {

    @TempDir
    Path dir;

    @Test
    void numericOwnerAndGroup_applyConverges_andTheNextPlanIsEmpty() throws Exception {
        Path probe = Files.createFile(dir.resolve("probe"));
        int uid = (Integer) Files.getAttribute(probe, "unix:uid");
        int gid = (Integer) Files.getAttribute(probe, "unix:gid");
        Path playbook = dir.resolve("owned.groovy");
        Files.writeString(playbook, """
                hosts('localhost') {
                    directory('%1$s/app') { owner '%2$d'; group '%3$d'; mode '0750' }
                    file('%1$s/app/app.conf') { content "x\\n"; owner '%2$d'; group '%3$d'; mode '0640' }
                }
                """.formatted(dir, uid, gid));
        String state = dir.resolve("state").toString();

        Cli.Result apply = Cli.run("apply", playbook.toString(), "--state-dir", state, "--yes", "--no-color");
        assertEquals(ExitCodes.OK, apply.exitCode(), apply.all());
        assertTrue(apply.out().contains("changed=2"), apply.out());

        Cli.Result plan = Cli.run("plan", playbook.toString(), "--state-dir", state, "--detailed-exitcode", "--no-color");
        assertEquals(ExitCodes.OK, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("No changes."), plan.out());
    }
}

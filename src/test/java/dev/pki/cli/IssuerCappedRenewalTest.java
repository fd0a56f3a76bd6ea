package dev.pki.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate whose notAfter was cut to its intermediate's, with less than renewBefore left:
 * re-issuing cannot help, so apply converges and plan warns instead of re-issuing forever.
 */
class IssuerCappedRenewalTest {

    @TempDir
    Path dir;

    @Test
    void intermediateEndingWithinRenewBefore_appliesOnce_thenPlanWarnsWithoutChanges() throws Exception {
        Path playbook = dir.resolve("capped.groovy");
        Files.writeString(playbook, """
                hosts('localhost') {
                    ca('lab') {
                        dir '%1$s/ca'
                        passphraseFile '%1$s/ca/passphrase.txt'
                        intermediate { validity days(19) }
                    }
                    directory '%1$s/web'
                    certificate('web.internal') {
                        issuer ca('lab')
                        cert '%1$s/web/web.crt'
                        key '%1$s/web/web.key'
                        renewBefore days(30)
                    }
                }
                """.formatted(dir));
        String state = dir.resolve("state").toString();

        Cli.Result apply = Cli.run("apply", playbook.toString(), "--yes", "--state-dir", state, "--no-color");
        assertEquals(ExitCodes.OK, apply.exitCode(), apply.all());

        Cli.Result plan = Cli.run("plan", playbook.toString(), "--detailed-exitcode", "--state-dir", state, "--no-color");
        assertEquals(ExitCodes.OK, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("No changes."), plan.out());
        assertTrue(Pattern.compile("Warning: capped\\.groovy line 8: certificate web\\.internal on localhost: cannot renew beyond the issuer:"
                + " ca\\('lab'\\)'s intermediate expires in 1[89]d\n").matcher(plan.err()).find(), plan.err());

        Cli.Result again = Cli.run("apply", playbook.toString(), "--yes", "--state-dir", state, "--no-color");
        assertEquals(ExitCodes.OK, again.exitCode(), again.all());
        assertTrue(again.out().contains("No changes."), again.out());
    }
}

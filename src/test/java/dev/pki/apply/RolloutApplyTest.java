package dev.pki.apply;

import dev.pki.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batches, max-fail and the recap through the command line. Hosts whose container does not
 * exist are unreachable: real failures without a network.
 */
class RolloutApplyTest {

    @TempDir
    Path dir;

    /** Six working hosts (h1..h6 local) with two broken ones (b1, b2) placed at positions 3 and 6 of the play. */
    private Path inventory() throws Exception {
        Path inv = dir.resolve("inventory.yml");
        Files.writeString(inv, """
                all:
                  hosts:
                    h1: { connection: local }
                    h2: { connection: local }
                    b1: { connection: lxc, via: h1, container: pki-test-no-such-container }
                    h3: { connection: local }
                    h4: { connection: local }
                    b2: { connection: lxc, via: h1, container: pki-test-no-such-container }
                    h5: { connection: local }
                    h6: { connection: local }
                """);
        return inv;
    }

    private CliRunner.Result apply(String options) throws Exception {
        Path playbook = dir.resolve("playbook.groovy");
        Files.writeString(playbook, "hosts('all'" + options + ") {\n  directory('" + dir.resolve("d") + "') { mode '0700' }\n  file('"
                + dir.resolve("d/f") + "') { content 'x' }\n}\n");
        return CliRunner.run("apply", playbook.toString(), "-i", inventory().toString(), "--yes", "--no-color",
                "--state-dir", dir.resolve("state").toString());
    }

    @Test
    void withoutLimits_brokenHostsFail_andTheOthersConverge() throws Exception {
        CliRunner.Result r = apply("");
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().matches("(?s).*b1 +ok=0 +changed=0 +failed=0 +unreachable=1 +skipped=0.*"), r.out());
        assertTrue(r.out().matches("(?s).*h6 +ok=\\d +changed=\\d +failed=0 +unreachable=0 +skipped=0.*"), r.out());
    }

    @Test
    void maxFailPercentage_stopsNewBatches_andCountsTheRestAsSkipped() throws Exception {
        CliRunner.Result r = apply(", serial: 3, maxFailPercentage: 30");
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().contains("hosts('all'): batch 1 of 3 (3 hosts)"), r.out());
        assertTrue(r.out().contains("Stopping: 1 of 3 hosts in the batch failed, more than maxFailPercentage 30%"), r.out());
        assertTrue(!r.out().contains("batch 2 of 3"), r.out());
        for (String host : new String[]{"h3", "h4", "b2", "h5", "h6"}) {
            assertTrue(r.out().matches("(?s).*\\n  " + host + " +ok=0 +changed=0 +failed=0 +unreachable=0 +skipped=2.*"), host + "\n" + r.out());
        }
    }

    @Test
    void growingBatches_runInOrder_andAFailureWithinTheLimitGoesOn() throws Exception {
        CliRunner.Result r = apply(", serial: [1, 2, '50%'], maxFailPercentage: 50");
        assertEquals(1, r.exitCode(), "b1 and b2 failed");
        String out = r.out();
        assertTrue(out.indexOf("batch 1 of 4 (1 host)") < out.indexOf("batch 2 of 4 (2 hosts)"), out);
        assertTrue(out.contains("batch 3 of 4 (4 hosts)") && out.contains("batch 4 of 4 (1 host)"), out);
        assertTrue(!out.contains("Stopping"), out);
    }

    @Test
    void anyErrorsFatal_stopsEverythingAfterTheFirstFailure() throws Exception {
        CliRunner.Result r = apply(", serial: 3, anyErrorsFatal: true");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("Stopping: a host failed and hosts('all') has anyErrorsFatal"), r.out());
        assertTrue(r.out().matches("(?s).*h6 +ok=0 +changed=0 +failed=0 +unreachable=0 +skipped=2.*"), r.out());
    }

    @Test
    void nothingToDo_butAHostUnreachable_stillExitsOne() throws Exception {
        assertEquals(1, apply("").exitCode(), "first run: b1 and b2 unreachable");
        CliRunner.Result again = apply("");
        assertTrue(again.out().contains("No changes on the hosts that could be read; 2 hosts were unreachable"), again.all());
        assertEquals(1, again.exitCode(), "an unreachable host is a failure even when the others have nothing to do");
    }

    @Test
    void badRolloutOptions_areReportedWithTheLine() throws Exception {
        CliRunner.Result r = apply(", serial: '150%'");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("playbook.groovy line 1: serial takes a positive number"), r.err());
    }
}

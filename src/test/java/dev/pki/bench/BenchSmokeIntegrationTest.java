package dev.pki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the benchmark harness working (issue 6): {@code bench/run --quick --only B4,B6} — one
 * iteration of bulk issuance against the openssl loop, the JMH limit and start-up — must run,
 * check its results and write its report. It asserts that every case ran and was checked, never
 * how fast: figures come from full runs by hand (bench/README.md).
 */
@Tag("integration")
class BenchSmokeIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void quickRun_ofBulkIssuanceAndStartUp_runsChecksAndReports() throws Exception {
        Path log = dir.resolve("bench.log");
        ProcessBuilder bench = new ProcessBuilder("bench/run", "--quick", "--only", "B4,B6")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        bench.environment().put("PKI_BENCH_WORK", dir.resolve("work").toString());
        bench.environment().put("PKI_BENCH_RESULTS", dir.resolve("results").toString());
        Process run = bench.start();
        boolean finished = run.waitFor(10, TimeUnit.MINUTES);
        if (!finished) run.destroyForcibly();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, "bench/run did not finish in 10 minutes:\n" + output);
        assertEquals(0, run.exitValue(), output);

        JsonNode results = new ObjectMapper().readTree(dir.resolve("results/quick.json").toFile());
        assertCase(results, "B4", "N=20 first apply", "pki", "openssl");
        assertCase(results, "B6", "validate phoenix", "pki");
        assertCase(results, "B6", "--version (JVM floor)", "pki");
        assertTrue(results.get("jmh").size() > 0, "the JMH limit was measured: " + results.get("jmh"));
        for (JsonNode b : results.get("jmh")) assertTrue(b.get("us_per_op").asDouble() > 0, b.toString());
        String markdown = Files.readString(dir.resolve("results/quick.md"));
        assertTrue(markdown.contains("| B4 | N=20 first apply |"), markdown);
    }

    private static void assertCase(JsonNode results, String scenario, String name, String... contenders) {
        for (JsonNode c : results.get("cases")) {
            if (!c.get("scenario").asText().equals(scenario) || !c.get("case").asText().equals(name)) continue;
            assertEquals("ok", c.get("status").asText(), c.toString());
            for (String who : contenders) {
                assertTrue(c.at("/contenders/" + who + "/wall_s/median").asDouble() > 0, who + " was timed: " + c);
            }
            return;
        }
        throw new AssertionError("no case " + scenario + " '" + name + "' in " + results.get("cases"));
    }
}

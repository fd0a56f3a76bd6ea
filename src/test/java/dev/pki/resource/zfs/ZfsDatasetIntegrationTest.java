package dev.pki.resource.zfs;

import dev.pki.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * zfsDataset on the real zfs-fuse pool {@code quickOS} of the test bed ({@code scripts/testbed up}),
 * through the command line: create, converge, change a property, destroy. Works on a throwaway
 * dataset {@code quickOS/pki-test-RANDOM}, which is destroyed at the end whatever happens.
 */
@Tag("integration")
class ZfsDatasetIntegrationTest {

    private static final String PLAYBOOK = """
            hosts('localhost') {
                if (vars.state == 'absent') {
                    zfsDataset(vars.ds) {
                        state 'absent'
                        if (vars.force) force true
                    }
                } else {
                    zfsDataset(vars.ds) {
                        mountpoint vars.mnt
                        property 'compression', vars.comp
                        property 'quota', '64M'
                        property 'pki:note', 'pki integration test'
                    }
                    directory "${vars.mnt}/103/ssl"
                }
            }
            """;

    @TempDir
    Path dir;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String dataset = "quickOS/pki-test-" + id;
    private final String mountpoint = "/tmp/pki-test-zfs-" + id;
    private Path playbook;

    @BeforeAll
    static void requirePool() {
        dev.pki.testbed.TestBed.ensureUp();
        assumeTrue(run("zpool", "list", "-H", "quickOS").code == 0, "no zfs pool quickOS: run scripts/testbed up");
    }

    @BeforeEach
    void writePlaybook() throws IOException {
        playbook = dir.resolve("zfs.groovy");
        Files.writeString(playbook, PLAYBOOK);
    }

    @AfterEach
    void destroy() throws IOException {
        if (run("zfs", "list", "-H", dataset).code == 0) run("zfs", "destroy", "-r", dataset);
        run("rm", "-rf", "--", mountpoint);
    }

    @Test
    void apply_createsConvergesChangesAndDestroysARealDataset() {
        Result created = pki("apply", "comp=gzip-6");
        assertEquals(0, created.code, created.text);
        assertTrue(created.text.contains("+ zfsDataset " + dataset), created.text);
        assertEquals("gzip", property("compression"));   // zfs reports gzip-6 as gzip: still converged
        assertEquals("67108864", property("quota"));
        assertEquals("pki integration test", property("pki:note"));
        assertEquals(mountpoint, property("mountpoint"));
        assertTrue(Files.isDirectory(Path.of(mountpoint, "103/ssl")), "directory under the new mountpoint");

        Result again = pki("plan", "comp=gzip-6", "--detailed-exitcode");
        assertEquals(0, again.code, again.text);

        Result changed = pki("apply", "comp=off");
        assertEquals(0, changed.code, changed.text);
        assertTrue(changed.text.contains("compression: gzip → off"), changed.text);
        assertFalse(changed.text.contains("quota:"), "only the differing property: " + changed.text);
        assertEquals("off", property("compression"));

        Result unforced = pki("plan", "state=absent");
        assertEquals(1, unforced.code, unforced.text);
        assertTrue(unforced.text.contains("add force true"), unforced.text);

        Result destroyed = pki("apply", "state=absent", "-e", "force=yes");
        assertEquals(0, destroyed.code, destroyed.text);
        assertTrue(destroyed.text.contains("destroys dataset " + dataset + " and all its data"), destroyed.text);
        assertTrue(run("zfs", "list", "-H", dataset).code != 0, "dataset is gone");
    }

    @Test
    void plan_missingPool_namesThePool() {
        Result r = pki("plan", "comp=on", "-e", "ds=nopool" + id + "/data");
        assertEquals(1, r.code, r.text);
        assertTrue(r.text.contains("pool 'nopool" + id + "' does not exist on localhost; create it first"), r.text);
    }

    @Test
    void plan_misspeltProperty_isCaughtBeforeAnythingIsCreated() throws IOException {
        Files.writeString(playbook, "hosts('localhost') {\n  zfsDataset(vars.ds) { property 'compresion', 'on' }\n}\n");
        Result r = pki("apply", "comp=on");
        assertEquals(1, r.code, r.text);
        assertTrue(r.text.contains("unknown ZFS property 'compresion'") && r.text.contains("Did you mean \"compression\"?"), r.text);
        assertTrue(run("zfs", "list", "-H", dataset).code != 0, "nothing created");
    }

    private String property(String name) {
        return run("zfs", "get", "-H", "-p", "-o", "value", name, dataset).out.strip();
    }

    private record Result(int code, String text) {
    }

    /** Runs pki in-process; a later {@code -e ds=...} overrides the default dataset. */
    private Result pki(String command, String var, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, playbook.toString(), "--no-color", "--state-dir", dir.resolve("state").toString(),
                "-e", "ds=" + dataset, "-e", "mnt=" + mountpoint, "-e", var));
        args.addAll(List.of(extra));
        if (command.equals("apply")) args.add("--yes");
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            int code = Main.run(args.toArray(String[]::new));
            return new Result(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    record Exec(int code, String out) {
    }

    static Exec run(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            return new Exec(p.exitValue(), out);
        } catch (IOException e) {
            return new Exec(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exec(-1, "interrupted");
        }
    }
}

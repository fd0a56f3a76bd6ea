package dev.pki.resource.trust;

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
 * trust in the test bed's LXC guest 101 (Debian bookworm), never on this machine: a CA created on
 * the controller in a temporary directory, its root pushed into the guest under a throwaway anchor
 * name, which is removed again at the end. Skipped when container 101 is not running.
 */
@Tag("integration")
class TrustIntegrationTest {

    private static final String CONTAINER = "101";
    private static final String INVENTORY = """
            all:
              hosts:
                controller: { connection: local }
                ct101: { connection: lxc, via: controller, container: '101' }
            """;
    private static final String PLAYBOOK = """
            hosts('controller') {
                ca('pkitest') {
                    dir "${vars.out}/ca"
                    passphraseFile "${vars.out}/ca/secrets/passphrase.txt"
                }
            }
            hosts('ct101') {
                trust(ca('pkitest')) { name vars.anchor }
            }
            """;

    @TempDir
    Path dir;
    private final String anchor = "pki-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final String anchorPath = "/usr/local/share/ca-certificates/" + anchor + ".crt";

    @BeforeAll
    static void requireContainer() {
        dev.pki.testbed.TestBed.ensureUp();
        assumeTrue(exec("lxc-info", "-n", CONTAINER, "-s").out.contains("RUNNING"), "LXC container 101 is not running: scripts/testbed up");
    }

    @BeforeEach
    void write() throws IOException {
        Files.writeString(dir.resolve("inventory.yml"), INVENTORY);
        Files.writeString(dir.resolve("playbook.groovy"), PLAYBOOK);
    }

    @AfterEach
    void removeAnchor() {
        if (inGuest("test", "-e", anchorPath).code == 0) {
            inGuest("rm", "-f", "--", anchorPath);
            inGuest("update-ca-certificates");
        }
    }

    @Test
    void apply_pushesTheRootIntoTheGuest_onceAndOnlyOnce() throws IOException {
        Result plan = pki("plan");
        assertEquals(0, plan.code, plan.text);
        assertTrue(plan.text.contains("+ trust " + anchor) && plan.text.contains("anchor: " + anchorPath)
                && plan.text.contains("content: (known after apply)") && plan.text.contains("then runs: update-ca-certificates"), plan.text);

        Result applied = pki("apply", "--yes");
        assertEquals(0, applied.code, applied.text);
        String root = Files.readString(dir.resolve("out/ca/root_ca.crt"));
        assertEquals(root, inGuest("cat", anchorPath).out);
        // update-ca-certificates ran: the anchor is linked into /etc/ssl/certs and part of the bundle.
        assertEquals(0, inGuest("test", "-L", "/etc/ssl/certs/" + anchor + ".pem").code, "anchor linked by update-ca-certificates");
        assertTrue(inGuest("cat", "/etc/ssl/certs/ca-certificates.crt").out.contains(root.strip()), "root in the bundle");

        Result second = pki("plan", "--detailed-exitcode");
        assertEquals(0, second.code, second.text);

        inGuest("rm", "-f", "--", anchorPath);
        Result drift = pki("plan", "--detailed-exitcode");
        assertEquals(2, drift.code, drift.text);
        assertTrue(drift.text.contains("+ trust " + anchor) && drift.text.contains("1 to create, 0 to replace, 0 to update"), drift.text);
        assertFalse(drift.text.contains("ca pkitest"), drift.text);
    }

    private record Result(int code, String text) {
    }

    private Result pki(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, dir.resolve("playbook.groovy").toString(), "-i", dir.resolve("inventory.yml").toString(),
                "--no-color", "--state-dir", dir.resolve("state").toString(), "-e", "out=" + dir.resolve("out"), "-e", "anchor=" + anchor));
        args.addAll(List.of(extra));
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            return new Result(Main.run(args.toArray(String[]::new)), buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Exec inGuest(String... argv) {
        List<String> cmd = new ArrayList<>(List.of("lxc-attach", "-n", CONTAINER, "--"));
        cmd.addAll(List.of(argv));
        return exec(cmd.toArray(String[]::new));
    }

    record Exec(int code, String out) {
    }

    static Exec exec(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
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

package dev.pki.phoenix;

import dev.pki.testbed.TestBed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Phoenix playbook of DESIGN.md §3, applied with inventory/testbed.yml on a fresh real test bed
 * (zfs-fuse, LXC), through the command line: the dataset, the bind mount, the CA in container 103
 * with its encrypted keys on the shared volume, the exported root seen by the hypervisor, trust in
 * the guests proven by a TLS handshake, and convergence.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoenixIntegrationTest {

    static final String SHARED = "/mnt/pve/quickOS/lxc-persistent-data";
    static final Path STATE = Path.of("target/phoenix-it-state");
    static String applyOutput;

    static TestBed.Result pki(String... args) {
        List<String> argv = new ArrayList<>(List.of("java", "-cp", System.getProperty("java.class.path"), "dev.pki.cli.Main"));
        argv.addAll(List.of(args));
        return TestBed.run(argv.toArray(String[]::new));
    }

    static TestBed.Result phoenix(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "playbooks/phoenix.groovy", "-i", "inventory/testbed.yml",
                "--state-dir", STATE.toString(), "--no-color"));
        args.addAll(List.of(extra));
        return pki(args.toArray(String[]::new));
    }

    @BeforeAll
    static void freshBedAndFirstApply() throws Exception {
        TestBed.reset();
        TestBed.run("rm", "-rf", "/etc/nginx/ssl", STATE.toString());
        TestBed.Result plan = phoenix("plan", "--detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan.output());
        assertTrue(plan.output().contains("Plan: 7 to create, 0 to replace, 1 to update, 0 to delete."), plan.output());
        TestBed.Result apply = phoenix("apply", "--yes", "--debug");
        applyOutput = apply.output();
        assertEquals(0, apply.exitCode(), applyOutput);
    }

    static int roundTrips(String output, String host) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^debug: " + host + ": (\\d+) round trips?$").matcher(output);
        assertTrue(m.find(), host + "\n" + output);
        return Integer.parseInt(m.group(1));
    }

    @Test
    @Order(1)
    void firstApply_takesFourRoundTripsPerContainer() {
        // The plan's read; apply's read (the host changed meanwhile: a mount was added); each changed
        // step's file operations, command and verification read in one or two.
        for (String guest : List.of("ct101", "ct102")) {
            assertEquals(4, roundTrips(applyOutput, guest), "read, read, anchor + update-ca-certificates, verify\n" + applyOutput);
        }
        assertTrue(roundTrips(applyOutput, "ct103") <= 4, "read, read, the CA's files + verify, the root's export + verify\n" + applyOutput);
    }

    @Test
    @Order(1)
    void datasetAndBindMount_areInPlace() throws Exception {
        assertEquals("on", TestBed.run("zfs", "get", "-H", "-o", "value", "compression", "quickOS/lxc-persistent-data").output().strip());
        assertEquals(SHARED, TestBed.run("zfs", "get", "-H", "-o", "value", "mountpoint", "quickOS/lxc-persistent-data").output().strip());
        assertTrue(Files.readString(Path.of("/var/lib/lxc/103/config")).contains(SHARED + "/103/ssl"));
        assertTrue(applyOutput.contains("pve: container 103: changed"), applyOutput);
    }

    @Test
    @Order(2)
    void caKeysAreEncryptedOnTheSharedVolume_andTheExportedRootIsVisibleOnTheHypervisor() throws Exception {
        Path ssl = Path.of(SHARED, "103/ssl");
        for (String key : List.of("ca/root_ca.key", "ca/intermediate_ca.key")) {
            String pem = Files.readString(ssl.resolve(key));
            assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), key);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(ssl.resolve(key))));
        }
        assertEquals(Files.readString(ssl.resolve("ca/root_ca.crt")), Files.readString(ssl.resolve("phoenix_root_ca.crt")));
        // Seen from inside the CA's container through the bind mount.
        assertEquals(Files.readString(ssl.resolve("phoenix_root_ca.crt")),
                TestBed.attach("103", "cat", "/etc/step-ca/ssl/phoenix_root_ca.crt").output());
        // No plaintext key anywhere on the volume.
        assertFalse(TestBed.run("grep", "-rl", "BEGIN PRIVATE KEY", SHARED).output().contains(".key"));
        TestBed.Result verify = TestBed.run("openssl", "verify", "-CAfile", ssl.resolve("phoenix_root_ca.crt").toString(),
                "-untrusted", ssl.resolve("ca/intermediate_ca.crt").toString(), "/etc/nginx/ssl/nginx.crt");
        assertEquals(0, verify.exitCode(), verify.output());
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of("/etc/nginx/ssl/nginx.key"))));
        assertEquals("www-data", Files.getAttribute(Path.of("/etc/nginx/ssl/nginx.key"), "posix:group").toString());
    }

    @Test
    @Order(3)
    void tlsHandshake_succeedsInAGuestWithTrust_andFailsWithout() throws Exception {
        assertTrue(TestBed.attach("101", "ls", "/usr/local/share/ca-certificates/").output().contains("phoenix.crt"));
        assertEquals(0, handshake("101"), "guest 101 trusts the Phoenix root: curl without -k or --cacert succeeds");
        assertEquals(60, handshake("103"), "container 103 did not get the trust: curl fails to verify (exit 60)");
    }

    /** Serves the Phoenix certificate with openssl s_server inside the container and runs curl there; returns curl's exit code. */
    private static int handshake(String container) throws Exception {
        String intermediate = Files.readString(Path.of(SHARED, "103/ssl/ca/intermediate_ca.crt"));
        push(container, "/tmp/leaf.pem", Files.readString(Path.of("/etc/nginx/ssl/nginx.crt")));
        push(container, "/tmp/inter.pem", intermediate);
        push(container, "/tmp/key.pem", Files.readString(Path.of("/etc/nginx/ssl/nginx.key")));
        try {
            TestBed.attach(container, "sh", "-c", "setsid openssl s_server -accept 127.0.0.1:8443 -cert /tmp/leaf.pem "
                    + "-cert_chain /tmp/inter.pem -key /tmp/key.pem -www -naccept 1 >/tmp/s_server.log 2>&1 </dev/null &");
            TestBed.Result curl = null;
            for (int i = 0; i < 50; i++) {
                curl = TestBed.attach(container, "curl", "-sS", "-o", "/dev/null", "--max-time", "5",
                        "--resolve", "nginx.internal:8443:127.0.0.1", "https://nginx.internal:8443/");
                if (curl.exitCode() != 7) break;   // 7: the server is not listening yet
                Thread.sleep(100);
            }
            return curl.exitCode();
        } finally {
            TestBed.attach(container, "sh", "-c", "pkill -f s_server; rm -f /tmp/key.pem /tmp/leaf.pem /tmp/inter.pem; true");
        }
    }

    private static void push(String container, String path, String content) {
        TestBed.Result r = TestBed.run(content.getBytes(), "lxc-attach", "-n", container, "--", "sh", "-c", "umask 077; cat > " + path);
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    @Order(4)
    void secondRun_changesNothing_andRunsNoUpdate() {
        String before = TestBed.attach("101", "stat", "-c", "%Y", "/etc/ssl/certs/ca-certificates.crt").output();
        TestBed.Result plan = phoenix("plan", "--detailed-exitcode", "--debug");
        assertEquals(0, plan.exitCode(), plan.output());
        // One round trip per host for the whole plan (containers' commands count for the container).
        for (String host : List.of("pve", "ct101", "ct102", "ct103")) {
            assertTrue(plan.output().contains("debug: " + host + ": 1 round trip\n"), host + "\n" + plan.output());
        }
        TestBed.Result apply = phoenix("apply", "--yes");
        assertEquals(0, apply.exitCode(), apply.output());
        assertTrue(apply.output().contains("No changes."), apply.output());
        assertEquals(before, TestBed.attach("101", "stat", "-c", "%Y", "/etc/ssl/certs/ca-certificates.crt").output(),
                "update-ca-certificates did not run");
    }

    @Test
    @Order(5)
    void trustRemovedByHand_isExactlyOneChange() {
        assertEquals(0, TestBed.attach("102", "rm", "/usr/local/share/ca-certificates/phoenix.crt").exitCode());
        TestBed.Result plan = phoenix("plan", "--detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan.output());
        assertTrue(plan.output().contains("ct102\n   + trust phoenix"), plan.output());
        assertTrue(plan.output().contains("Plan: 1 to create, 0 to replace, 0 to update, 0 to delete."), plan.output());
        TestBed.Result apply = phoenix("apply", "--yes", "--debug");
        assertEquals(0, apply.exitCode(), apply.output());
        // Nothing changed before the guests' turn, so apply starts from the plan's read.
        assertEquals(3, roundTrips(apply.output(), "ct102"), "read, anchor + update-ca-certificates, verify\n" + apply.output());
        assertEquals(1, roundTrips(apply.output(), "ct101"), apply.output());
        assertEquals(1, roundTrips(apply.output(), "ct103"), apply.output());
        assertEquals(0, phoenix("plan", "--detailed-exitcode").exitCode());
    }
}

package dev.pki.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pki.testbed.SshBed;
import dev.pki.testbed.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSH through the command line, against the test bed's real sshd on 127.0.0.1:2222: a CA and a
 * certificate applied over SSH in one round trip per plan, host keys checked strictly (unknown,
 * accept-new, changed, hashed), a refused port that does not stop another host, and an LXC
 * container reached through the SSH host.
 */
@Tag("integration")
class SshEndToEndTest {

    @TempDir
    Path dir;
    private Path out;
    private Path knownHosts;
    private Path playbook;

    @BeforeEach
    void setUp() throws IOException {
        SshBed.ensureUp();
        out = dir.resolve("out");
        knownHosts = SshBed.copyKnownHosts(dir);
        playbook = Files.writeString(dir.resolve("playbook.groovy"), """
                def out = vars.out
                hosts('web') {            // a CA lives on exactly one host
                    ca('lab') {
                        dir "$out/ca"
                        passphraseFile "$out/ca/secrets/passphrase.txt"
                        root         { subject 'CN=SSH Lab Root CA' }
                        intermediate { subject 'CN=SSH Lab Intermediate CA' }
                    }
                }
                hosts(vars.target ?: 'web') {
                    directory "$out/trust"
                    file("$out/trust/motd") {
                        content 'over ssh\\n'
                        mode '0640'
                    }
                    directory "$out/nginx"
                    certificate('nginx.internal') {
                        issuer ca('lab')
                        sans 'nginx.internal', '10.0.0.12'
                        cert "$out/nginx/nginx.crt"
                        key  "$out/nginx/nginx.key"
                    }
                }
                """);
    }

    /** An inventory with the SSH host {@code web} (and whatever else is given), all using {@code knownHosts}. */
    private Path inventory(String moreHosts) throws IOException {
        return Files.writeString(dir.resolve("inventory.yml"), """
                all:
                  vars:
                    user: root
                    identity: %s
                    known_hosts: %s
                  hosts:
                    web: { connection: ssh, address: %s, port: %d }
                %s""".formatted(SshBed.CLIENT_KEY, knownHosts, SshBed.ADDRESS, SshBed.PORT, moreHosts.indent(4)));
    }

    private Cli.Result pki(String command, Path inventory, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, playbook.toString(), "-i", inventory.toString(), "-e", "out=" + out,
                "--state-dir", dir.resolve("state").toString(), "--no-color"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void apply_overSsh_converges_andPlanIsOneRoundTrip() throws Exception {
        Path inventory = inventory("");

        Cli.Result plan = pki("plan", inventory, "--debug", "--detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("+ certificate nginx.internal"), plan.out());
        assertTrue(plan.err().contains("debug: web: 1 round trip\n"), plan.err());

        Cli.Result apply = pki("apply", inventory, "--yes");
        assertEquals(0, apply.exitCode(), apply.all());
        assertTrue(apply.out().matches("(?s).*web\\s+ok=0\\s+changed=5\\s+failed=0\\s+unreachable=0.*"), apply.out());
        assertEquals("over ssh\n", Files.readString(out.resolve("trust/motd")));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("trust/motd"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("nginx/nginx.key"))));
        TestBed.Result verify = TestBed.run("openssl", "verify", "-CAfile", out.resolve("ca/root_ca.crt").toString(),
                "-untrusted", out.resolve("ca/intermediate_ca.crt").toString(), out.resolve("nginx/nginx.crt").toString());
        assertEquals(0, verify.exitCode(), verify.output());

        Cli.Result again = pki("plan", inventory, "--debug", "--detailed-exitcode");
        assertEquals(0, again.exitCode(), again.all());
        assertTrue(again.out().contains("No changes."), again.out());
        assertTrue(again.err().contains("debug: web: 1 round trip\n"), again.err());
        String passphrase = Files.readString(out.resolve("ca/secrets/passphrase.txt")).strip();
        assertFalse((plan.all() + apply.all() + again.all()).contains(passphrase), "the CA passphrase is never printed");
    }

    @Test
    void unknownHostKey_isRefused_withTheFileToAddItTo() throws Exception {
        Files.writeString(knownHosts, "");
        Cli.Result plan = pki("plan", inventory(""));

        assertEquals(1, plan.exitCode(), plan.all());
        assertTrue(plan.err().contains("host web is unreachable"), plan.err());
        assertTrue(plan.err().contains("ssh root@127.0.0.1:" + SshBed.PORT + ": host key of [127.0.0.1]:" + SshBed.PORT + " is not known (ssh-ed25519 SHA256:"),
                plan.err());
        assertTrue(plan.err().contains("add it to " + knownHosts + ", or run with --ssh-host-keys accept-new"), plan.err());
        assertFalse(plan.all().contains("Exception"), plan.all());
        assertEquals("", Files.readString(knownHosts), "strict never writes known_hosts");
    }

    @Test
    void acceptNew_recordsTheUnknownKey_once_andProceeds() throws Exception {
        Files.delete(knownHosts);   // not even the file exists yet
        Path inventory = inventory("""
                alias1: { connection: ssh, address: 127.0.0.1, port: %d }
                alias2: { connection: ssh, address: 127.0.0.1, port: %d }
                """.formatted(SshBed.PORT, SshBed.PORT));

        Cli.Result plan = pki("plan", inventory, "--ssh-host-keys", "accept-new", "-e", "target=all");

        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.err().contains("recorded the ssh-ed25519 host key of [127.0.0.1]:" + SshBed.PORT), plan.err());
        assertEquals(List.of("[127.0.0.1]:" + SshBed.PORT + " " + SshBed.hostKey()), Files.readAllLines(knownHosts),
                "three hosts with the same address and port record one line");
        Cli.Result strict = pki("plan", inventory, "-e", "target=all");
        assertEquals(0, strict.exitCode(), "the recorded key is trusted from then on: " + strict.all());
    }

    @Test
    void changedHostKey_isRefused_evenWithAcceptNew() throws Exception {
        String other = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIPKDR69S9xUjNqyQa+HM+griW0OAC8110NK0bQDoojN";
        String file = "# pinned by hand\n[127.0.0.1]:" + SshBed.PORT + " " + other + "\n";
        Files.writeString(knownHosts, file);

        Cli.Result plan = pki("plan", inventory(""), "--ssh-host-keys", "accept-new");

        assertEquals(1, plan.exitCode(), plan.all());
        assertTrue(plan.err().contains("host key of [127.0.0.1]:" + SshBed.PORT + " has CHANGED: the server offers ssh-ed25519 SHA256:"), plan.err());
        assertTrue(plan.err().contains(knownHosts + " has a different ssh-ed25519 key for it; refusing to connect"), plan.err());
        assertTrue(plan.err().contains("ssh-keygen -R '[127.0.0.1]:" + SshBed.PORT + "' -f " + knownHosts), plan.err());
        assertEquals(file, Files.readString(knownHosts), "a changed key is never recorded");
    }

    @Test
    void hashedKnownHosts_areUnderstood() throws Exception {
        TestBed.Result hash = TestBed.run("ssh-keygen", "-H", "-f", knownHosts.toString());
        assertEquals(0, hash.exitCode(), hash.output());
        assertTrue(Files.readString(knownHosts).startsWith("|1|"), "entries are hashed");

        Cli.Result plan = pki("plan", inventory(""));

        assertEquals(0, plan.exitCode(), plan.all());
    }

    @Test
    void refusedPort_isUnreachable_whileAnotherHostConverges() throws Exception {
        int closed = freePort();
        Path inventory = inventory("""
                down: { connection: ssh, address: 127.0.0.1, port: %d }
                """.formatted(closed));

        Cli.Result apply = pki("apply", inventory, "--yes", "-e", "target=all");

        assertEquals(1, apply.exitCode(), apply.all());
        String refused = "ssh root@127.0.0.1:" + closed + ": connection refused";
        assertTrue(apply.all().contains(refused), apply.all());
        assertTrue(apply.out().matches("(?s).*\\n\\s+web\\s+ok=0\\s+changed=5\\s+failed=0\\s+unreachable=0.*"), apply.out());
        assertTrue(apply.out().matches("(?s).*\\n\\s+down\\s+ok=0\\s+changed=0\\s+failed=0\\s+unreachable=1.*"), apply.out());
        assertTrue(Files.isRegularFile(out.resolve("nginx/nginx.crt")), "web converged");
        assertFalse(apply.all().contains("Exception"), apply.all());
    }

    @Test
    void lxcContainer_viaTheSshHost_isPlannedAndApplied() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestBed.attach("101", "true").exitCode() == 0, "container 101 is not running");
        String inside = "/tmp/pki-ssh-it-" + UUID.randomUUID();
        Path inventory = inventory("""
                ct101: { connection: lxc, via: web, container: '101' }
                """);
        Path containerPlaybook = Files.writeString(dir.resolve("container.groovy"), """
                hosts('ct101') {
                    directory '%1$s'
                    file('%1$s/hello.txt') {
                        content 'through ssh and lxc-attach\\n'
                        mode '0600'
                    }
                }
                """.formatted(inside));
        try {
            Cli.Result apply = Cli.run("apply", containerPlaybook.toString(), "-i", inventory.toString(), "--yes", "--no-color",
                    "--state-dir", dir.resolve("state").toString());
            assertEquals(0, apply.exitCode(), apply.all());
            assertEquals("through ssh and lxc-attach\n", TestBed.attach("101", "cat", inside + "/hello.txt").output());
            assertEquals("600", TestBed.attach("101", "stat", "-c", "%a", inside + "/hello.txt").output().strip());

            Cli.Result plan = Cli.run("plan", containerPlaybook.toString(), "-i", inventory.toString(), "--no-color", "--debug");
            assertEquals(0, plan.exitCode(), plan.all());
            assertTrue(plan.out().contains("No changes."), plan.out());
            assertTrue(plan.err().contains("debug: ct101: 1 round trip\n"), plan.err());
            // The container's command went over web's session; --debug counts it for ct101 only.
            assertTrue(plan.err().contains("debug: web: 0 round trips\n"), plan.err());
        } finally {
            TestBed.attach("101", "rm", "-rf", inside);
        }
    }

    @Test
    void badHostKeyOption_isAnError() {
        Cli.Result r = Cli.run("plan", playbook.toString(), "-e", "out=" + out, "-e", "target=localhost", "--ssh-host-keys", "ask");
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains("--ssh-host-keys expects strict or accept-new, got 'ask'"), r.err());
    }

    /** A port on which nothing listens (bound, then released). */
    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

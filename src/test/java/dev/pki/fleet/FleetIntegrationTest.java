package dev.pki.fleet;

import dev.pki.cli.CliRunner;
import dev.pki.testbed.SshBed;
import dev.pki.testbed.TestBed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fleet of 50 SSH hosts (aliases of the test bed's loopback sshd, each with its own state
 * directory through host.vars) plus one host whose sshd is down and one whose host key changed:
 * batches, max-fail, the recap, one round trip per host, and the broken hosts unreachable while
 * the others converge.
 */
@Tag("integration")
class FleetIntegrationTest {

    static final int FLEET = 50;

    @TempDir
    Path dir;
    Path knownHosts;
    Path badKnownHosts;

    @BeforeEach
    void bed() throws Exception {
        SshBed.ensureUp();
        knownHosts = SshBed.copyKnownHosts(dir);
        // A known_hosts that holds another key for the same server: a changed host key.
        TestBed.Result keygen = TestBed.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("other").toString());
        assertEquals(0, keygen.exitCode(), keygen.output());
        String other = Files.readString(dir.resolve("other.pub")).strip().split("\\s+", 3)[0] + " "
                + Files.readString(dir.resolve("other.pub")).strip().split("\\s+", 3)[1];
        badKnownHosts = Files.writeString(dir.resolve("known_hosts.changed"), "[127.0.0.1]:" + SshBed.PORT + " " + other + "\n");
    }

    /** The fleet in inventory order; {@code down1} and {@code badkey} are placed after {@code brokenAfter} good hosts. */
    private Path inventory(int brokenAfter) throws Exception {
        StringBuilder yml = new StringBuilder("""
                all:
                  hosts:
                    localhost: { connection: local }
                  children:
                    fleet:
                      vars:
                        connection: ssh
                        address: 127.0.0.1
                        port: %d
                        user: root
                        identity: %s
                        known_hosts: %s
                      hosts:
                """.formatted(SshBed.PORT, SshBed.CLIENT_KEY, knownHosts));
        for (int i = 1; i <= FLEET; i++) {
            if (i == brokenAfter + 1) {
                yml.append("        down1: { port: 1, state_dir: ").append(dir.resolve("state/down1")).append(" }\n");
                yml.append("        badkey: { known_hosts: ").append(badKnownHosts).append(", state_dir: ").append(dir.resolve("state/badkey")).append(" }\n");
            }
            yml.append("        h%02d: { state_dir: %s }\n".formatted(i, dir.resolve("state/h%02d".formatted(i))));
        }
        return Files.writeString(dir.resolve("fleet.yml"), yml.toString());
    }

    private Path playbook(String options) throws Exception {
        return Files.writeString(dir.resolve("fleet.groovy"), """
                hosts('localhost') {
                    ca('fleet') { dir "${vars.out}/ca"; passphraseFile "${vars.out}/ca/passphrase" }
                }
                hosts('fleet'%s) {
                    directory(host.vars.state_dir) { mode '0700' }
                    certificate("${host.name}.fleet.internal") {
                        issuer ca('fleet')
                        cert "${host.vars.state_dir}/host.crt"
                        key  "${host.vars.state_dir}/host.key"
                    }
                }
                """.formatted(options));
    }

    private CliRunner.Result pki(String command, Path playbook, Path inventory, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, playbook.toString(), "-i", inventory.toString(), "-e", "out=" + dir.resolve("out"),
                "--state-dir", dir.resolve("handlers").toString(), "--no-color", "--forks", "10"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void fiftyHosts_inGrowingBatches_convergeWhileTheBrokenOnesAreUnreachable() throws Exception {
        Path inventory = inventory(25);
        Path playbook = playbook(", serial: [1, 10, '50%'], maxFailPercentage: 10");

        CliRunner.Result apply = pki("apply", playbook, inventory, "--yes");
        String out = apply.out();
        assertEquals(1, apply.exitCode(), "two hosts are unreachable\n" + apply.all());
        // 52 hosts: 1, then 10, then 50% (26) repeating: the last batch takes the remaining 15.
        assertTrue(out.contains("hosts('fleet'): batch 1 of 4 (1 host)") && out.contains("hosts('fleet'): batch 2 of 4 (10 hosts)")
                && out.contains("hosts('fleet'): batch 3 of 4 (26 hosts)") && out.contains("hosts('fleet'): batch 4 of 4 (15 hosts)"), out);
        assertFalse(out.contains("Stopping"), "1 of 26 failing is within maxFailPercentage 10\n" + out);
        for (int i = 1; i <= FLEET; i++) {
            String host = "h%02d".formatted(i);
            assertTrue(Pattern.compile("\\n  " + host + " +ok=0 +changed=2 +failed=0 +unreachable=0 +skipped=0").matcher(out).find(), host + "\n" + out);
            assertTrue(Files.isRegularFile(dir.resolve("state/" + host + "/host.crt")), host);
        }
        assertTrue(Pattern.compile("\\n  down1 +ok=0 +changed=0 +failed=0 +unreachable=1 .*connection refused").matcher(out).find(), out);
        assertTrue(Pattern.compile("\\n  badkey +ok=0 +changed=0 +failed=0 +unreachable=1 .*host key of \\[127.0.0.1\\]:\\d+ has CHANGED").matcher(out).find(), out);
        TestBed.Result verify = TestBed.run("openssl", "verify", "-CAfile", dir.resolve("out/ca/root_ca.crt").toString(),
                "-untrusted", dir.resolve("out/ca/intermediate_ca.crt").toString(), dir.resolve("state/h37/host.crt").toString());
        assertEquals(0, verify.exitCode(), verify.output());

        CliRunner.Result plan = pki("plan", playbook, inventory, "--debug");
        assertEquals(1, plan.exitCode(), "the plan is incomplete while two hosts are unreachable");
        assertTrue(plan.out().contains("No changes on the hosts that could be read; 2 hosts were unreachable"), plan.all());
        Matcher trips = Pattern.compile("debug: (h\\d\\d): (\\d+) round trips?").matcher(plan.err());
        int hosts = 0;
        while (trips.find()) {
            assertEquals("1", trips.group(2), trips.group(1) + " read its facts in one round trip");
            hosts++;
        }
        assertEquals(FLEET, hosts, plan.err());
    }

    @Test
    void maxFailPercentage_stopsTheRollout_andTheRestIsSkipped() throws Exception {
        Path inventory = inventory(3);
        CliRunner.Result apply = pki("apply", playbook(", serial: 5, maxFailPercentage: 20"), inventory, "--yes");
        String out = apply.out();
        assertEquals(1, apply.exitCode(), apply.all());
        assertTrue(out.contains("Stopping: 2 of 5 hosts in the batch failed, more than maxFailPercentage 20% of hosts('fleet')"), out);
        assertTrue(Pattern.compile("\\n  h01 +ok=0 +changed=2 +failed=0").matcher(out).find(), out);
        assertTrue(Pattern.compile("\\n  h04 +ok=0 +changed=0 +failed=0 +unreachable=0 +skipped=2").matcher(out).find(), out);
        assertTrue(Pattern.compile("\\n  h50 +ok=0 +changed=0 +failed=0 +unreachable=0 +skipped=2").matcher(out).find(), out);
        assertFalse(Files.exists(dir.resolve("state/h50")), "nothing started after the stop");
    }
}

package dev.pki.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foundation's acceptance, through the command line as a user runs it, checked with the real
 * openssl: a CA, an exported root and certificates; convergence; a SAN change replaces exactly one
 * certificate; renewal runs the handler exactly once; a wrong passphrase changes nothing.
 */
class LocalExampleEndToEndTest {

    private static final String PLAYBOOK = "src/test/resources/e2e/local-vars.groovy";

    @TempDir
    Path dir;
    private Path out;
    private String state;
    private final List<String> printed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        out = dir.resolve("pki");
        state = dir.resolve("state").toString();
    }

    private Cli.Result pki(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, PLAYBOOK, "-e", "out=" + out, "--state-dir", state, "--no-color"));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        printed.add(r.all());
        return r;
    }

    @Test
    void apply_onFreshMachine_createsVerifiableChainAndConverges() throws Exception {
        Cli.Result apply = pki("apply", "--yes");
        assertEquals(0, apply.exitCode(), apply.all());

        assertEquals("OK", openssl("verify", "-CAfile", p("ca/root_ca.crt"), "-untrusted", p("ca/intermediate_ca.crt"), p("nginx/nginx.crt"))
                .replace(p("nginx/nginx.crt") + ": ", "").strip());
        assertEquals("OK", openssl("verify", "-CAfile", p("trust/lab_root_ca.crt"), "-untrusted", p("ca/intermediate_ca.crt"), p("nginx/client.crt"))
                .replace(p("nginx/client.crt") + ": ", "").strip());
        String text = openssl("x509", "-in", p("nginx/nginx.crt"), "-noout", "-text");
        assertTrue(text.contains("DNS:nginx.internal, DNS:www.internal, IP Address:10.0.0.12"), text);
        assertTrue(text.contains("TLS Web Server Authentication") && !text.contains("TLS Web Client Authentication"), text);
        assertTrue(openssl("x509", "-in", p("nginx/client.crt"), "-noout", "-text").contains("TLS Web Client Authentication"));
        assertEquals(Files.readString(out.resolve("nginx/nginx.crt")) + Files.readString(out.resolve("ca/intermediate_ca.crt")),
                Files.readString(out.resolve("nginx/fullchain.crt")));

        assertEquals("rw-r-----", mode("nginx/nginx.key"));
        assertEquals("rw-r--r--", mode("nginx/nginx.crt"));
        assertEquals("rw-------", mode("nginx/client.key"));
        assertEquals("rw-------", mode("ca/root_ca.key"));
        assertEquals("rw-------", mode("ca/intermediate_ca.key"));
        assertEquals("rw-------", mode("ca/secrets/passphrase.txt"));
        assertTrue(Files.readString(out.resolve("ca/intermediate_ca.key")).contains("ENCRYPTED PRIVATE KEY"));
        assertEquals(List.of("renewed"), Files.readAllLines(out.resolve("nginx/reloaded")));

        Cli.Result plan = pki("plan", "--detailed-exitcode", "--debug");
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("No changes."), plan.out());
        // Every fact of the five steps in one command: this figure must not silently grow.
        assertTrue(plan.err().contains("debug: localhost: 1 round trip\n"), plan.err());
        assertTrue(plan.err().matches("(?s).*\ndebug: time: load \\d+ ms, facts \\d+ ms, plan \\d+ ms\n.*"), plan.err());

        Cli.Result again = pki("apply", "--yes", "--debug");
        assertEquals(0, again.exitCode());
        assertTrue(again.out().contains("No changes."), again.out());
        assertTrue(again.err().matches("(?s)debug: localhost: 1 round trip\ndebug: time: load \\d+ ms, facts \\d+ ms, plan \\d+ ms\n"), again.err());
        assertEquals(List.of("renewed"), Files.readAllLines(out.resolve("nginx/reloaded")), "no handler without a change");
        assertNoSecretsPrinted();
    }

    @Test
    void sanChange_replacesOnlyThatCertificate_withReason() throws Exception {
        assertEquals(0, pki("apply", "--yes").exitCode());
        String clientBefore = Files.readString(out.resolve("nginx/client.crt"));

        Cli.Result plan = pki("plan", "--detailed-exitcode", "-e", "sans=nginx.internal,api.internal,10.0.0.12");
        assertEquals(2, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("-/+ certificate nginx.internal  (replace: SANs differ: +api.internal -www.internal)"), plan.out());
        assertTrue(plan.out().contains("Plan: 0 to create, 1 to replace, 0 to update, 0 to delete."), plan.out());

        assertEquals(0, pki("apply", "--yes", "-e", "sans=nginx.internal,api.internal,10.0.0.12").exitCode());
        String text = openssl("x509", "-in", p("nginx/nginx.crt"), "-noout", "-ext", "subjectAltName");
        assertTrue(text.contains("DNS:nginx.internal, DNS:api.internal, IP Address:10.0.0.12"), text);
        assertEquals(clientBefore, Files.readString(out.resolve("nginx/client.crt")), "the other certificate is untouched");
        assertEquals(List.of("renewed", "renewed"), Files.readAllLines(out.resolve("nginx/reloaded")));
        assertEquals(0, pki("plan", "--detailed-exitcode", "-e", "sans=nginx.internal,api.internal,10.0.0.12").exitCode());
    }

    @Test
    void renewalWindowReached_renewsWithReason_andRunsHandlerOnce() throws Exception {
        assertEquals(0, pki("apply", "--yes").exitCode());
        String before = Files.readString(out.resolve("nginx/nginx.crt"));
        // 90 days left on the certificate; renewing 2170 h (90.4 days) before expiry puts it in its window.
        String[] window = {"-e", "validityDays=91", "-e", "renewHours=2170"};

        Cli.Result plan = pki("plan", concat(window, "--detailed-exitcode"));
        assertEquals(2, plan.exitCode(), plan.all());
        assertTrue(plan.out().matches("(?s).*-/\\+ certificate nginx.internal  \\(replace: expires in \\d+d < renewBefore 90d\\).*"), plan.out());

        assertEquals(0, pki("apply", concat(window, "--yes")).exitCode());
        assertFalse(before.equals(Files.readString(out.resolve("nginx/nginx.crt"))), "a new certificate was written");
        assertEquals(List.of("renewed", "renewed"), Files.readAllLines(out.resolve("nginx/reloaded")), "the handler ran exactly once");
    }

    @Test
    void wrongPassphrase_failsClearly_andChangesNothing() throws Exception {
        assertEquals(0, pki("apply", "--yes").exitCode());
        Files.writeString(out.resolve("ca/secrets/passphrase.txt"), "not-the-passphrase\n");
        Files.delete(out.resolve("nginx/nginx.crt"));   // there is work to do, so apply would sign
        Map<String, String> before = snapshot();

        Cli.Result apply = pki("apply", "--yes");
        assertEquals(1, apply.exitCode(), apply.all());
        assertTrue(apply.err().contains("wrong passphrase for ca 'lab'"), apply.err());
        assertFalse(apply.all().contains("not-the-passphrase"), "the passphrase is never printed");
        assertFalse(apply.all().contains("Exception"), "no stack trace");
        assertEquals(before, snapshot(), "every file untouched");
    }

    @Test
    void wrongPassphrase_isFoundByThePlanThatMustSign_notByOneWithNothingToSign() throws Exception {
        assertEquals(0, pki("apply", "--yes").exitCode());
        Files.writeString(out.resolve("ca/secrets/passphrase.txt"), "not-the-passphrase\n");

        Cli.Result converged = pki("plan", "--detailed-exitcode");
        assertEquals(0, converged.exitCode(), converged.all());
        assertTrue(converged.out().contains("No changes."), converged.all());

        Files.delete(out.resolve("nginx/nginx.crt"));
        Cli.Result mustSign = pki("plan", "--detailed-exitcode");
        assertEquals(1, mustSign.exitCode(), mustSign.all());
        assertTrue(mustSign.err().matches("(?s).*line \\d+: wrong passphrase for ca 'lab' \\(.*passphrase.txt on localhost\\): cannot decrypt .*intermediate_ca.key.*"),
                mustSign.err());
    }

    @Test
    void aDamagedCaKey_stopsEvenAConvergedPlan_clearly_andChangesNothing() throws Exception {
        assertEquals(0, pki("apply", "--yes").exitCode());
        String rootKey = Files.readString(out.resolve("ca/root_ca.key"));
        Files.write(out.resolve("ca/root_ca.key"), new byte[0]);   // what a crash could leave of an unsynced key
        Map<String, String> before = snapshot();

        Cli.Result plan = pki("plan", "--detailed-exitcode");
        assertEquals(1, plan.exitCode(), plan.all());
        assertTrue(plan.err().matches("(?s).*line \\d+: ca 'lab': .*root_ca.key on localhost holds no private key \\(the file is empty\\)\\. "
                + "pki never re-creates a CA: restore the file from a backup, or move .* away to create a new CA\\..*"), plan.err());
        assertFalse(plan.all().contains("Exception"), "no stack trace");

        Files.writeString(out.resolve("ca/intermediate_ca.key"), "garbage\n");
        Files.writeString(out.resolve("ca/root_ca.key"), rootKey);
        Cli.Result apply = pki("apply", "--yes");
        assertEquals(1, apply.exitCode(), apply.all());
        assertTrue(apply.err().contains("intermediate_ca.key on localhost holds no private key (8 bytes, not a PEM private key)"), apply.err());
        Map<String, String> after = snapshot();
        after.remove("ca/intermediate_ca.key");
        after.remove("ca/root_ca.key");
        before.remove("ca/intermediate_ca.key");
        before.remove("ca/root_ca.key");
        assertEquals(before, after, "nothing else touched");
        assertEquals(rootKey, Files.readString(out.resolve("ca/root_ca.key")));
    }

    private void assertNoSecretsPrinted() throws IOException {
        String all = String.join("\n", printed);
        String passphrase = Files.readString(out.resolve("ca/secrets/passphrase.txt")).strip();
        assertFalse(all.contains(passphrase), "passphrase printed");
        for (String key : List.of("nginx/nginx.key", "nginx/client.key", "ca/intermediate_ca.key")) {
            String body = Files.readAllLines(out.resolve(key)).get(1);
            assertFalse(all.contains(body), key + " printed");
        }
    }

    /** Path, content hash, mode and modification time of every file under the output directory. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(f).toString(), sha256(Files.readAllBytes(f)) + " "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(f)) + " " + Files.getLastModifiedTime(f).toMillis());
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String p(String relative) {
        return out.resolve(relative).toString();
    }

    private String mode(String relative) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(relative)));
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static String openssl(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("openssl"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "openssl " + String.join(" ", args) + ": " + output);
        return output;
    }
}

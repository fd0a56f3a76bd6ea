package dev.pki.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host-key decisions, against known_hosts files written by the test. */
class KnownHostsCheckTest {

    static final String SERVER = "AAAAC3NzaC1lZDI1NTE5AAAAIKsl2I6rg3U5voWsNZtaWWCB4+J20v9TXUN9TNW+3XG1";
    static final String OTHER = "AAAAC3NzaC1lZDI1NTE5AAAAIIPKDR69S9xUjNqyQa+HM+griW0OAC8110NK0bQDoojN";
    static final String HOST = "[127.0.0.1]:2222";

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("known_hosts"), content);
    }

    private static KnownHostsCheck check(Path file, HostKeyPolicy policy) throws Exception {
        return new KnownHostsCheck(new JSch(), file, policy);
    }

    private static byte[] key(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static String fingerprint(String base64) throws Exception {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(key(base64)));
    }

    @Test
    void knownKey_isAccepted() throws Exception {
        KnownHostsCheck c = check(file("# comment\n" + HOST + " ssh-ed25519 " + SERVER + "\n"), HostKeyPolicy.STRICT);

        assertEquals(HostKeyRepository.OK, c.check(HOST, key(SERVER)));
        assertEquals(new KnownHostsCheck.Verdict(KnownHostsCheck.Outcome.KNOWN, HOST, "ssh-ed25519", fingerprint(SERVER)), c.verdict());
    }

    @Test
    void unknownKey_strict_isRefused_andTheFileIsUntouched() throws Exception {
        String content = "[127.0.0.1]:2200 ssh-ed25519 " + SERVER + "\n";   // same address, other port: another host
        Path f = file(content);
        KnownHostsCheck c = check(f, HostKeyPolicy.STRICT);

        assertEquals(HostKeyRepository.NOT_INCLUDED, c.check(HOST, key(SERVER)));
        assertEquals(KnownHostsCheck.Outcome.UNKNOWN, c.verdict().outcome());
        assertEquals(content, Files.readString(f));
    }

    @Test
    void unknownKey_acceptNew_isAppendedOnce_evenByTwoConnections() throws Exception {
        Path f = file("# keep me\nexample.org ssh-ed25519 " + OTHER);   // no final newline
        KnownHostsCheck first = check(f, HostKeyPolicy.ACCEPT_NEW);
        KnownHostsCheck second = check(f, HostKeyPolicy.ACCEPT_NEW);   // loaded before the first recorded anything

        assertEquals(HostKeyRepository.OK, first.check(HOST, key(SERVER)));
        assertEquals(HostKeyRepository.OK, second.check(HOST, key(SERVER)));

        assertEquals(KnownHostsCheck.Outcome.RECORDED, first.verdict().outcome());
        assertEquals(KnownHostsCheck.Outcome.KNOWN, second.verdict().outcome());
        assertEquals(List.of("# keep me", "example.org ssh-ed25519 " + OTHER, HOST + " ssh-ed25519 " + SERVER), Files.readAllLines(f));
        assertEquals(HostKeyRepository.OK, check(f, HostKeyPolicy.STRICT).check(HOST, key(SERVER)), "trusted from then on");
    }

    @Test
    void unknownKey_acceptNew_createsAMissingFile() throws Exception {
        Path f = dir.resolve("sub/known_hosts");
        KnownHostsCheck c = check(f, HostKeyPolicy.ACCEPT_NEW);

        assertEquals(HostKeyRepository.OK, c.check("pve.lan", key(SERVER)));
        assertEquals(List.of("pve.lan ssh-ed25519 " + SERVER), Files.readAllLines(f));
        assertNull(c.recordFailure());
    }

    @Test
    void changedKey_isRefused_underEveryPolicy_andNeverRecorded() throws Exception {
        String content = HOST + " ssh-ed25519 " + OTHER + "\n";
        Path f = file(content);
        for (HostKeyPolicy policy : HostKeyPolicy.values()) {
            KnownHostsCheck c = check(f, policy);
            assertEquals(HostKeyRepository.CHANGED, c.check(HOST, key(SERVER)), policy.option());
            assertEquals(new KnownHostsCheck.Verdict(KnownHostsCheck.Outcome.CHANGED, HOST, "ssh-ed25519", fingerprint(SERVER)), c.verdict());
        }
        assertEquals(content, Files.readString(f));
    }

    @Test
    void changedKey_recordedByAnotherConnectionMeanwhile_isStillChanged() throws Exception {
        Path f = file("");
        KnownHostsCheck late = check(f, HostKeyPolicy.ACCEPT_NEW);
        Files.writeString(f, HOST + " ssh-ed25519 " + OTHER + "\n");

        assertEquals(HostKeyRepository.CHANGED, late.check(HOST, key(SERVER)));
    }

    @Test
    void hashedEntry_matches() throws Exception {
        byte[] salt = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(HOST.getBytes(StandardCharsets.UTF_8));
        String line = "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hash) + " ssh-ed25519 ";

        assertEquals(HostKeyRepository.OK, check(file(line + SERVER + "\n"), HostKeyPolicy.STRICT).check(HOST, key(SERVER)));
        assertEquals(HostKeyRepository.CHANGED, check(file(line + OTHER + "\n"), HostKeyPolicy.ACCEPT_NEW).check(HOST, key(SERVER)));
    }

    @Test
    void messages_nameHostKeyTypeFileAndTheWayOut() throws Exception {
        KnownHostsCheck.Verdict v = new KnownHostsCheck.Verdict(KnownHostsCheck.Outcome.UNKNOWN, HOST, "ssh-ed25519", "SHA256:abc");
        Path f = Path.of("/root/.ssh/known_hosts");

        assertEquals("host key of [127.0.0.1]:2222 is not known (ssh-ed25519 SHA256:abc); add it to /root/.ssh/known_hosts,"
                + " or run with --ssh-host-keys accept-new", SshFailures.unknownKey(v, f));
        String changed = SshFailures.changedKey(v, f);
        assertTrue(changed.startsWith("host key of [127.0.0.1]:2222 has CHANGED: the server offers ssh-ed25519 SHA256:abc, but"
                + " /root/.ssh/known_hosts has a different ssh-ed25519 key for it; refusing to connect"), changed);
        assertTrue(changed.endsWith("ssh-keygen -R '[127.0.0.1]:2222' -f /root/.ssh/known_hosts"), changed);
        assertTrue(!changed.contains("\n"));
    }
}

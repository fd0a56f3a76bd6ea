package dev.pki.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test bed's loopback sshd ({@code scripts/testbed up --ssh}): key-only root login on
 * 127.0.0.1:2222 with its own host key, client key and known_hosts (see the script for the paths).
 */
public final class SshBed {

    public static final String ADDRESS = "127.0.0.1";
    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("PKI_TESTBED_SSH_PORT", "2222"));
    public static final Path STATE = Path.of(System.getenv().getOrDefault("PKI_TESTBED_DIR", "/var/lib/pki-testbed"));
    public static final Path CLIENT_KEY = STATE.resolve("id_ed25519");
    public static final Path KNOWN_HOSTS = STATE.resolve("known_hosts");
    public static final Path HOST_KEY_PUB = STATE.resolve("ssh/ssh_host_ed25519_key.pub");

    private SshBed() {
    }

    /** Brings the bed up (containers, pool) and makes sure its sshd runs; skips the test where the bed cannot exist. */
    public static synchronized void ensureUp() {
        TestBed.ensureUp();
        TestBed.Result status = TestBed.run(TestBed.SCRIPT.toString(), "status");
        if (!status.output().matches("(?s).*sshd:\\s+running.*") || !Files.isRegularFile(KNOWN_HOSTS)) {
            TestBed.Result up = TestBed.run(TestBed.SCRIPT.toString(), "up", "--ssh");
            if (up.exitCode() != 0) throw new IllegalStateException("scripts/testbed up --ssh failed:\n" + up.output());
        }
    }

    /** The server's host key as a known_hosts key field: {@code ssh-ed25519 AAAA...}. */
    public static String hostKey() {
        try {
            String[] parts = Files.readString(HOST_KEY_PUB).strip().split("\\s+");
            return parts[0] + " " + parts[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the bed's known_hosts in {@code dir}, for a test to use (and change) on its own. */
    public static Path copyKnownHosts(Path dir) {
        try {
            return Files.copy(KNOWN_HOSTS, dir.resolve("known_hosts"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

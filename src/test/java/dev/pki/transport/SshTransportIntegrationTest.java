package dev.pki.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pki.testbed.SshBed;
import dev.pki.testbed.TestBed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SshTransport} against the test bed's real sshd: what a command sees (argv, stdin, stdout,
 * stderr, exit code), one session for many commands (also concurrent ones), ssh-agent and encrypted
 * keys, and failures that name no secret.
 */
@Tag("integration")
class SshTransportIntegrationTest {

    @TempDir
    Path dir;
    private Path home;
    private Path knownHosts;

    @BeforeEach
    void setUp() throws IOException {
        SshBed.ensureUp();
        home = Files.createDirectories(dir.resolve("home"));   // no ~/.ssh keys: only what a test configures
        knownHosts = SshBed.copyKnownHosts(dir);
    }

    private Map<String, Object> vars(Object... more) {
        Map<String, Object> vars = new LinkedHashMap<>(Map.of("address", SshBed.ADDRESS, "port", SshBed.PORT, "user", "root",
                "identity", SshBed.CLIENT_KEY.toString(), "known_hosts", knownHosts.toString()));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) vars.remove((String) more[i]);
            else vars.put((String) more[i], more[i + 1]);
        }
        return vars;
    }

    private SshTransport transport(Map<String, Object> vars, Map<String, String> env) {
        SshOptions options = new SshOptions(HostKeyPolicy.STRICT, env, home, "root", n -> { });
        return new SshTransport(SshSettings.resolve("web", vars, options), options);
    }

    private SshTransport transport() {
        return transport(vars(), Map.of());
    }

    @Test
    void exec_passesArgvExactly_andReturnsOutputsAndExitCode() {
        try (SshTransport ssh = transport()) {
            List<String> words = List.of("a b", "it's", "$HOME", "`id`", "*", "new\nline", "");
            List<String> argv = new ArrayList<>(List.of("printf", "[%s]\\n"));
            argv.addAll(words);
            ExecResult printed = ssh.exec(Command.of(argv));
            assertEquals(0, printed.exitCode(), printed.err());
            assertEquals("[a b]\n[it's]\n[$HOME]\n[`id`]\n[*]\n[new\nline]\n[]\n", printed.out());

            ExecResult failed = ssh.exec(Command.of("sh", "-c", "echo out; echo err >&2; exit 3"));
            assertEquals(3, failed.exitCode());
            assertEquals("out\n", failed.out());
            assertEquals("err\n", failed.err());
            assertEquals(127, ssh.exec(Command.of("pki-no-such-program")).exitCode());
            assertEquals(3, ssh.roundTrips());
        }
    }

    @Test
    void exec_largeStdinAndStdout_areNotTruncatedAndDoNotDeadlock() throws Exception {
        byte[] input = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(input);
        try (SshTransport ssh = transport()) {
            ExecResult hashed = ssh.exec(new Command(List.of("sha256sum"), input));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input)), hashed.out().split(" ")[0]);

            ExecResult echoed = ssh.exec(new Command(List.of("sh", "-c", "cat; head -c 1048576 /dev/zero >&2"), input));
            assertArrayEquals(input, echoed.stdout());
            assertEquals(1024 * 1024, echoed.stderr().length);

            assertEquals("", ssh.exec(Command.of("cat")).out(), "no stdin is an immediate end of file");
        }
    }

    @Test
    void oneSession_servesEveryCommand_includingConcurrentOnes() throws Exception {
        Set<String> connections = ConcurrentHashMap.newKeySet();
        try (SshTransport ssh = transport()) {
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    futures.add(pool.submit(() -> {
                        ExecResult r = ssh.exec(Command.of("sh", "-c", "sleep 0.1; echo $SSH_CONNECTION"));
                        assertEquals(0, r.exitCode(), r.err());
                        connections.add(r.out().strip());
                    }));
                }
                for (Future<?> f : futures) f.get();
            } finally {
                pool.shutdownNow();
            }
            assertEquals(40, ssh.roundTrips());
        }
        assertEquals(1, connections.size(), "one TCP connection (same client port) for all commands: " + connections);
    }

    @Test
    void lxcContainer_throughSsh_sharesTheSession() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestBed.attach("101", "true").exitCode() == 0, "container 101 is not running");
        try (SshTransport ssh = transport()) {
            LxcTransport container = new LxcTransport(ssh, "101", "web");
            String path = "/tmp/pki-ssh-lxc-" + System.nanoTime();
            byte[] key = "-----BEGIN PRIVATE KEY-----\nnot real\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.UTF_8);
            new Remote(container).write(path, key, new FileAttrs("", "", "0600"));
            try {
                ExecResult read = container.exec(Command.of("sh", "-c", "stat -c %a \"$1\"; cat \"$1\"", "sh", path));
                assertEquals("600\n" + new String(key, StandardCharsets.UTF_8), read.out());
                assertEquals(2, ssh.roundTrips(), "both container commands went over the parent's session");
            } finally {
                container.exec(Command.of("rm", "-f", path));
            }
        }
    }

    @Test
    void killedCommand_hasNoExitStatus_butTheSessionGoesOn() {
        try (SshTransport ssh = transport()) {
            ExecResult killed = ssh.exec(Command.of("sh", "-c", "kill -9 $$"));
            assertEquals(255, killed.exitCode());
            assertTrue(killed.err().contains("sh: terminated by a signal (no exit status)"), killed.err());
            assertEquals(0, ssh.exec(Command.of("true")).exitCode());
        }
    }

    @Test
    void lostSession_makesTheHostUnreachable_forTheRestOfTheRun() {
        try (SshTransport ssh = transport()) {
            // The command's parent is the sshd process serving this connection: killing it drops the session.
            TransportException lost = assertThrows(TransportException.class,
                    () -> ssh.exec(Command.of("sh", "-c", "kill -9 $PPID; sleep 5")));
            assertTrue(lost.unreachable());
            assertTrue(lost.getMessage().startsWith("ssh root@127.0.0.1:" + SshBed.PORT + ": connection lost"), lost.getMessage());
            TransportException after = assertThrows(TransportException.class, () -> ssh.exec(Command.of("true")));
            assertEquals(lost.getMessage(), after.getMessage());
        }
    }

    @Test
    void agent_authenticates_withoutAnyKeyFile() throws Exception {
        Path socket = dir.resolve("agent.sock");
        TestBed.Result started = TestBed.run("ssh-agent", "-a", socket.toString(), "-s");
        assertEquals(0, started.exitCode(), started.output());
        Matcher pid = Pattern.compile("SSH_AGENT_PID=(\\d+)").matcher(started.output());
        assertTrue(pid.find(), started.output());
        try {
            ProcessBuilder add = new ProcessBuilder("ssh-add", SshBed.CLIENT_KEY.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process p = add.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);

            try (SshTransport ssh = transport(vars("identity", null), Map.of("SSH_AUTH_SOCK", socket.toString()))) {
                assertTrue(ssh.settings().identities().isEmpty(), "no key file at all");
                assertEquals("root\n", ssh.exec(Command.of("id", "-un")).out());
            }
        } finally {
            TestBed.run("kill", pid.group(1));
        }
    }

    @Test
    void encryptedKey_isDecryptedWithThePassphraseFromTheNamedVariable_andNeverShown() throws Exception {
        String passphrase = "correct horse battery staple";
        Path key = dir.resolve("id_encrypted");
        Files.copy(SshBed.CLIENT_KEY, key);
        TestBed.Result encrypt = TestBed.run("ssh-keygen", "-q", "-p", "-P", "", "-N", passphrase, "-f", key.toString());
        assertEquals(0, encrypt.exitCode(), encrypt.output());
        Map<String, Object> vars = vars("identity", key.toString(), "identity_passphrase_env", "PKI_TEST_KEY_PASSPHRASE");

        try (SshTransport ssh = transport(vars, Map.of("PKI_TEST_KEY_PASSPHRASE", passphrase))) {
            assertEquals("root\n", ssh.exec(Command.of("id", "-un")).out());
        }

        TransportException wrong = assertThrows(TransportException.class,
                () -> transport(vars, Map.of("PKI_TEST_KEY_PASSPHRASE", "not it")).exec(Command.of("true")));
        assertTrue(wrong.unreachable());
        assertEquals("ssh root@127.0.0.1:" + SshBed.PORT + ": wrong passphrase for identity file " + key
                + " (from environment variable PKI_TEST_KEY_PASSPHRASE)", wrong.getMessage());

        TransportException unset = assertThrows(TransportException.class, () -> transport(vars, Map.of()).exec(Command.of("true")));
        assertTrue(unset.getMessage().endsWith("identity file " + key + " is encrypted, and the environment variable"
                + " PKI_TEST_KEY_PASSPHRASE (named by identity_passphrase_env) is not set"), unset.getMessage());

        TransportException none = assertThrows(TransportException.class,
                () -> transport(vars("identity", key.toString()), Map.of()).exec(Command.of("true")));
        assertTrue(none.getMessage().contains("is encrypted: set identity_passphrase_env"), none.getMessage());
        for (Exception e : List.of(wrong, unset, none)) assertFalse(e.getMessage().contains(passphrase));
    }

    @Test
    void authFailure_namesWhatWasOffered_butNoPassword() throws Exception {
        Path stranger = dir.resolve("id_stranger");
        assertEquals(0, TestBed.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString()).exitCode());
        String password = "s3cret-Pa55word";

        TransportException e = assertThrows(TransportException.class,
                () -> transport(vars("identity", stranger.toString(), "ansible_password", password), Map.of()).exec(Command.of("true")));

        assertTrue(e.unreachable());
        assertEquals("ssh root@127.0.0.1:" + SshBed.PORT + ": authentication as root failed (offered: key " + stranger
                + " (ssh-ed25519), password)", e.getMessage());
        assertFalse(e.getMessage().contains(password));
    }

    @Test
    void refused_isRememberedForTheRun_andClosedTransportRefusesWork() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SshTransport down = transport(vars("port", port), Map.of());
        TransportException first = assertThrows(TransportException.class, () -> down.exec(Command.of("true")));
        TransportException second = assertThrows(TransportException.class, () -> down.exec(Command.of("true")));
        assertEquals("ssh root@127.0.0.1:" + port + ": connection refused", first.getMessage());
        assertEquals(first.getMessage(), second.getMessage());
        assertEquals(0, down.roundTrips(), "nothing was sent");

        SshTransport ssh = transport();
        assertEquals(0, ssh.exec(Command.of("true")).exitCode());
        ssh.close();
        assertTrue(assertThrows(TransportException.class, () -> ssh.exec(Command.of("true"))).unreachable());
    }

    @Test
    void environment_ofOtherVariables_isNotNeeded() {
        Map<String, String> env = new HashMap<>();
        env.put("SSH_AUTH_SOCK", dir.resolve("no-agent-here.sock").toString());   // a stale socket path is ignored
        try (SshTransport ssh = transport(vars(), env)) {
            assertEquals(0, ssh.exec(Command.of("true")).exitCode());
        }
    }
}

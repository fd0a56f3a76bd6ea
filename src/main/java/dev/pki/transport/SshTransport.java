package dev.pki.transport;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;
import dev.pki.model.Sensitive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs commands on a host over SSH (JSch). One session per host for the whole run: it is opened
 * by the first command and every later command is an exec channel on it; {@link #close()} ends it.
 * The command string is {@link Shell#join} of the argument list and nothing else; standard input
 * is written to the channel and closed; standard output and error are collected as they arrive.
 *
 * <p>Concurrency: a container host's parent is shared by its containers, which run in parallel
 * (up to {@code --forks}). Rather than serialising them on one lock, commands run as concurrent
 * channels of the one session (SSH multiplexes channels; JSch's single reader thread dispatches
 * them), at most {@value #MAX_CHANNELS} at a time — below OpenSSH's default {@code MaxSessions 10},
 * which would otherwise refuse the extra channels. Opening the session happens once, under a lock.
 *
 * <p>Failures: anything that keeps the session from being established — refused, timed out, name
 * not resolved, authentication, an unknown or changed host key — is a {@link TransportException}
 * with {@code unreachable = true} and a one-line message, {@code ssh root@192.0.2.10:22: connection
 * refused}. The failure is remembered: the host is not dialled again in this run (its containers
 * would otherwise each wait for the same timeout). A session lost mid-run makes the host
 * unreachable for the rest of the run. Messages never contain a password or passphrase.
 */
public final class SshTransport implements Transport {

    /** Concurrent channels per session; OpenSSH refuses more than MaxSessions (default 10). */
    static final int MAX_CHANNELS = 8;

    /** Keep-alive: a silent dead connection is noticed after about a minute instead of never. */
    private static final int ALIVE_INTERVAL_MS = 15_000;
    private static final int ALIVE_COUNT_MAX = 4;

    private final SshSettings settings;
    private final SshOptions options;
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final Semaphore channels = new Semaphore(MAX_CHANNELS, true);
    private final Object connectLock = new Object();
    private Session session;                 // guarded by connectLock
    private SshIdentities identities;        // guarded by connectLock
    private volatile TransportException failure;
    private volatile boolean closed;

    public SshTransport(SshSettings settings, SshOptions options) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = Objects.requireNonNull(options, "options");
    }

    public SshSettings settings() {
        return settings;
    }

    @Override
    public ExecResult exec(Command command) {
        Session s = session();
        try {
            channels.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(describe() + ": interrupted", false, e);
        }
        try {
            roundTrips.incrementAndGet();
            return run(s, command);
        } catch (TransportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TransportException(scrub(describe() + ": " + command.argv().get(0) + ": " + e.getClass().getSimpleName() + ": "
                    + SshFailures.oneLine(e.getMessage())), !s.isConnected(), e);
        } finally {
            channels.release();
        }
    }

    /** The session, opened on first use; a failure to open it is remembered and thrown again. */
    private Session session() {
        TransportException failed = failure;
        if (failed != null) throw failed;
        synchronized (connectLock) {
            if (failure != null) throw failure;
            if (closed) throw new TransportException(describe() + ": connection already closed", true);
            if (session == null) {
                try {
                    session = connect();
                } catch (TransportException e) {
                    failure = e;
                    throw e;
                } catch (RuntimeException e) {
                    // A library surprise is still this host's problem only, and still one line.
                    failure = unreachable("cannot connect: " + e.getClass().getSimpleName() + ": " + SshFailures.oneLine(e.getMessage()));
                    throw failure;
                }
            } else if (!session.isConnected()) {
                failure = unreachable("connection lost");
                throw failure;
            }
            return session;
        }
    }

    private Session connect() {
        JSch jsch = new JSch();
        KnownHostsCheck hostKeys;
        try {
            hostKeys = new KnownHostsCheck(jsch, settings.knownHosts(), options.hostKeys());
        } catch (JSchException e) {
            throw unreachable("cannot read known_hosts file " + settings.knownHosts() + ": " + e.getMessage());
        }
        try {
            identities = SshIdentities.load(jsch, settings, options);
        } catch (IllegalStateException e) {
            throw unreachable(e.getMessage());
        }
        if (identities.isEmpty() && settings.password().isEmpty()) {
            throw unreachable("no way to authenticate: no identity file (set identity, or create ~/.ssh/id_ed25519), "
                    + "no ssh-agent (SSH_AUTH_SOCK) and no password");
        }
        Session s;
        try {
            s = jsch.getSession(settings.user(), settings.address(), settings.port());
        } catch (JSchException e) {
            throw unreachable(e.getMessage());
        }
        s.setHostKeyRepository(hostKeys);
        s.setIdentityRepository(identities);
        s.setConfig("StrictHostKeyChecking", "yes");
        s.setConfig("kex", settings.kex());
        s.setConfig("CheckKexes", checkedKexes(settings.kex()));
        s.setConfig("PreferredAuthentications", settings.password().isPresent() ? "publickey,keyboard-interactive,password" : "publickey");
        settings.password().ifPresent(p -> s.setUserInfo(new PasswordPrompts(p)));
        s.setDaemonThread(true);
        try {
            s.setServerAliveInterval(ALIVE_INTERVAL_MS);
            s.setServerAliveCountMax(ALIVE_COUNT_MAX);
            s.connect(settings.timeoutSeconds() * 1000);
        } catch (JSchException e) {
            s.disconnect();
            throw unreachable(reason(e, hostKeys));
        }
        KnownHostsCheck.Verdict v = hostKeys.verdict();
        if (v != null && v.outcome() == KnownHostsCheck.Outcome.RECORDED) {
            options.notices().accept("recorded the " + v.keyType() + " host key of " + v.name() + " (" + v.fingerprint() + ") in "
                    + hostKeys.file() + " (--ssh-host-keys accept-new)");
        }
        return s;
    }

    /**
     * JSch tries each algorithm of its CheckKexes list at every connect (a full key generation)
     * to see that it works, whatever the kex list says; the default list includes SNTRUP761, whose
     * pure-Java key generation costs ~0.35 s of CPU. Check only algorithms that will be offered.
     */
    static String checkedKexes(String offered) {
        java.util.Set<String> kex = java.util.Set.of(offered.split(","));
        return String.join(",", java.util.Arrays.stream(JSch.getConfig("CheckKexes").split(",")).filter(kex::contains).toList());
    }

    /** Why the session could not be established, in one line, from what pki knows best first. */
    private String reason(JSchException e, KnownHostsCheck hostKeys) {
        KnownHostsCheck.Verdict v = hostKeys.verdict();
        if (v != null && v.outcome() == KnownHostsCheck.Outcome.CHANGED) return SshFailures.changedKey(v, hostKeys.file());
        if (v != null && v.outcome() == KnownHostsCheck.Outcome.UNKNOWN) {
            String why = hostKeys.recordFailure();
            return why != null ? SshFailures.unknownKeyNotRecorded(v, hostKeys.file(), why) : SshFailures.unknownKey(v, hostKeys.file());
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
            return "authentication as " + settings.user() + " failed (offered: " + offered() + ")";
        }
        return SshFailures.networkReason(e, settings.timeoutSeconds());
    }

    private String offered() {
        String keys = identities == null ? "" : identities.describe();
        String password = settings.password().isPresent() ? "password" : "";
        String all = String.join(", ", java.util.stream.Stream.of(keys, password).filter(x -> !x.isEmpty()).toList());
        return all.isEmpty() ? "nothing" : all;
    }

    /** Runs one command as an exec channel and waits for it to finish. */
    private ExecResult run(Session s, Command command) {
        ChannelExec channel;
        try {
            channel = (ChannelExec) s.openChannel("exec");
        } catch (JSchException e) {
            throw lostOr(s, "cannot open a channel: " + SshFailures.oneLine(e.getMessage()));
        }
        CountDownLatch done = new CountDownLatch(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // JSch's reader thread writes stdout and stderr into these as data arrives (no pipes to fill
        // up); it closes the stderr sink when the channel is closed, after the exit status came.
        ByteArrayOutputStream err = new ByteArrayOutputStream() {
            @Override
            public void close() {
                done.countDown();
            }
        };
        channel.setCommand(Shell.join(command.argv()).getBytes(StandardCharsets.UTF_8));
        channel.setOutputStream(out, true);
        channel.setErrStream(err, false);
        try {
            try {
                channel.connect(settings.timeoutSeconds() * 1000);
            } catch (JSchException e) {
                throw lostOr(s, "cannot start " + command.argv().get(0) + ": " + SshFailures.oneLine(e.getMessage()));
            }
            try (OutputStream stdin = channel.getOutputStream()) {
                stdin.write(command.stdin());
            } catch (IOException e) {
                // The command exited without reading all of its input; its exit status tells the story.
            }
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(describe() + ": interrupted while running " + command.argv().get(0), false, e);
            }
            int status = channel.getExitStatus();
            if (status < 0) {
                if (sessionDropped(s)) throw lost("connection lost while running " + command.argv().get(0));
                // No exit status: the command was killed by a signal (OpenSSH's client exits 255 then too).
                byte[] note = ("\n" + command.argv().get(0) + ": terminated by a signal (no exit status)\n").getBytes(StandardCharsets.UTF_8);
                err.write(note, 0, note.length);
                return new ExecResult(255, out.toByteArray(), err.toByteArray());
            }
            return new ExecResult(status, out.toByteArray(), err.toByteArray());
        } finally {
            channel.disconnect();
        }
    }

    /**
     * Whether a channel that ended without an exit status did so because the session went down.
     * JSch closes a dying session's channels before it marks the session disconnected, so the
     * answer may lag by a moment: wait briefly (this path is rare: a command killed by a signal).
     */
    private static boolean sessionDropped(Session s) {
        for (int i = 0; i < 50 && s.isConnected(); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return !s.isConnected();
    }

    private TransportException lostOr(Session s, String message) {
        return s.isConnected() ? new TransportException(describe() + ": " + message, false) : lost("connection lost");
    }

    private TransportException lost(String message) {
        TransportException e = unreachable(message);
        failure = e;
        return e;
    }

    private TransportException unreachable(String message) {
        return new TransportException(scrub(describe() + ": " + message), true);
    }

    /** Belt and braces: whatever a library put in a message, the password never reaches the user. */
    private String scrub(String message) {
        String m = message;
        if (settings.password().isPresent() && !settings.password().get().reveal().isEmpty()) {
            m = m.replace(settings.password().get().reveal(), Sensitive.MARKER);
        }
        String passphrase = settings.passphraseEnv().map(options.env()::get).orElse(null);
        if (passphrase != null && !passphrase.isEmpty()) m = m.replace(passphrase, Sensitive.MARKER);
        return m;
    }

    @Override
    public int roundTrips() {
        return roundTrips.get();
    }

    /** {@code ssh root@192.0.2.10:22}. */
    @Override
    public String describe() {
        return "ssh " + settings.target();
    }

    /** Ends the session (and with it the channels of any container transports using it). */
    @Override
    public void close() {
        synchronized (connectLock) {
            closed = true;
            if (session != null) session.disconnect();
            if (identities != null) identities.clear();
        }
    }

    /** Answers password and keyboard-interactive prompts with the configured password, and nothing else. */
    private static final class PasswordPrompts implements UserInfo, UIKeyboardInteractive {

        private final Sensitive password;

        PasswordPrompts(Sensitive password) {
            this.password = password;
        }

        @Override
        public String getPassword() {
            return password.reveal();
        }

        @Override
        public boolean promptPassword(String message) {
            return true;
        }

        @Override
        public String getPassphrase() {
            return null;
        }

        @Override
        public boolean promptPassphrase(String message) {
            return false;
        }

        @Override
        public boolean promptYesNo(String message) {
            return false;
        }

        @Override
        public void showMessage(String message) {
        }

        /** One hidden prompt ("Password: ") gets the password; anything else (OTP, several prompts) is cancelled. */
        @Override
        public String[] promptKeyboardInteractive(String destination, String name, String instruction, String[] prompt, boolean[] echo) {
            if (prompt.length == 1 && !echo[0]) return new String[] {password.reveal()};
            return null;
        }
    }
}

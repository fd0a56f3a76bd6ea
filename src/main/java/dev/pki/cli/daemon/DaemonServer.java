package dev.pki.cli.daemon;

import dev.pki.cli.Main;
import dev.pki.dsl.PlaybookLoader;
import dev.pki.render.Terminal;
import dev.pki.resource.ca.OpenedKeys;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A daemon: {@code java ... dev.pki.cli.daemon.DaemonServer SOCKET}, started by a client in its own
 * session with the client's working directory and environment. Serves runs one at a time, each
 * exactly as {@link Main#run} in a fresh process would, with the client's terminal and output; a
 * second client meanwhile is told it is busy and runs in its own process.
 */
public final class DaemonServer {

    static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);
    /** The daemon's own standard error (its log file): during a run, System.err is the client's. */
    private static final PrintStream LOG = System.err;
    /**
     * Daemons one user keeps at most (each holds ~100-150 MB): a new one stops the least recently
     * used beyond this, so environments that differ run by run (a CI job id) cannot pile them up.
     */
    static final int MAX_DAEMONS = 3;

    private final Endpoint endpoint;
    /** Held for the daemon's life; a field, so that no collector ever closes its channel (and releases it) early. */
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Duration idle;
    private final Instant started = Instant.now();
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile long lastRunEnded = System.nanoTime();
    private volatile int runs;
    /** Set when a run changed state that would outlive it (a Groovy metaclass): the daemon exits after that run. */
    private volatile boolean tainted;
    /** Asked to stop while a run was in progress: exits after it. */
    private volatile boolean stopping;

    private DaemonServer(Endpoint endpoint, FileLock lock, ServerSocketChannel server, Duration idle) {
        this.endpoint = endpoint;
        this.lock = lock;
        this.server = server;
        this.idle = idle;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DaemonServer SOCKET (started by pki itself when PKI_DAEMON=1)");
            System.exit(1);
        }
        Endpoint endpoint = new Endpoint(Path.of(args[0]));
        // One daemon per endpoint: the lock is held for the daemon's life, released by the kernel
        // however it ends, and only its holder may replace the socket file.
        FileChannel lockFile = FileChannel.open(endpoint.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock();
        if (lock == null) return;
        Files.deleteIfExists(endpoint.socket());
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(endpoint.socket()));
        Files.setPosixFilePermissions(endpoint.socket(), PosixFilePermissions.fromString("rw-------"));
        DaemonServer daemon = new DaemonServer(endpoint, lock, server, idleTimeout());
        Daemons.touch(endpoint);
        log("started, pid " + ProcessHandle.current().pid() + ", in " + Path.of("").toAbsolutePath() + ", exits after " + daemon.idle.toSeconds() + " s idle");
        daemon.serve();
    }

    private static Duration idleTimeout() {
        String value = System.getenv("PKI_DAEMON_IDLE");
        try {
            return value == null || value.isBlank() ? DEFAULT_IDLE : Duration.ofSeconds(Math.max(1, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            log("PKI_DAEMON_IDLE is not a number of seconds: '" + value + "'; using " + DEFAULT_IDLE.toSeconds());
            return DEFAULT_IDLE;
        }
    }

    private void serve() {
        Thread warm = new Thread(Main::warmUp, "pki-warm-up");
        warm.setDaemon(true);
        warm.start();
        PlaybookLoader.onGlobalChange(() -> tainted = true);
        Thread watchdog = new Thread(this::exitWhenIdle, "pki-daemon-idle");
        watchdog.setDaemon(true);
        watchdog.start();
        // Beside serving, never before it: two daemons starting together each ask the other to
        // stop, and neither may wait for an answer that only its serving loop could give.
        Thread limit = new Thread(() -> Daemons.stopLeastRecentlyUsed(MAX_DAEMONS, endpoint), "pki-daemon-limit");
        limit.setDaemon(true);
        limit.start();
        while (true) {
            try {
                SocketChannel client = server.accept();
                // A thread per connection: a client that connects and says nothing holds up nobody.
                Thread t = new Thread(() -> answer(client), "pki-daemon-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                log("accept failed: " + e.getMessage());
                exit(1);
            }
        }
    }

    /** Reads the client's request and answers it (a run, on this connection's thread). */
    private void answer(SocketChannel client) {
        Frames frames = new Frames(client);
        try {
            if (!Peers.sameUser(client)) {
                frames.close();
                return;
            }
            Frames.Frame request = frames.read();
            if (request == null) {
                frames.close();
            } else if (request.type() == Frames.STATUS) {
                frames.send(Frames.INFO, status());
                frames.close();
            } else if (request.type() == Frames.STOP) {
                // A run in progress finishes first: stopping must never cut one short. Taking
                // 'busy' keeps any run from starting; a run that holds it sees 'stopping' after.
                stopping = true;
                String status = status();   // before taking 'busy', which would make it say a run is going on
                boolean idleNow = busy.compareAndSet(false, true);
                frames.send(Frames.INFO, (idleNow ? "stopped: " : "stopping after its run: ") + status);
                frames.close();
                if (idleNow) {
                    log("stopped");
                    exit(0);
                }
            } else if (request.type() == Frames.RUN) {
                Frames.RunRequest run = Frames.runRequest(request.body());
                if (run.version() != Frames.VERSION || tainted || stopping || !busy.compareAndSet(false, true)) {
                    frames.send(Frames.BUSY);
                    frames.close();
                    return;
                }
                frames.send(Frames.ACCEPTED);
                run(frames, run);
            } else {
                frames.close();
            }
        } catch (IOException e) {
            log("a client went away: " + e.getMessage());
            try {
                frames.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    /** One run, as in a fresh process: the client's arguments, terminal and output, then its exit code. */
    private void run(Frames frames, Frames.RunRequest request) {
        AtomicBoolean finished = new AtomicBoolean();
        BlockingQueue<Frames.Frame> answers = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readAnswers(frames, answers, finished), "pki-run-input");
        reader.setDaemon(true);
        reader.start();
        PrintStream out = new PrintStream(new BufferedOutputStream(new FrameStream(frames, Frames.OUT), 8192), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new BufferedOutputStream(new FrameStream(frames, Frames.ERR), 8192), true, StandardCharsets.UTF_8);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        System.setOut(out);
        System.setErr(err);
        Terminal.use(Terminal.remote(request.console(), prompt -> ask(frames, answers, prompt)));
        try {
            code = Main.run(request.args());
        } catch (RuntimeException | Error e) {
            err.println("Error: pki's daemon failed: " + e + " (run without PKI_DAEMON=1 to compare)");
            code = 1;
        } finally {
            out.flush();
            err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
            Terminal.use(null);
            OpenedKeys.forgetAll();
            PlaybookLoader.releaseLoadedPlaybooks();
        }
        finished.set(true);
        try {
            frames.send(Frames.EXIT, Frames.exitCode(code));
            frames.close();
        } catch (IOException e) {
            log("could not send the exit code: " + e.getMessage());
        }
        runs++;
        lastRunEnded = System.nanoTime();
        Daemons.touch(endpoint);
        if (tainted) {
            log("a run changed a Groovy metaclass, which would outlive it: exiting so no later run sees it");
            exit(0);
        }
        if (stopping) {
            log("stopped after its run");
            exit(0);
        }
        busy.set(false);
    }

    private static String ask(Frames frames, BlockingQueue<Frames.Frame> answers, String prompt) {
        try {
            frames.send(Frames.ASK, prompt);
            Frames.Frame answer = answers.take();
            return answer.type() == Frames.LINE ? answer.text() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The client's answers to questions; its end means it is gone (Ctrl-C, killed). A fresh process
     * would have died with its children, so the daemon ends the run's commands and exits too,
     * rather than go on changing hosts with nobody watching.
     */
    private void readAnswers(Frames frames, BlockingQueue<Frames.Frame> answers, AtomicBoolean finished) {
        try {
            Frames.Frame f;
            while ((f = frames.read()) != null) answers.add(f);
        } catch (IOException e) {
            // the same as the end of the connection
        }
        if (finished.get()) return;
        log("the client went away during a run: stopping its commands and exiting");
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        exit(130);
    }

    private void exitWhenIdle() {
        while (true) {
            try {
                Thread.sleep(Math.min(idle.toMillis(), 5_000));
            } catch (InterruptedException e) {
                return;
            }
            if (System.nanoTime() - lastRunEnded > idle.toNanos() && busy.compareAndSet(false, true)) {
                log("idle for " + idle.toSeconds() + " s: exiting");
                exit(0);
            }
        }
    }

    private String status() {
        long idleSeconds = busy.get() ? 0 : Duration.ofNanos(System.nanoTime() - lastRunEnded).toSeconds();
        return "pid " + ProcessHandle.current().pid() + ", up " + Duration.between(started, Instant.now()).toSeconds() + " s, "
                + runs + " run" + (runs == 1 ? "" : "s") + ", " + (busy.get() ? "running one now" : "idle " + idleSeconds + " s")
                + ", in " + Path.of("").toAbsolutePath();
    }

    /** Exits; its files go too, but for the log of an abnormal end (the client points to it). */
    private void exit(int code) {
        try {
            Files.deleteIfExists(endpoint.socket());
            if (code == 0) {
                Files.deleteIfExists(endpoint.log());
                Files.deleteIfExists(endpoint.lock());
            }
        } catch (IOException ignored) {
            // a stale socket is refused and replaced by the next daemon
        }
        System.exit(code);
    }

    private static void log(String message) {
        LOG.println(Instant.now() + " pki daemon: " + message);
    }

    /** What a run prints, to the client as frames of one type. */
    private static final class FrameStream extends OutputStream {
        private final Frames frames;
        private final byte type;

        FrameStream(Frames frames, byte type) {
            this.frames = frames;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        /** Frames of at most 64 KiB: a plan of any size is printed whole by one write. */
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int sent = 0; sent < len; sent += CHUNK) frames.sendSoon(type, b, off + sent, Math.min(CHUNK, len - sent));
        }

        private static final int CHUNK = 1 << 16;
    }
}

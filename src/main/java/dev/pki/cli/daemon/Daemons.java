package dev.pki.cli.daemon;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** This user's daemons, for {@code pki daemon status} and {@code pki daemon stop}. */
public final class Daemons {

    private Daemons() {
    }

    /** The daemons' directory, or why there is none usable ({@link IllegalStateException}). */
    public static Path directory() {
        try {
            return Endpoint.directory(System.getenv());
        } catch (Endpoint.Unusable e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    /** One line per running daemon: its socket and what it says of itself. Sockets nobody answers are removed. */
    public static List<String> status() {
        return each(Frames.STATUS);
    }

    /** Stops every daemon; one serving a run stops when that run has finished. */
    public static List<String> stop() {
        return each(Frames.STOP);
    }

    private static List<String> each(byte request) {
        List<String> lines = new ArrayList<>();
        for (Path socket : sockets(directory())) {
            String answer = ask(new Endpoint(socket), request);
            if (answer != null) lines.add(socket.getFileName() + ": " + answer);
        }
        return lines;
    }

    /** How long a daemon may take to answer STATUS or STOP; it answers at once from a thread of its own. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Sends {@code request} (STATUS or STOP) to a daemon and returns what it said; null when nobody
     * listens on its socket any more, which is then removed ({@link #removeStale}). A daemon that
     * takes the connection but does not answer (stopped with SIGSTOP, hung) is reported as such
     * after {@link #ANSWER_TIMEOUT}, never waited for: this runs in {@code pki daemon status} and
     * in a daemon starting up.
     */
    private static String ask(Endpoint endpoint, byte request) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(endpoint.socket()));
        } catch (IOException e) {
            removeStale(endpoint);
            return null;
        }
        AtomicReference<String> answer = new AtomicReference<>();
        try (Frames frames = new Frames(channel)) {
            // A blocking channel's read has no timeout: the read waits in a thread, and closing the channel ends it.
            Thread exchange = new Thread(() -> {
                try {
                    frames.send(request);
                    Frames.Frame info = frames.read();
                    answer.set(info == null ? "did not answer" : info.text());
                } catch (IOException e) {
                    answer.set("did not answer (" + e.getMessage() + ")");
                }
            }, "pki-daemon-ask");
            exchange.setDaemon(true);
            exchange.start();
            exchange.join(ANSWER_TIMEOUT.toMillis());
        } catch (IOException e) {
            // closing the connection: the answer, if any, is in
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String said = answer.get();
        return said != null ? said : "did not answer within " + ANSWER_TIMEOUT.toSeconds() + " s";
    }

    /** Marks the endpoint as used now: its lock file's time orders daemons by their last run. */
    static void touch(Endpoint endpoint) {
        try {
            Files.setLastModifiedTime(endpoint.lock(), FileTime.from(Instant.now()));
        } catch (IOException ignored) {
            // only the order of stopping daemons beyond the limit depends on it
        }
    }

    /** Stops the daemons used longest ago so that at most {@code keep} remain, {@code self} among them. */
    static void stopLeastRecentlyUsed(int keep, Endpoint self) {
        List<Endpoint> others = new ArrayList<>();
        for (Path socket : sockets(self.socket().getParent())) {
            if (!socket.equals(self.socket())) others.add(new Endpoint(socket));
        }
        others.sort(Comparator.comparing(Daemons::lastUsed));
        for (Endpoint e : others.subList(0, Math.max(0, others.size() - (keep - 1)))) ask(e, Frames.STOP);
    }

    private static FileTime lastUsed(Endpoint e) {
        try {
            return Files.getLastModifiedTime(e.lock());
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }

    private static List<Path> sockets(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sock")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    /** A socket nobody listens on: its daemon died without removing it. Removed with its lock and log. */
    private static void removeStale(Endpoint endpoint) {
        try {
            Files.deleteIfExists(endpoint.socket());
            Files.deleteIfExists(endpoint.lock());
        } catch (IOException ignored) {
            // left for the next daemon of this endpoint, which replaces it
        }
    }
}

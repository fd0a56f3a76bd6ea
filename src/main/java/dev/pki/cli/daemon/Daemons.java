package dev.pki.cli.daemon;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /**
     * Sends {@code request} (STATUS or STOP) to a daemon and returns what it said; null when nobody
     * listens on its socket any more, which is then removed ({@link #removeStale}).
     */
    private static String ask(Endpoint endpoint, byte request) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(endpoint.socket()));
             Frames frames = new Frames(channel)) {
            frames.send(request);
            Frames.Frame info = frames.read();
            return info == null ? "did not answer" : info.text();
        } catch (IOException e) {
            removeStale(endpoint);
            return null;
        }
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

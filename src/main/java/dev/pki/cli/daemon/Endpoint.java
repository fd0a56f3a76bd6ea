package dev.pki.cli.daemon;

import dev.pki.planfile.PlanFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the daemon for a run listens: a Unix socket named by a digest of everything a running JVM
 * cannot change for a run (user, Java, JVM options, the pki jar, the working directory, the
 * environment), in a directory only its user can enter. A run meets a daemon only when all of
 * these are the same; anything else is a different daemon.
 */
record Endpoint(Path socket) {

    /** Shell bookkeeping that changes with every {@code cd}, subshell or command and means nothing to a run. */
    private static final Set<String> IGNORED_ENV = Set.of("OLDPWD", "SHLVL", "_");
    /** sun_path holds 108 bytes with its terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;

    Path lock() {
        return sibling(".lock");
    }

    Path log() {
        return sibling(".log");
    }

    private Path sibling(String suffix) {
        String name = socket.getFileName().toString();
        return socket.resolveSibling(name.substring(0, name.length() - ".sock".length()) + suffix);
    }

    /** The endpoint for a run of this JVM (its command line up to the main class), or why there can be none. */
    static Endpoint of(Path directory, List<String> javaCommand, Path jar, Path cwd, Map<String, String> env) throws Unusable {
        StringBuilder identity = new StringBuilder("pki-daemon ").append(Frames.VERSION).append('\0');
        identity.append(System.getProperty("user.name")).append('\0');
        javaCommand.forEach(a -> identity.append(a).append('\0'));
        try {
            identity.append(jar.toAbsolutePath()).append('\0').append(Files.size(jar)).append('\0')
                    .append(Files.getLastModifiedTime(jar).toMillis()).append('\0');
        } catch (IOException e) {
            throw new Unusable("cannot read the pki jar " + jar + ": " + e.getMessage());
        }
        identity.append(cwd.toAbsolutePath()).append('\0');
        new TreeMap<>(env).forEach((k, v) -> {
            if (!IGNORED_ENV.contains(k)) identity.append(k).append('=').append(v).append('\0');
        });
        Path socket = directory.resolve(PlanFile.sha256(identity.toString()).substring(0, 24) + ".sock");
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new Unusable("the socket path " + socket + " is longer than a Unix socket allows; set PKI_DAEMON_DIR to a shorter directory");
        }
        return new Endpoint(socket);
    }

    /**
     * The daemons' directory, created private if missing: {@code PKI_DAEMON_DIR}, else
     * {@code $XDG_RUNTIME_DIR/pki}, else {@code ~/.cache/pki/daemon}. It must belong to this user
     * and be closed to everyone else, since whoever can reach a socket can run pki as its user.
     */
    static Path directory(Map<String, String> env) throws Unusable {
        Path dir;
        if (nonEmpty(env.get("PKI_DAEMON_DIR"))) dir = Path.of(env.get("PKI_DAEMON_DIR"));
        else if (nonEmpty(env.get("XDG_RUNTIME_DIR"))) dir = Path.of(env.get("XDG_RUNTIME_DIR"), "pki");
        else dir = Path.of(System.getProperty("user.home"), ".cache", "pki", "daemon");
        dir = dir.toAbsolutePath();
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // made by another run just now: checked below like any other
                }
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new Unusable(dir + " is not a directory");
            String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
            if (!owner.equals(System.getProperty("user.name"))) throw new Unusable(dir + " belongs to " + owner + ", not to you");
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE).containsAll(perms)) {
                throw new Unusable(dir + " is open to others (" + PosixFilePermissions.toString(perms) + "); make it private: chmod 700 " + dir);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new Unusable("cannot prepare " + dir + ": " + e.getMessage());
        }
        return dir;
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /** Why this run cannot use a daemon; it runs in its own process instead. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }
}

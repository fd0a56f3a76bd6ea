package dev.pki.facts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Path facts of this machine, read in-process: what the gatherer's script reports (type, mode,
 * owner, group, content of readable regular files; links followed, as {@code stat -L} does)
 * without starting a shell, stat and od for every read — the verification read after each of a
 * thousand certificates was most of a bulk issuance.
 */
final class LocalPaths {

    private LocalPaths() {
    }

    static Map<Fact, Object> read(Map<String, Boolean> paths) {
        Map<Fact, Object> answers = new HashMap<>();
        Names names = Names.now();
        paths.forEach((path, content) -> {
            PathState state = state(Path.of(path), content, names);
            answers.put(new Fact.PathFact(path, content), state);
            if (content) answers.put(new Fact.PathFact(path, false), state);
        });
        return answers;
    }

    /** Type, mode and ids in one stat, as {@code stat -L} reports them (links followed). */
    private static final String ATTRIBUTES = "unix:mode,uid,gid,isDirectory,isRegularFile";

    private static PathState state(Path p, boolean content, Names names) {
        Map<String, Object> attrs;
        try {
            attrs = Files.readAttributes(p, ATTRIBUTES);
        } catch (NoSuchFileException e) {
            // A dangling link exists but has no target: "other", as the script reports it.
            return Files.isSymbolicLink(p) ? new PathState(PathState.Kind.OTHER, "", "", "", null, true) : PathState.ABSENT;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return new PathState(PathState.Kind.OTHER, "", "", "", null, false);
        }
        PathState.Kind kind = (Boolean) attrs.get("isDirectory") ? PathState.Kind.DIRECTORY
                : (Boolean) attrs.get("isRegularFile") ? PathState.Kind.FILE : PathState.Kind.OTHER;
        String mode = FactGatherer.normalizeMode(Integer.toOctalString((Integer) attrs.get("mode") & 07777));
        byte[] bytes = null;
        boolean readable = true;
        if (content && kind == PathState.Kind.FILE) {
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                readable = false;   // permission denied, or gone since its attributes were read
            }
        }
        int uid = (Integer) attrs.get("uid");
        int gid = (Integer) attrs.get("gid");
        return new PathState(kind, mode, names.user(uid, p), names.group(gid, p), bytes, readable, uid, gid);
    }

    /**
     * User and group names by id. Each lookup reads the user or group database (getpwuid: open,
     * read and parse /etc/passwd), and the verification read after each of a thousand certificates
     * asked for the same two names again. Names are kept while {@code /etc/passwd} and
     * {@code /etc/group} stay the same file (inode, size, modification time: a handler that adds a user
     * changes them, and its next read sees the new name, as the script would) and for at most
     * {@link #MAX_AGE_NANOS}, for databases that are not those files (LDAP, sssd).
     */
    static final class Names {

        static final long MAX_AGE_NANOS = 1_000_000_000L;
        private static volatile Names current;

        private final Object passwd;
        private final Object group;
        private final long made = System.nanoTime();
        private final Map<Integer, String> users = new ConcurrentHashMap<>();
        private final Map<Integer, String> groups = new ConcurrentHashMap<>();

        private Names(Object passwd, Object group) {
            this.passwd = passwd;
            this.group = group;
        }

        /** The names to use for a read starting now. */
        static Names now() {
            return now(Path.of("/etc/passwd"), Path.of("/etc/group"), MAX_AGE_NANOS);
        }

        static Names now(Path passwdFile, Path groupFile, long maxAgeNanos) {
            Object passwd = stamp(passwdFile);
            Object group = stamp(groupFile);
            Names n = current;
            if (n == null || !n.passwd.equals(passwd) || !n.group.equals(group) || System.nanoTime() - n.made > maxAgeNanos) {
                current = n = new Names(passwd, group);
            }
            return n;
        }

        private static Object stamp(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return Arrays.asList(a.fileKey(), a.size(), a.lastModifiedTime());   // fileKey: device and inode, null where unknown
            } catch (IOException | UnsupportedOperationException e) {
                return "unreadable";   // absent (names from elsewhere) or unreadable: the age limit still applies
            }
        }

        /** Whether the name of {@code uid} is kept (for tests). */
        boolean knowsUser(int uid) {
            return users.containsKey(uid);
        }

        String user(int uid, Path p) {
            String name = users.computeIfAbsent(uid, id -> name(p, "unix:uid,owner", "uid", "owner", id));
            return name != null ? name : Integer.toString(uid);
        }

        String group(int gid, Path p) {
            String name = groups.computeIfAbsent(gid, id -> name(p, "unix:gid,group", "gid", "group", id));
            return name != null ? name : Integer.toString(gid);
        }

        /**
         * The name the JDK gives the id (the number itself when the database has no entry), read
         * from the path that has the id; null, and nothing kept, when the path is gone or changed
         * owner in between: the caller then says the number, which is what the id is.
         */
        private static String name(Path p, String attributes, String idKey, String nameKey, int id) {
            try {
                Map<String, Object> named = Files.readAttributes(p, attributes);
                if (((Integer) named.get(idKey)) == id) return ((java.security.Principal) named.get(nameKey)).getName();
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // gone or changed since the first read
            }
            return null;
        }
    }
}

package dev.pki.facts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
        Names names = new Names();
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
     * User and group names by id, for one read. Each lookup of a name reads the user or group
     * database (getpwuid: open, read and parse /etc/passwd); the paths of one read mostly share an
     * owner, so one lookup per id serves them all. Kept for one read only, so a name changed
     * between reads (a handler that adds a user) is seen as the script would see it.
     */
    private static final class Names {

        private final Map<Integer, String> users = new HashMap<>();
        private final Map<Integer, String> groups = new HashMap<>();

        String user(int uid, Path p) {
            return users.computeIfAbsent(uid, id -> name(p, "unix:uid,owner", "uid", "owner", id));
        }

        String group(int gid, Path p) {
            return groups.computeIfAbsent(gid, id -> name(p, "unix:gid,group", "gid", "group", id));
        }

        /**
         * The name the JDK gives the id (the number itself when the database has no entry), read
         * from the path that has the id; if the path changed owner in between, the number, which
         * is what the id is.
         */
        private static String name(Path p, String attributes, String idKey, String nameKey, int id) {
            try {
                Map<String, Object> named = Files.readAttributes(p, attributes);
                if (((Integer) named.get(idKey)) == id) return ((java.security.Principal) named.get(nameKey)).getName();
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // Gone or changed since the first read: fall through to the number.
            }
            return Integer.toString(id);
        }
    }
}

package dev.pki.facts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
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
        paths.forEach((path, content) -> {
            PathState state = state(Path.of(path), content);
            answers.put(new Fact.PathFact(path, content), state);
            if (content) answers.put(new Fact.PathFact(path, false), state);
        });
        return answers;
    }

    private static PathState state(Path p, boolean content) {
        PosixFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            // A dangling link exists but has no target: "other", as the script reports it.
            return Files.isSymbolicLink(p) ? new PathState(PathState.Kind.OTHER, "", "", "", null, true) : PathState.ABSENT;
        } catch (IOException e) {
            return new PathState(PathState.Kind.OTHER, "", "", "", null, false);
        }
        PathState.Kind kind = attrs.isDirectory() ? PathState.Kind.DIRECTORY : attrs.isRegularFile() ? PathState.Kind.FILE : PathState.Kind.OTHER;
        String mode = FactGatherer.normalizeMode(Integer.toOctalString(mode(p, attrs)));
        byte[] bytes = null;
        boolean readable = true;
        if (content && kind == PathState.Kind.FILE) {
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                readable = false;   // permission denied, or gone since its attributes were read
            }
        }
        return new PathState(kind, mode, attrs.owner().getName(), attrs.group().getName(), bytes, readable);
    }

    /**
     * The mode as stat's %a prints it, special bits included: from the JDK's "unix" view where it
     * exists (Linux), else the rwx bits (PosixFilePermission has no setuid, setgid or sticky).
     */
    private static int mode(Path p, PosixFileAttributes attrs) {
        try {
            return (Integer) Files.getAttribute(p, "unix:mode") & 07777;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            int mode = 0;
            for (var perm : attrs.permissions()) mode |= 0400 >> perm.ordinal();
            return mode;
        }
    }

}

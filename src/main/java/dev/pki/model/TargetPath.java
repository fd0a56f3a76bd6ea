package dev.pki.model;

/**
 * Paths on a target, as the playbook writes them: POSIX strings, not {@link java.nio.file.Path}s,
 * because they name files on another machine.
 */
public final class TargetPath {

    private TargetPath() {
    }

    /**
     * The directory a path is in, or null when there is none to read or create: {@code /srv/pki}
     * for {@code /srv/pki/ca.crt}, null for {@code /ca.crt} (the root) and for {@code ca.crt}.
     */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash > 0 ? path.substring(0, slash) : null;
    }

    /** The last segment: {@code ca.crt} for {@code /srv/pki/ca.crt}. */
    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

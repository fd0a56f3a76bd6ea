package dev.pki.facts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a path is on a target. {@code content} is present only for a regular file read with
 * content; it may hold a private key, so {@link #toString()} never shows it. {@code owner} and
 * {@code group} are names (the number when the id has no name); {@code uid} and {@code gid} the
 * numeric ids, or -1 when not known (a state simulated from the playbook's own settings).
 */
public record PathState(Kind kind, String mode, String owner, String group, byte[] content, boolean readable, int uid, int gid) {

    /** A state whose numeric ids are not known. */
    public PathState(Kind kind, String mode, String owner, String group, byte[] content, boolean readable) {
        this(kind, mode, owner, group, content, readable, -1, -1);
    }

    public enum Kind { ABSENT, FILE, DIRECTORY, OTHER }

    public static final PathState ABSENT = new PathState(Kind.ABSENT, "", "", "", null, false);

    public static PathState directory(String mode, String owner, String group) {
        return new PathState(Kind.DIRECTORY, mode, owner, group, null, true);
    }

    public static PathState file(String mode, String owner, String group, byte[] content) {
        return new PathState(Kind.FILE, mode, owner, group, content, true);
    }

    public boolean exists() {
        return kind != Kind.ABSENT;
    }

    public boolean isFile() {
        return kind == Kind.FILE;
    }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }

    /** Whether the owner is {@code user}, given as a name or a numeric id (as chown takes it). */
    public boolean ownerIs(String user) {
        return user.equals(owner) || (uid >= 0 && user.equals(Integer.toString(uid)));
    }

    /** Whether the group is {@code name}, given as a name or a numeric id (as chgrp takes it). */
    public boolean groupIs(String name) {
        return name.equals(group) || (gid >= 0 && name.equals(Integer.toString(gid)));
    }

    /** The content as UTF-8 text, if it was read. */
    public Optional<String> text() {
        return content == null ? Optional.empty() : Optional.of(new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "PathState[" + kind + " " + mode + " " + owner + ":" + group
                + (content == null ? "" : " (" + content.length + " bytes)") + "]";
    }
}

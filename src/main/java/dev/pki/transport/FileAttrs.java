package dev.pki.transport;

/**
 * Ownership and permissions for a file or directory being written. Owner and group may be empty
 * ("leave as the connecting user's"); the mode is octal text such as {@code 0640}.
 */
public record FileAttrs(String owner, String group, String mode) {

    public FileAttrs {
        owner = owner == null ? "" : owner;
        group = group == null ? "" : group;
        if (mode == null || mode.isEmpty()) throw new IllegalArgumentException("mode is required");
    }
}

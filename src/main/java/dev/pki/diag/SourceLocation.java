package dev.pki.diag;

import java.nio.file.Path;

/**
 * Where something was written: a file and a 1-based line (and column when known, else 0).
 */
public record SourceLocation(String file, int line, int column) {

    public static final SourceLocation UNKNOWN = new SourceLocation("", 0, 0);

    public static SourceLocation of(Path file, int line) {
        return new SourceLocation(file.toString(), line, 0);
    }

    public boolean isKnown() {
        return !file.isEmpty();
    }

    /** {@code playbook.groovy line 12} — the form users see in messages. */
    @Override
    public String toString() {
        if (!isKnown()) return "(unknown location)";
        String name = Path.of(file).getFileName().toString();
        return line > 0 ? name + " line " + line + (column > 0 ? ", column " + column : "") : name;
    }
}

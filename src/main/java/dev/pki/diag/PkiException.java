package dev.pki.diag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A failure the user can act on: carries diagnostics, is rendered without a stack trace
 * (unless {@code --debug}) and leads to exit code 1.
 */
public class PkiException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public PkiException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("; ")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public PkiException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public PkiException(String summary) {
        this(Diagnostic.error(SourceLocation.UNKNOWN, summary));
    }

    public PkiException(SourceLocation at, String summary) {
        this(Diagnostic.error(at, summary));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}

package dev.pki.diag;

import java.util.Objects;

/**
 * One problem: a one-line summary, an optional detail, where it was written and at most one
 * suggestion ("Did you mean "mode"?"), never a list of everything.
 */
public record Diagnostic(Severity severity, String summary, String detail, SourceLocation location,
                         String suggestion) {

    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        detail = detail == null ? "" : detail;
        location = location == null ? SourceLocation.UNKNOWN : location;
        suggestion = suggestion == null ? "" : suggestion;
    }

    public static Diagnostic error(SourceLocation at, String summary) {
        return new Diagnostic(Severity.ERROR, summary, "", at, "");
    }

    public static Diagnostic warning(SourceLocation at, String summary) {
        return new Diagnostic(Severity.WARNING, summary, "", at, "");
    }

    public Diagnostic withDetail(String text) {
        return new Diagnostic(severity, summary, text, location, suggestion);
    }

    public Diagnostic withSuggestion(String text) {
        return new Diagnostic(severity, summary, detail, location, text == null ? "" : text);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return location + ": " + summary + (suggestion.isEmpty() ? "" : " " + suggestion);
    }
}

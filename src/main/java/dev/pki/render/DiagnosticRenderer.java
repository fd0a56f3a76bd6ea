package dev.pki.render;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Diagnostics as users read them: {@code Error: playbook.groovy line 12: unknown setting 'mdoe' in file block}
 * with the offending line quoted and one suggestion.
 */
public final class DiagnosticRenderer {

    private final Style style;

    public DiagnosticRenderer(Style style) {
        this.style = style;
    }

    public String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) out.append(render(d));
        return out.toString();
    }

    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        String label = d.isError() ? style.red("Error:") : style.yellow("Warning:");
        out.append(label).append(' ');
        if (d.location().isKnown()) out.append(style.bold(d.location().toString())).append(": ");
        out.append(d.summary()).append('\n');
        snippet(d.location()).ifPresent(s -> out.append(style.dim(s)).append('\n'));
        if (!d.detail().isEmpty()) out.append("  ").append(d.detail()).append('\n');
        if (!d.suggestion().isEmpty()) out.append("  ").append(d.suggestion()).append('\n');
        return out.toString();
    }

    private static java.util.Optional<String> snippet(SourceLocation at) {
        if (!at.isKnown() || at.line() <= 0) return java.util.Optional.empty();
        try {
            List<String> lines = Files.readAllLines(Path.of(at.file()));
            if (at.line() > lines.size()) return java.util.Optional.empty();
            return java.util.Optional.of(String.format("  %4d | %s", at.line(), lines.get(at.line() - 1)));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}

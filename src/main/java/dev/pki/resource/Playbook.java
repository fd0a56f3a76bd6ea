package dev.pki.resource;

import dev.pki.diag.Diagnostic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded playbook: its plays in the order written, the variables it was loaded with, and the
 * warnings found while loading it (errors stop loading instead).
 */
public record Playbook(Path file, List<Play> plays, Map<String, Object> vars, List<Diagnostic> warnings) {

    public Playbook {
        plays = List.copyOf(plays);
        vars = Map.copyOf(vars);
        warnings = List.copyOf(warnings);
    }
}

package dev.pki.resource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A loaded playbook: its plays in the order written, and the variables it was loaded with. */
public record Playbook(Path file, List<Play> plays, Map<String, Object> vars) {

    public Playbook {
        plays = List.copyOf(plays);
        vars = Map.copyOf(vars);
    }
}

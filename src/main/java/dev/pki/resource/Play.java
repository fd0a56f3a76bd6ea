package dev.pki.resource;

import dev.pki.diag.SourceLocation;

import java.util.List;
import java.util.Map;

/** One {@code hosts(pattern) { ... }} block: a host pattern, its options and its steps in order. */
public record Play(String pattern, Map<String, Object> options, List<Resource> steps, SourceLocation location) {

    public Play {
        options = Map.copyOf(options);
        steps = List.copyOf(steps);
    }

    /** Batches, max-fail and any-errors-fatal from the options (validated when the playbook was loaded). */
    public dev.pki.model.Rollout rollout() {
        return dev.pki.model.Rollout.parse(options);
    }
}

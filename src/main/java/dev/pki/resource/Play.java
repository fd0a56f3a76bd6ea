package dev.pki.resource;

import dev.pki.diag.SourceLocation;

import java.util.List;
import java.util.Map;

/**
 * One {@code hosts(pattern) { ... }} block: a host pattern, its options, and its steps in order for
 * each host the pattern matched (the block is evaluated once per host, so steps may differ).
 */
public record Play(String pattern, Map<String, Object> options, Map<String, List<Resource>> stepsByHost, List<Resource> declared,
                   SourceLocation location) {

    public Play {
        options = Map.copyOf(options);
        declared = List.copyOf(declared);
        Map<String, List<Resource>> copy = new java.util.LinkedHashMap<>();
        stepsByHost.forEach((h, s) -> copy.put(h, List.copyOf(s)));
        stepsByHost = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The steps as declared, for inspection: those of the first matched host, or — for a pattern
     * that matched no host — of the block evaluated once with {@code host.name} set to the pattern.
     */
    public List<Resource> steps() {
        return declared;
    }

    /** The steps on one host, in the order written; empty for a host the block was not evaluated for. */
    public List<Resource> steps(String host) {
        return stepsByHost.getOrDefault(host, List.of());
    }

    /** Batches, max-fail and any-errors-fatal from the options (validated when the playbook was loaded). */
    public dev.pki.model.Rollout rollout() {
        return dev.pki.model.Rollout.parse(options);
    }
}

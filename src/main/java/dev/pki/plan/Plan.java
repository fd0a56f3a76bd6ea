package dev.pki.plan;

import dev.pki.diag.Diagnostic;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete plan: every step on every host with its change, in apply order; hosts whose facts
 * could not be read; and the problems found (a plan with errors is not applied).
 */
public record Plan(List<PlannedStep> steps, Map<String, String> unreachable, List<Diagnostic> diagnostics) {

    public Plan {
        steps = List.copyOf(steps);
        unreachable = Map.copyOf(unreachable);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasChanges() {
        return steps.stream().anyMatch(s -> s.change().changes());
    }

    /** Errors in planning; unreachable hosts are reported separately and do not make a plan fail. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public Map<Action, Integer> counts() {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Action a : Action.values()) counts.put(a, 0);
        for (PlannedStep s : steps) counts.merge(s.change().action(), 1, Integer::sum);
        return counts;
    }

    /** Steps grouped by host, keeping order. */
    public Map<String, List<PlannedStep>> byHost() {
        Map<String, List<PlannedStep>> map = new LinkedHashMap<>();
        for (PlannedStep s : steps) map.computeIfAbsent(s.host(), h -> new java.util.ArrayList<>()).add(s);
        return map;
    }
}

package dev.pki.plan;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.facts.FactSet;
import dev.pki.resource.Outputs;
import dev.pki.resource.PlanContext;
import dev.pki.resource.Resource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a plan from facts already gathered: plays in order, hosts in inventory order, steps in
 * the order written, each planned against the outcome of the steps before it (simulated paths on
 * its host, outputs of any host). Pure: no I/O.
 */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(List<Target> targets, Map<String, FactSet> facts, Map<String, String> unreachable, Clock clock) {
        Outputs outputs = new Outputs();
        Map<String, PlanContext> contexts = new HashMap<>();
        List<PlannedStep> steps = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Target target : targets) {
            for (String host : target.hosts()) {
                if (unreachable.containsKey(host)) continue;
                PlanContext context = contexts.computeIfAbsent(host, h -> new PlanContext(h, clock, outputs));
                for (Resource step : target.play().steps(host)) {
                    try {
                        Change change = step.plan(facts.get(host), context);
                        steps.add(new PlannedStep(host, step, change));
                        // Renderers show only changing rows, so a step's warning without a change is reported here.
                        if (!change.changes() && !change.warning().isEmpty()) {
                            diagnostics.add(Diagnostic.warning(step.location(), step.address() + " on " + host + ": " + change.warning()));
                        }
                    } catch (PkiException e) {
                        diagnostics.addAll(e.diagnostics());
                    } catch (Outputs.MissingOutputException e) {
                        if (!unreachable.isEmpty()) {
                            diagnostics.add(Diagnostic.error(step.location(), step.address() + " on " + host + " uses " + e.getMessage()
                                    + ", which could not be planned because its host is unreachable"));
                        } else if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
                            diagnostics.add(Diagnostic.error(step.location(), step.address() + " on " + host + " uses " + e.getMessage()
                                    + ", which no earlier step declares; declare it in an earlier hosts block"));
                        }
                    }
                }
            }
        }
        return new Plan(steps, unreachable, diagnostics);
    }
}

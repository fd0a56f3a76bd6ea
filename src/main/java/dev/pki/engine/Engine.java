package dev.pki.engine;

import dev.pki.facts.Fact;
import dev.pki.facts.FactGatherer;
import dev.pki.facts.FactSet;
import dev.pki.plan.Plan;
import dev.pki.plan.Planner;
import dev.pki.plan.Target;
import dev.pki.resource.Resource;
import dev.pki.transport.TransportException;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Makes a plan: one fact-gathering round trip per host, hosts in parallel ({@code forks} at a time), then pure planning. */
public final class Engine {

    private final Connections connections;
    private final Clock clock;
    private final int forks;

    public Engine(Connections connections, Clock clock, int forks) {
        this.connections = connections;
        this.clock = clock;
        this.forks = Math.max(1, forks);
    }

    /**
     * Facts of every host (one round trip each), the hosts that could not be reached, and those
     * that were reached but whose facts could not be read (an error, not a connection problem).
     */
    public record Gathered(Map<String, FactSet> facts, Map<String, String> unreachable, Map<String, String> failed) {
    }

    public Plan plan(List<Target> targets) {
        Gathered gathered = gather(targets);
        return plan(targets, gathered);
    }

    /** Plans from gathered facts; hosts whose facts failed are left out and their failure is a plan error. */
    public Plan plan(List<Target> targets, Gathered gathered) {
        Map<String, String> skipped = new java.util.HashMap<>(gathered.unreachable());
        skipped.putAll(gathered.failed());
        Plan plan = Planner.plan(targets, gathered.facts(), skipped, clock);
        if (gathered.failed().isEmpty()) return plan;
        List<dev.pki.diag.Diagnostic> diagnostics = new java.util.ArrayList<>(plan.diagnostics());
        gathered.failed().forEach((host, why) -> diagnostics.add(dev.pki.diag.Diagnostic.error(dev.pki.diag.SourceLocation.UNKNOWN,
                "could not read the facts of host " + host + ": " + why)));
        return new Plan(plan.steps(), gathered.unreachable(), diagnostics);
    }

    /** Reads every host's facts, hosts in parallel. */
    public Gathered gather(List<Target> targets) {
        Map<String, FactSet> facts = new ConcurrentHashMap<>();
        Map<String, String> unreachable = new ConcurrentHashMap<>();
        Map<String, String> failed = new ConcurrentHashMap<>();
        List<String> hosts = Targets.hosts(targets);
        Hosts.inParallel(hosts, forks, host -> {
            try {
                facts.put(host, FactGatherer.gather(connections.get(host), factsFor(host, targets)));
            } catch (TransportException e) {
                (e.unreachable() ? unreachable : failed).put(host, e.getMessage());
            }
        });
        return new Gathered(facts, unreachable, failed);
    }

    public Clock clock() {
        return clock;
    }

    private static Set<Fact> factsFor(String host, List<Target> targets) {
        Set<Fact> wanted = new LinkedHashSet<>();
        for (Target t : targets) {
            if (!t.hosts().contains(host)) continue;
            for (Resource step : t.play().steps(host)) wanted.addAll(step.facts());
        }
        return wanted;
    }
}

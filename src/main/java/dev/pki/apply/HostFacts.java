package dev.pki.apply;

import dev.pki.facts.Fact;
import dev.pki.facts.FactGatherer;
import dev.pki.facts.FactSet;
import dev.pki.resource.Resource;
import dev.pki.transport.Remote;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of a host's remaining steps, read in one round trip when the host starts — or taken
 * from the plan's read of moments before, when given (see
 * {@link Applier#startingFrom}). After a step changed something, only its own facts (the
 * verification read) and other facts on the same paths or their parents are read again — one round
 * trip, whatever the number of steps, shared with the step's queued file operations. After a
 * handler (which may change anything) everything left is read again.
 */
final class HostFacts {

    private final Remote remote;
    private final List<Resource> steps;
    /** The plan's facts of this host, for the first read; null to read them. */
    private FactSet planned;
    /** Every path fact of the host's steps by path, to find those on a changed path or its parents. */
    private final Map<String, Set<Fact>> byPath = new HashMap<>();
    private final Map<Fact, Object> answers = new HashMap<>();
    private boolean stale = true;

    HostFacts(Remote remote, List<Resource> steps, FactSet planned) {
        this.remote = remote;
        this.steps = steps;
        this.planned = planned;
        for (Resource step : steps) {
            for (Fact f : step.facts()) {
                if (f instanceof Fact.PathFact p) byPath.computeIfAbsent(p.path(), k -> new LinkedHashSet<>()).add(f);
            }
        }
    }

    FactSet current(int index) {
        if (stale) {
            Set<Fact> wanted = new LinkedHashSet<>();
            for (Resource step : steps.subList(index, steps.size())) wanted.addAll(step.facts());
            FactSet fromPlan = planned;
            planned = null;   // only ever the first read
            if (fromPlan != null && fromPlan.covers(wanted)) fromPlan.copyInto(answers);
            else FactGatherer.gather(remote.transport(), wanted).copyInto(answers);
            stale = false;
        }
        return FactSet.live(answers);
    }

    /**
     * Reads step {@code index}'s facts again, with every fact on the same paths or their parents.
     * What lies below a changed path is not read again: creating a directory or changing its mode
     * leaves its children as they were (re-reading them made a thousand certificates in one
     * directory quadratic).
     */
    FactSet reread(int index) {
        Set<Fact> wanted = new LinkedHashSet<>(steps.get(index).facts());
        for (Fact f : steps.get(index).facts()) {
            if (!(f instanceof Fact.PathFact p)) continue;
            String path = p.path();
            wanted.addAll(byPath.getOrDefault(path, Set.of()));
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                wanted.addAll(byPath.getOrDefault(path.substring(0, slash), Set.of()));
            }
        }
        FactGatherer.gather(remote.transport(), wanted).copyInto(answers);
        return FactSet.live(answers);
    }

    void forget() {
        stale = true;
    }
}

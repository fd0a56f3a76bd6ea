package dev.pki.resource;

import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a step sees while planning on one host: the time, the outputs of earlier steps, and a
 * simulated view of paths that earlier steps on this host will create, so that a step is planned
 * against the outcome of the steps before it.
 */
public class PlanContext {

    private final String host;
    private final Clock clock;
    private final Outputs outputs;
    private final Map<String, PathState> simulated = new HashMap<>();

    public PlanContext(String host, Clock clock, Outputs outputs) {
        this.host = host;
        this.clock = clock;
        this.outputs = outputs;
    }

    public String host() {
        return host;
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    public Outputs outputs() {
        return outputs;
    }

    /** The state of a path after the steps planned so far: simulated if an earlier step changes it, else the fact. */
    public PathState path(FactSet facts, String path) {
        PathState s = simulated.get(path);
        return s != null ? s : facts.path(path);
    }

    /** Records that applying the current step leaves {@code path} in {@code state}. */
    public void simulate(String path, PathState state) {
        simulated.put(path, state);
    }

    /** Forgets simulated state, e.g. when the same context is reused against fresh facts. */
    public void resetSimulation() {
        simulated.clear();
    }
}

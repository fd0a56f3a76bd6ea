package dev.pki.resource;

import dev.pki.transport.Remote;

import java.time.Clock;

/**
 * What a step sees while applying: a plan context plus the host's {@link Remote}. Steps on other
 * hosts are reached only through outputs (a CA publishes its signing handle, read over the CA
 * host's own transport when the CA step ran).
 */
public class ApplyContext extends PlanContext {

    private final Remote remote;

    public ApplyContext(String host, Clock clock, Outputs outputs, Remote remote) {
        super(host, clock, outputs);
        this.remote = remote;
    }

    public Remote remote() {
        return remote;
    }
}

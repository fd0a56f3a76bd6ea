package dev.pki.resource;

import dev.pki.transport.Remote;

import java.time.Clock;

/**
 * What a step sees while applying: a plan context plus the host's {@link Remote} and the work
 * done ahead for this apply ({@link Ahead}). Steps on other
 * hosts are reached only through outputs (a CA publishes its signing handle, read over the CA
 * host's own transport when the CA step ran).
 */
public class ApplyContext extends PlanContext {

    private final Remote remote;
    private final Ahead ahead;

    public ApplyContext(String host, Clock clock, Outputs outputs, Remote remote, Ahead ahead) {
        super(host, clock, outputs);
        this.remote = remote;
        this.ahead = ahead;
    }

    /** With nothing done ahead: every step does its own work. */
    public ApplyContext(String host, Clock clock, Outputs outputs, Remote remote) {
        this(host, clock, outputs, remote, Ahead.none());
    }

    public Remote remote() {
        return remote;
    }

    /** The work done ahead for this apply's steps (see {@link Resource#prepare}). */
    public Ahead ahead() {
        return ahead;
    }
}

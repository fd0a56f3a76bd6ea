package dev.pki.resource;

import dev.pki.crypto.KeyPool;
import dev.pki.transport.Remote;

import java.time.Clock;

/**
 * What a step sees while applying: a plan context plus the host's {@link Remote} and the keys
 * generated ahead for this apply ({@link KeyPool}). Steps on other
 * hosts are reached only through outputs (a CA publishes its signing handle, read over the CA
 * host's own transport when the CA step ran).
 */
public class ApplyContext extends PlanContext {

    private final Remote remote;
    private final KeyPool keys;

    public ApplyContext(String host, Clock clock, Outputs outputs, Remote remote, KeyPool keys) {
        super(host, clock, outputs);
        this.remote = remote;
        this.keys = keys;
    }

    /** Without keys generated ahead: every key is generated when a step asks for it. */
    public ApplyContext(String host, Clock clock, Outputs outputs, Remote remote) {
        this(host, clock, outputs, remote, KeyPool.none());
    }

    public Remote remote() {
        return remote;
    }

    public KeyPool keys() {
        return keys;
    }
}

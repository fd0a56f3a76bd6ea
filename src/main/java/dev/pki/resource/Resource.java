package dev.pki.resource;

import dev.pki.diag.SourceLocation;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.model.Address;
import dev.pki.plan.Change;

import java.util.Optional;
import java.util.Set;

/**
 * One step of a playbook, as declared: read (facts) → plan (pure) → apply. The engine gathers
 * {@link #facts()} for all steps of a host in one round trip, calls {@link #plan} in playbook
 * order, and during apply calls {@link #apply} and then plans again against fresh facts to verify
 * that the step converged.
 */
public interface Resource {

    Address address();

    /** Where the step was declared, for messages. */
    SourceLocation location();

    /** What to read from the host before planning. Must not depend on other steps' outcomes. */
    Set<Fact> facts();

    /**
     * Decides what to do: no I/O. Publishes outputs for later steps through the context. Throws
     * {@link dev.pki.diag.PkiException} for a problem the user must resolve (the plan fails).
     */
    Change plan(FactSet facts, PlanContext context);

    /** Makes the planned change on the host. */
    void apply(FactSet facts, Change change, ApplyContext context);

    /**
     * Before apply starts: gives {@code ahead} the work that applying {@code change} on the
     * context's host will need and that depends on no host (a certificate's key and signature), to
     * be done on a spare core while earlier steps apply; {@link ApplyContext#ahead()} has the
     * results. Must not touch any host. Default: nothing.
     */
    default void prepare(Change change, PlanContext context, Ahead ahead) {
    }

    /**
     * What this step makes available to later steps, for the dependency graph: {@code path:/dir}
     * for a path it creates (later steps on the same host that read paths under it depend on it),
     * or an output such as {@code ca:lab} (any host).
     */
    default Set<String> provides() {
        return Set.of();
    }

    /** Outputs of other steps this step uses, e.g. {@code ca:lab}. */
    default Set<String> requires() {
        return Set.of();
    }

    /** The command ({@code sh -c}) to run after this step changed something: onChange / onRenew. */
    default Optional<String> handler() {
        return Optional.empty();
    }
}

package dev.pki.apply;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.engine.Connections;
import dev.pki.model.Rollout;
import dev.pki.facts.FactSet;
import dev.pki.plan.Change;
import dev.pki.plan.PlannedStep;
import dev.pki.plan.Target;
import dev.pki.resource.Ahead;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.Outputs;
import dev.pki.resource.PlanContext;
import dev.pki.resource.Resource;
import dev.pki.transport.ExecResult;
import dev.pki.transport.Remote;
import dev.pki.transport.Transport;
import dev.pki.transport.TransportException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies a playbook: plays in order; within a play, hosts in batches and each batch in parallel
 * ({@code forks} at a time), steps in order. A host that fails skips its remaining steps; other
 * hosts go on unless the play says {@code anyErrorsFatal} or its batch exceeds {@code maxFailPercentage}.
 */
public final class Applier {

    private final Connections connections;
    private final Clock clock;
    private final int forks;
    private final HandlerStore handlers;
    private final String playbook;
    private final ApplyListener listener;
    private final Outputs outputs = new Outputs();
    private java.util.function.BiPredicate<String, String> allowed = (host, address) -> true;
    private Map<String, FactSet> planned = Map.of();
    private List<PlannedStep> prepared = List.of();
    private Ahead ahead = Ahead.none();
    private Instant plannedAt = Instant.MIN;
    /** Set by the first change on any host: from then on, the plan's facts may be out of date anywhere. */
    private final AtomicBoolean changedAnything = new AtomicBoolean();

    /** How long the plan's facts stand in for a host's first read; past it, the host is read again. */
    static final Duration PLANNED_FACTS_TTL = Duration.ofSeconds(30);

    public Applier(Connections connections, Clock clock, int forks, HandlerStore handlers, String playbook, ApplyListener listener) {
        this.connections = connections;
        this.clock = clock;
        this.forks = Math.max(1, forks);
        this.handlers = handlers;
        this.playbook = playbook;
        this.listener = listener;
    }

    /**
     * Restricts changes to those a saved plan listed ({@code host}, {@code address}); a step that
     * would change anything else is skipped and reported, not applied.
     */
    public Applier onlyChanging(java.util.function.BiPredicate<String, String> steps) {
        this.allowed = steps;
        return this;
    }

    /**
     * Starts each host from the facts a plan read moments before ({@code readAt}), instead of
     * reading them again, as long as nothing has changed on any host since: once a step changed
     * something (a mount, a shared directory), other hosts may look different, and are read again.
     * Only for facts read in this process just before applying, never after waiting for a person
     * to confirm.
     */
    public Applier startingFrom(Map<String, FactSet> facts, Instant readAt) {
        this.planned = Map.copyOf(facts);
        this.plannedAt = readAt;
        return this;
    }

    /**
     * Lets the steps of the plan about to be applied give work to be done ahead (keys and
     * certificates, see {@link Resource#prepare}), on spare cores while apply goes through the
     * steps in order.
     */
    public Applier preparing(List<PlannedStep> steps) {
        this.prepared = List.copyOf(steps);
        return this;
    }

    /**
     * Whether the plan's facts may stand in for the first read of the hosts of a batch about to
     * start: nothing changed yet and the plan is recent. Decided once per batch, so that which
     * hosts are read again does not depend on how parallel hosts happen to interleave.
     */
    private boolean plannedFactsUsable() {
        return !planned.isEmpty() && !changedAnything.get() && !clock.instant().isAfter(plannedAt.plus(PLANNED_FACTS_TTL));
    }

    /**
     * Applies every target and returns the recap per host, in first-use order. Plays run in order;
     * a play's hosts run in batches ({@code serial}), each batch in parallel. A batch that fails
     * beyond {@code maxFailPercentage}, or any failure under {@code anyErrorsFatal}, stops the run:
     * nothing new starts, and what did not run is counted as skipped.
     */
    public Map<String, HostRecap> apply(List<Target> targets) {
        try (Ahead pool = prepared.isEmpty() ? Ahead.none() : Ahead.onSpareCores()) {
            ahead = pool;
            for (PlannedStep p : prepared) {
                if (p.change().changes()) p.step().prepare(p.change(), new PlanContext(p.host(), clock, outputs), pool);
            }
            return applyAll(targets);
        } finally {
            ahead = Ahead.none();
        }
    }

    private Map<String, HostRecap> applyAll(List<Target> targets) {
        Map<String, HostRecap> recap = new LinkedHashMap<>();
        for (Target t : targets) t.hosts().forEach(h -> recap.putIfAbsent(h, new HostRecap()));
        listener.started(recap.size(), targets.stream().mapToInt(t -> t.hosts().stream().mapToInt(h -> t.play().steps(h).size()).sum()).sum());
        AtomicBoolean stop = new AtomicBoolean();
        for (Target target : targets) {
            Rollout rollout = target.play().rollout();
            List<String> hosts = target.hosts().stream().filter(h -> !recap.get(h).hasFailed()).toList();
            List<List<String>> batches = rollout.batches(hosts);
            for (int b = 0; b < batches.size(); b++) {
                List<String> batch = batches.get(b);
                if (stop.get()) {
                    batch.forEach(h -> recap.get(h).skip(target.play().steps(h).size()));
                    continue;
                }
                if (batches.size() > 1) listener.batchStarted(target.play().pattern(), b + 1, batches.size(), batch);
                runBatch(batch, target.play(), recap, rollout.anyErrorsFatal() ? stop : null);
                int failed = (int) batch.stream().filter(h -> recap.get(h).hasFailed()).count();
                if (!stop.get() && rollout.exceeded(failed, batch.size())) {
                    stop.set(true);
                    listener.stopped(rollout.anyErrorsFatal() ? "a host failed and hosts('" + target.play().pattern() + "') has anyErrorsFatal"
                            : failed + " of " + batch.size() + " hosts in the batch failed, more than maxFailPercentage "
                            + rollout.maxFailPercentage() + "% of hosts('" + target.play().pattern() + "')");
                } else if (stop.get()) {
                    listener.stopped("a host failed and hosts('" + target.play().pattern() + "') has anyErrorsFatal");
                }
            }
        }
        return recap;
    }

    /** One batch: its hosts in parallel, {@code forks} at a time. {@code fatal}, if set, is raised by the first failure. */
    private void runBatch(List<String> hosts, dev.pki.resource.Play play, Map<String, HostRecap> recap, AtomicBoolean fatal) {
        boolean usePlanned = plannedFactsUsable();
        dev.pki.engine.Hosts.inParallel(hosts, forks, h -> applyHost(h, play.steps(h), recap.get(h), fatal, usePlanned ? planned.get(h) : null));
    }

    /** @param plannedFacts the plan's facts of this host, to start from instead of reading; null to read */
    private void applyHost(String host, List<Resource> steps, HostRecap recap, AtomicBoolean fatal, FactSet plannedFacts) {
        Transport transport;
        try {
            transport = connections.get(host);
        } catch (TransportException e) {
            recap.unreachable(e.getMessage());
            listener.hostUnreachable(host, e.getMessage());
            if (fatal != null) fatal.set(true);
            return;
        }
        Remote remote = Remote.batching(transport);
        HostFacts facts = new HostFacts(remote, steps, plannedFacts);
        for (int i = 0; i < steps.size(); i++) {
            Resource step = steps.get(i);
            if (fatal != null && fatal.get()) {
                recap.skip(steps.size() - i);
                return;
            }
            StepOutcome outcome;
            listener.stepRunning(host, step);
            try {
                outcome = applyStep(host, step, remote, facts, i);
                listener.stepFinished(host, step, outcome, "");
            } catch (PkiException e) {
                outcome = fail(host, step, recap, String.join("; ", e.diagnostics().stream().map(Diagnostic::summary).toList()));
            } catch (TransportException e) {
                if (e.unreachable()) {
                    recap.unreachable(e.getMessage());
                    listener.hostUnreachable(host, e.getMessage());
                    if (fatal != null) fatal.set(true);
                    return;
                }
                outcome = fail(host, step, recap, e.getMessage());
            } catch (RuntimeException e) {
                // A bug or an unexpected library error: report it on this host and stop the host, not the run.
                outcome = fail(host, step, recap, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            recap.count(outcome);
            if (outcome == StepOutcome.FAILED) {
                recap.skip(steps.size() - i - 1);
                if (fatal != null) fatal.set(true);
                return;
            }
        }
    }

    private StepOutcome fail(String host, Resource step, HostRecap recap, String message) {
        recap.failure(step.address() + ": " + message);
        listener.stepFinished(host, step, StepOutcome.FAILED, message);
        return StepOutcome.FAILED;
    }

    /** Plan against fresh facts, apply, read again and verify; then run the handler if one is due. */
    private StepOutcome applyStep(String host, Resource step, Remote remote, HostFacts hostFacts, int index) {
        String address = step.address().toString();
        FactSet facts = hostFacts.current(index);
        Change change = step.plan(facts, context(host, remote));
        boolean changed = change.changes();
        if (changed && !allowed.test(host, address)) {
            throw new PkiException(step.location(), "would " + change.action().verb() + " (" + change.reason()
                    + "), which the saved plan does not include; make the plan again");
        }
        if (changed) {
            listener.stepStarted(host, step, change);
            changedAnything.set(true);
            if (step.handler().isPresent()) handlers.markPending(playbook, host, address);
            applyFlushing(step, facts, change, context(host, remote));
            // The verification read goes with the step's queued file operations, in one round trip.
            FactSet after = hostFacts.reread(index);
            remote.flush();
            Change left = step.plan(after, context(host, remote));
            if (left.changes()) {
                throw new PkiException(step.location(), "not converged after apply: still " + left.action().verb() + " (" + left.reason() + ")");
            }
        }
        if (step.handler().isPresent() && (changed || handlers.isPending(playbook, host, address))) {
            String command = step.handler().get();
            changedAnything.set(true);
            ExecResult result = remote.shell(command);
            // The exit code is said once; the error line only when the command wrote one.
            String error = result.err().isBlank() ? "" : ": " + result.errorLine();
            listener.handlerFinished(host, step, command, result.ok(), result.ok() ? "" : result.errorLine());
            if (!result.ok()) {
                throw new PkiException(step.location(), "handler failed (exit " + result.exitCode() + ")" + error
                        + "; it will run again on the next apply");
            }
            handlers.done(playbook, host, address);
            hostFacts.forget();   // a handler may change anything on the host
            changed = true;
        }
        return changed ? StepOutcome.CHANGED : StepOutcome.OK;
    }

    /**
     * Applies a step; when it fails, what it queued before failing still runs (as it would have
     * without batching), and a failure of that is added to the step's own.
     */
    private static void applyFlushing(Resource step, FactSet facts, Change change, ApplyContext context) {
        try {
            step.apply(facts, change, context);
        } catch (RuntimeException e) {
            try {
                context.remote().flush();
            } catch (TransportException f) {
                e.addSuppressed(f);
            }
            throw e;
        }
    }

    private ApplyContext context(String host, Remote remote) {
        return new ApplyContext(host, clock, outputs, remote, ahead);
    }
}

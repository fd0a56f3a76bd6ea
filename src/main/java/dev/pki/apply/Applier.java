package dev.pki.apply;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.engine.Connections;
import dev.pki.facts.FactGatherer;
import dev.pki.facts.FactSet;
import dev.pki.plan.Change;
import dev.pki.plan.Target;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.Outputs;
import dev.pki.resource.Resource;
import dev.pki.transport.ExecResult;
import dev.pki.transport.Remote;
import dev.pki.transport.Transport;
import dev.pki.transport.TransportException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies a playbook: plays in order; within a play, hosts in parallel ({@code forks} at a time)
 * and steps in order. A host that fails skips its remaining steps; other hosts go on.
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

    /** Applies every target and returns the recap per host, in first-use order. */
    public Map<String, HostRecap> apply(List<Target> targets) {
        Map<String, HostRecap> recap = new LinkedHashMap<>();
        for (Target t : targets) t.hosts().forEach(h -> recap.putIfAbsent(h, new HostRecap()));
        for (Target target : targets) {
            List<String> hosts = target.hosts().stream().filter(h -> !recap.get(h).hasFailed()).toList();
            if (hosts.isEmpty()) continue;
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(forks, hosts.size()));
            try {
                List<Future<?>> futures = hosts.stream()
                        .<Future<?>>map(h -> pool.submit(() -> applyHost(h, target.play().steps(), recap.get(h)))).toList();
                for (Future<?> f : futures) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return recap;
    }

    private void applyHost(String host, List<Resource> steps, HostRecap recap) {
        Transport transport;
        try {
            transport = connections.get(host);
        } catch (TransportException e) {
            recap.unreachable(e.getMessage());
            listener.hostUnreachable(host, e.getMessage());
            return;
        }
        Remote remote = new Remote(transport);
        for (Resource step : steps) {
            StepOutcome outcome;
            try {
                outcome = applyStep(host, step, remote);
                listener.stepFinished(host, step, outcome, "");
            } catch (PkiException e) {
                outcome = fail(host, step, recap, String.join("; ", e.diagnostics().stream().map(Diagnostic::summary).toList()));
            } catch (TransportException e) {
                if (e.unreachable()) {
                    recap.unreachable(e.getMessage());
                    listener.hostUnreachable(host, e.getMessage());
                    return;
                }
                outcome = fail(host, step, recap, e.getMessage());
            } catch (RuntimeException e) {
                // A bug or an unexpected library error: report it on this host and stop the host, not the run.
                outcome = fail(host, step, recap, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            recap.count(outcome);
            if (outcome == StepOutcome.FAILED) return;
        }
    }

    private StepOutcome fail(String host, Resource step, HostRecap recap, String message) {
        recap.failure(step.address() + ": " + message);
        listener.stepFinished(host, step, StepOutcome.FAILED, message);
        return StepOutcome.FAILED;
    }

    /** Plan against fresh facts, apply, read again and verify; then run the handler if one is due. */
    private StepOutcome applyStep(String host, Resource step, Remote remote) {
        String address = step.address().toString();
        FactSet facts = FactGatherer.gather(remote.transport(), step.facts());
        Change change = step.plan(facts, context(host, remote));
        boolean changed = change.changes();
        if (changed && !allowed.test(host, address)) {
            throw new PkiException(step.location(), "would " + change.action().verb() + " (" + change.reason()
                    + "), which the saved plan does not include; make the plan again");
        }
        if (changed) {
            listener.stepStarted(host, step, change);
            if (step.handler().isPresent()) handlers.markPending(playbook, host, address);
            step.apply(facts, change, context(host, remote));
            FactSet after = FactGatherer.gather(remote.transport(), step.facts());
            Change left = step.plan(after, context(host, remote));
            if (left.changes()) {
                throw new PkiException(step.location(), "not converged after apply: still " + left.action().verb() + " (" + left.reason() + ")");
            }
        }
        if (step.handler().isPresent() && (changed || handlers.isPending(playbook, host, address))) {
            String command = step.handler().get();
            ExecResult result = remote.shell(command);
            listener.handlerFinished(host, step, command, result.ok(), result.ok() ? "" : result.errorLine());
            if (!result.ok()) {
                throw new PkiException(step.location(), "handler failed (exit " + result.exitCode() + "): " + result.errorLine()
                        + "; it will run again on the next apply");
            }
            handlers.done(playbook, host, address);
            changed = true;
        }
        return changed ? StepOutcome.CHANGED : StepOutcome.OK;
    }

    private ApplyContext context(String host, Remote remote) {
        return new ApplyContext(host, clock, outputs, remote);
    }
}

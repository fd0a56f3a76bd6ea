package dev.pki.resource;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Work done ahead, on the cores apply leaves idle, for the steps a plan says will change: a
 * certificate's key generated and its certificate signed while the steps before it apply. Apply
 * runs a host's steps one after another, but such work touches no host and needs only what it is
 * given (an issuer, once a step has published it).
 *
 * <p>Each piece of work has an id (host and step) and is done once, by whoever claims it first: a
 * worker, as soon as the work is ready to start, or the step itself when it {@link #take takes}
 * work that has not started. Workers take ready work in the order it was started (the order of the
 * plan), so they stay ahead of the steps rather than meet them halfway. A step whose work a worker
 * is still doing does the next ready work meanwhile instead of waiting idle: once apply catches up
 * with the workers (certificates with RSA keys, say, each made far slower than written), every
 * core keeps signing. Results stay in memory until their step takes them; those nobody takes (a
 * step failed, or found nothing to do after all) are dropped with the pool.
 */
public final class Ahead implements AutoCloseable {

    /** One piece of work and its result; {@code order} is when it was started. */
    private static final class Work {
        final long order;
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<Object> result = new CompletableFuture<>();
        Supplier<Object> run;

        Work(long order) {
            this.order = order;
        }
    }

    private final ExecutorService workers;
    private final Map<String, Work> pending = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    /**
     * Work whose input is there, earliest started first. Not the order in which inputs arrive: one
     * published CA makes a thousand certificates ready at once, and a CompletableFuture runs what
     * waits on it last-registered first.
     */
    private final PriorityBlockingQueue<Work> ready = new PriorityBlockingQueue<>(64, (a, b) -> Long.compare(a.order, b.order));

    Ahead(int threads) {
        this.workers = threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pki-ahead");
            t.setDaemon(true);
            return t;
        });
    }

    /** A pool with one worker per core but one (the other is applying), at least one. */
    public static Ahead onSpareCores() {
        return new Ahead(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** No pool: nothing is done ahead, every step does its own work. */
    public static Ahead none() {
        return new Ahead(0);
    }

    /**
     * Starts {@code work} for {@code id} on a worker once {@code input} completes (at once if it
     * has), with its value. Work whose input never comes is simply never done ahead. Asking again
     * for an id does nothing.
     */
    public <I> void start(String id, CompletionStage<I> input, Function<? super I, ?> work) {
        if (workers == null) return;
        Work w = new Work(started.getAndIncrement());
        if (pending.putIfAbsent(id, w) != null) return;
        input.thenAccept(value -> {
            w.run = () -> work.apply(value);
            ready.add(w);
            submit(this::runOneReady);
        });
    }

    /**
     * Runs the earliest ready work nobody has claimed; false when there was none. One call is
     * submitted to the workers per piece of work that becomes ready, so every piece is run there,
     * by a step helping (see {@link #take}) or by its own step.
     */
    private boolean runOneReady() {
        for (Work w = ready.poll(); w != null; w = ready.poll()) {
            if (!w.claimed.compareAndSet(false, true)) continue;   // its step took it first
            try {
                w.result.complete(w.run.get());
            } catch (Throwable e) {
                w.result.completeExceptionally(e);
            }
            return true;
        }
        return false;
    }

    /** Whether work for {@code id} was started and not yet taken. */
    public boolean expects(String id) {
        return pending.containsKey(id);
    }

    /**
     * The result of the work done ahead for {@code id} — if a worker is doing it, doing other ready
     * work meanwhile and then waiting for it — or empty when there is none, it has not started, or
     * it failed: then the caller does the work itself (what went wrong ahead goes wrong again there,
     * and is reported as usual).
     */
    public <T> Optional<T> take(String id, Class<T> type) {
        Work w = pending.remove(id);
        if (w == null || w.claimed.compareAndSet(false, true)) return Optional.empty();
        while (!w.result.isDone() && runOneReady()) {
            // helped with the next piece; look again
        }
        try {
            Object result = w.result.get();
            return type.isInstance(result) ? Optional.of(type.cast(result)) : Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for work done ahead");
        }
    }

    /**
     * Hands a task to the workers, or drops it after {@link #close}: work becomes ready when a step
     * publishes something, and that step must not fail because apply is over.
     */
    private void submit(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            // Closed: nobody will take it.
        }
    }

    /** Drops what nobody took and stops the workers. */
    @Override
    public void close() {
        if (workers != null) workers.shutdownNow();
        pending.clear();
        ready.clear();
    }
}

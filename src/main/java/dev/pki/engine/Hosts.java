package dev.pki.engine;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Work on many hosts at once: at most {@code forks} in parallel, each host on its own thread. */
public final class Hosts {

    private Hosts() {
    }

    /** Runs {@code work} for every host and waits for all; an unexpected exception of one is rethrown. */
    public static void inParallel(List<String> hosts, int forks, Consumer<String> work) {
        if (hosts.isEmpty()) return;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(forks, hosts.size())));
        try {
            List<Future<?>> futures = hosts.stream().<Future<?>>map(h -> pool.submit(() -> work.accept(h))).toList();
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
}

package dev.pki.crypto;

import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Key pairs generated ahead, on the cores apply leaves idle, for the certificates a plan says it
 * will issue. Apply runs a host's steps one after another, but a new key depends on nothing that
 * comes before it: while one certificate is signed and written, the keys of the next ones are
 * being generated. Each expected key has an id (host and step); a step takes its own key, or
 * generates one itself if its key has not been started yet, so nothing ever waits on the pool
 * longer than on generating. Keys never leave memory until a step takes and writes them; those
 * not taken (a step failed, or found nothing to do after all) are dropped with the pool.
 */
public final class KeyPool implements AutoCloseable {

    private record Expected(KeyType type, Future<KeyPair> pair) {
    }

    private final ExecutorService workers;
    private final Map<String, Expected> expected = new ConcurrentHashMap<>();

    private KeyPool(int threads) {
        this.workers = threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pki-keys");
            t.setDaemon(true);
            return t;
        });
    }

    /** A pool with one worker per core but one (the other is applying), at least one. */
    public static KeyPool ahead() {
        return new KeyPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** No pool: {@link #take} generates every key when it is asked for. */
    public static KeyPool none() {
        return new KeyPool(0);
    }

    /** Starts generating the key {@code id} will take (in the order asked); asking again for an id does nothing. */
    public void expect(String id, KeyType type) {
        if (workers == null) return;
        expected.computeIfAbsent(id, i -> new Expected(type, workers.submit(() -> Keys.generate(type))));
    }

    /** Whether a key for {@code id} was asked for and not yet taken. */
    public boolean expects(String id) {
        return expected.containsKey(id);
    }

    /** The key generated ahead for {@code id}, or a new one when none of this type was started. */
    public KeyPair take(String id, KeyType type) {
        Expected e = expected.remove(id);
        // Not started yet: generating here is no slower than waiting for a worker to get to it.
        if (e == null || e.type() != type || e.pair().cancel(false)) return Keys.generate(type);
        try {
            return e.pair().get();
        } catch (ExecutionException | CancellationException x) {
            return Keys.generate(type);   // whatever went wrong there happens again here, and is reported as usual
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new CryptoException("interrupted while generating a " + type.id() + " key", x);
        }
    }

    /** Drops the keys nobody took and stops the workers. */
    @Override
    public void close() {
        if (workers != null) workers.shutdownNow();
        expected.clear();
    }
}

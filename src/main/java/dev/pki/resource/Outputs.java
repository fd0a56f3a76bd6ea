package dev.pki.resource;

import dev.pki.model.Value;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values that steps publish for later steps, across hosts: a CA publishes its root certificate
 * and its signing handle. A value not known before apply is published as {@link #UNKNOWN}.
 */
public final class Outputs {

    /** Marks an output that exists only after apply. */
    public static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "(known after apply)";
        }
    };

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    /** The first known value of each key, for work waiting on it ({@link #published}). */
    private final Map<String, CompletableFuture<Object>> firstKnown = new ConcurrentHashMap<>();

    public void put(String key, Object value) {
        values.put(key, value);
        if (value != UNKNOWN) known(key).complete(value);
    }

    /**
     * Completes with the first known value published for {@code key} (at once if there is one) —
     * for work done ahead that needs, say, a CA created by an earlier step of this apply. Never
     * completes if no step publishes one; a value published later does not change it.
     */
    public <T> CompletionStage<T> published(String key, Class<T> type) {
        return known(key).thenApply(type::cast);
    }

    private CompletableFuture<Object> known(String key) {
        return firstKnown.computeIfAbsent(key, k -> new CompletableFuture<>());
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The output, empty if unknown until apply. Throws if nothing published it (a bug in ordering). */
    public <T> Optional<T> get(String key, Class<T> type) {
        Object v = values.get(key);
        if (v == null) throw new MissingOutputException(key);
        return v == UNKNOWN ? Optional.empty() : Optional.of(type.cast(v));
    }

    /** Thrown when a step reads an output that no earlier step published (e.g. a CA declared later). */
    public static final class MissingOutputException extends RuntimeException {
        MissingOutputException(String key) {
            super(key.startsWith("ca:") ? "ca('" + key.substring(3).replaceAll("/.*", "") + "')" : key);
        }
    }

    /** Resolves a value of the desired state: empty when it is known only after apply. */
    public Optional<String> resolve(Value value) {
        if (value instanceof Value.Literal l) return Optional.of(l.text());
        return get(((Value.Reference) value).key(), String.class);
    }
}

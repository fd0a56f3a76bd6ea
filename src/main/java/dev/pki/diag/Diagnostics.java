package dev.pki.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects diagnostics so that several problems are reported together. Thread-safe. */
public final class Diagnostics {

    private final List<Diagnostic> items = Collections.synchronizedList(new ArrayList<>());

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void error(SourceLocation at, String summary) {
        add(Diagnostic.error(at, summary));
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.all());
    }

    public boolean hasErrors() {
        synchronized (items) {
            return items.stream().anyMatch(Diagnostic::isError);
        }
    }

    public List<Diagnostic> all() {
        synchronized (items) {
            return List.copyOf(items);
        }
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Throws a {@link PkiException} carrying everything collected, if anything is an error. */
    public void throwIfErrors() {
        if (hasErrors()) throw new PkiException(all());
    }
}

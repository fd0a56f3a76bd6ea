package dev.pki.plan;

import java.util.List;
import java.util.Objects;

/**
 * What one step will do on one host, and why: {@code ~ certificate nginx.internal (replace: SANs
 * differ: +www.internal)}. {@code detail} is private to the resource type that planned it.
 */
public record Change(Action action, String reason, List<AttributeChange> attributes, TextDiff content,
                     String warning, Object detail) {

    public Change {
        Objects.requireNonNull(action, "action");
        reason = reason == null ? "" : reason;
        attributes = List.copyOf(attributes);
        warning = warning == null ? "" : warning;
    }

    public static Change noop() {
        return new Change(Action.NOOP, "", List.of(), null, "", null);
    }

    public static Change of(Action action, String reason, List<AttributeChange> attributes) {
        return new Change(action, reason, attributes, null, "", null);
    }

    public Change withContent(TextDiff diff) {
        return new Change(action, reason, attributes, diff, warning, detail);
    }

    /** A message shown loudly with the change, e.g. for a destructive action or a restart. */
    public Change withWarning(String text) {
        return new Change(action, reason, attributes, content, text, detail);
    }

    public Change withDetail(Object d) {
        return new Change(action, reason, attributes, content, warning, d);
    }

    public boolean changes() {
        return action.changes();
    }
}

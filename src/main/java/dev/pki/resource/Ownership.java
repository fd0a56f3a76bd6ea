package dev.pki.resource;

import dev.pki.facts.PathState;
import dev.pki.model.Mode;
import dev.pki.plan.AttributeChange;
import dev.pki.transport.FileAttrs;

import java.util.ArrayList;
import java.util.List;

/**
 * Desired owner, group and mode of a path; owner and group may be unset ("not managed"). Shared
 * by every resource that writes files, so they all compare and report ownership the same way.
 */
public record Ownership(String owner, String group, Mode mode) {

    public Ownership {
        owner = owner == null ? "" : owner;
        group = group == null ? "" : group;
    }

    public FileAttrs attrs() {
        return new FileAttrs(owner, group, mode.octal());
    }

    public Ownership withMode(Mode m) {
        return new Ownership(owner, group, m);
    }

    /** Attributes for a path that will be created. */
    public List<AttributeChange> created(String prefix) {
        List<AttributeChange> out = new ArrayList<>();
        out.add(AttributeChange.set(prefix + "mode", mode.octal()));
        if (!owner.isEmpty()) out.add(AttributeChange.set(prefix + "owner", owner));
        if (!group.isEmpty()) out.add(AttributeChange.set(prefix + "group", group));
        return out;
    }

    /** The differences between an existing path and this ownership; empty when it matches. */
    public List<AttributeChange> differences(String prefix, PathState actual) {
        List<AttributeChange> out = new ArrayList<>();
        if (!mode.octal().equals(actual.mode())) out.add(AttributeChange.of(prefix + "mode", actual.mode(), mode.octal()));
        if (!owner.isEmpty() && !actual.ownerIs(owner)) out.add(AttributeChange.of(prefix + "owner", actual.owner(), owner));
        if (!group.isEmpty() && !actual.groupIs(group)) out.add(AttributeChange.of(prefix + "group", actual.group(), group));
        return out;
    }

    /** A short reason such as {@code mode 0644 → 0600}. */
    public static String describe(List<AttributeChange> changes) {
        return String.join(", ", changes.stream().map(c -> c.name() + " " + c.before() + " → " + c.after()).toList());
    }

    /** The path as it will be after this ownership is applied to a file with {@code content}. */
    public PathState asFile(byte[] content) {
        return PathState.file(mode.octal(), owner, group, content);
    }
}

package dev.pki.resource.files;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;
import dev.pki.model.Address;
import dev.pki.model.Sensitive;
import dev.pki.model.Value;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import dev.pki.plan.TextDiff;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.Ownership;
import dev.pki.resource.ParentDirectories;
import dev.pki.resource.PlanContext;
import dev.pki.resource.Resource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A regular file with content, owner, group and mode, written atomically; missing parent directories are created. */
record FileResource(Address address, SourceLocation location, Value content, Ownership ownership, String onChange) implements Resource {

    /** What apply has to do, decided by plan: create directories, write the content (else only fix ownership). */
    record Work(List<String> createDirs, boolean write) {
    }

    String path() {
        return address.name();
    }

    private ParentDirectories parent() {
        return ParentDirectories.of(List.of(path()));
    }

    @Override
    public Set<Fact> facts() {
        Set<Fact> facts = new LinkedHashSet<>(List.of(Fact.content(path())));
        facts.addAll(parent().facts());
        return facts;
    }

    @Override
    public Change plan(FactSet facts, PlanContext context) {
        PathState actual = context.path(facts, path());
        Optional<String> wanted = context.outputs().resolve(content);
        byte[] bytes = wanted.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
        context.simulate(path(), ownership.asFile(bytes));
        if (actual.exists() && !actual.isFile()) {
            throw new PkiException(location, "file " + path() + " exists on " + context.host() + " but is not a regular file");
        }
        List<AttributeChange> attrs = new ArrayList<>();
        if (!actual.exists()) {
            List<String> dirs = parent().planCreate(facts, context);
            attrs.addAll(ownership.created(""));
            attrs.addAll(ParentDirectories.attributes(dirs));
            return contentChange(Action.CREATE, "does not exist", attrs, null, wanted, dirs);
        }
        attrs.addAll(ownership.differences("", actual));
        String old = actual.text().orElse("");
        if (wanted.isEmpty()) {
            return contentChange(Action.UPDATE, "content comes from " + content + ", known after apply", attrs, old, wanted, List.of());
        }
        if (!Arrays.equals(actual.content(), bytes)) {
            return contentChange(Action.UPDATE, "content differs", attrs, old, wanted, List.of());
        }
        return attrs.isEmpty() ? Change.noop() : Change.of(Action.UPDATE, Ownership.describe(attrs), attrs).withDetail(new Work(List.of(), false));
    }

    private Change contentChange(Action action, String reason, List<AttributeChange> attrs, String before, Optional<String> after, List<String> dirs) {
        Work work = new Work(dirs, true);
        if (content.sensitive()) {
            attrs.add(new AttributeChange("content", before == null ? null : Sensitive.MARKER, Sensitive.MARKER, true));
            return Change.of(action, reason, attrs).withDetail(work);
        }
        if (after.isEmpty()) {
            attrs.add(AttributeChange.of("content", before == null ? null : "(" + before.length() + " bytes)", AttributeChange.KNOWN_AFTER_APPLY));
            return Change.of(action, reason, attrs).withDetail(work);
        }
        return Change.of(action, reason, attrs).withContent(new TextDiff(path(), before, after.get())).withDetail(work);
    }

    @Override
    public void apply(FactSet facts, Change change, ApplyContext context) {
        Work work = (Work) change.detail();
        ParentDirectories.create(context.remote(), work.createDirs());
        if (work.write()) {
            String text = context.outputs().resolve(content)
                    .orElseThrow(() -> new PkiException(location, "content of file " + path() + " is still unknown: " + content));
            context.remote().write(path(), text.getBytes(StandardCharsets.UTF_8), ownership.attrs());
        } else {
            context.remote().setAttributes(path(), ownership.attrs());
        }
    }

    @Override
    public Set<String> provides() {
        return Set.of("path:" + path());
    }

    @Override
    public Set<String> requires() {
        return content instanceof Value.Reference r ? Set.of(r.key().replaceAll("/.*", "")) : Set.of();
    }

    @Override
    public Optional<String> handler() {
        return Optional.ofNullable(onChange);
    }
}

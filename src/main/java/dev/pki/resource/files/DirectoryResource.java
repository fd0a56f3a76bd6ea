package dev.pki.resource.files;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;
import dev.pki.model.Address;
import dev.pki.plan.Action;
import dev.pki.plan.Change;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.Ownership;
import dev.pki.resource.PlanContext;
import dev.pki.resource.Resource;

import java.util.Optional;
import java.util.Set;

/** A directory with owner, group and mode; created with its parents. */
record DirectoryResource(Address address, SourceLocation location, Ownership ownership, String onChange) implements Resource {

    String path() {
        return address.name();
    }

    @Override
    public Set<Fact> facts() {
        return Set.of(Fact.path(path()));
    }

    @Override
    public Change plan(FactSet facts, PlanContext context) {
        PathState actual = context.path(facts, path());
        context.simulate(path(), PathState.directory(ownership.mode().octal(), ownership.owner(), ownership.group()));
        if (!actual.exists()) {
            return Change.of(Action.CREATE, "does not exist", ownership.created(""));
        }
        if (!actual.isDirectory()) {
            throw new PkiException(location, "directory " + path() + " exists on " + context.host() + " but is not a directory");
        }
        var diffs = ownership.differences("", actual);
        return diffs.isEmpty() ? Change.noop() : Change.of(Action.UPDATE, Ownership.describe(diffs), diffs);
    }

    @Override
    public void apply(FactSet facts, Change change, ApplyContext context) {
        if (change.action() == Action.CREATE) context.remote().mkdir(path(), ownership.attrs());
        else context.remote().setAttributes(path(), ownership.attrs());
    }

    @Override
    public Set<String> provides() {
        return Set.of("path:" + path());
    }

    @Override
    public Optional<String> handler() {
        return Optional.ofNullable(onChange);
    }
}

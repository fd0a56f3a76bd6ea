package dev.pki.resource.zfs;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.diag.Suggestions;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;
import dev.pki.model.Address;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.PlanContext;
import dev.pki.resource.Resource;
import dev.pki.transport.Command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ZFS dataset (filesystem) with a mountpoint and properties. {@code mountpoint} is null when not
 * managed; {@code properties} keep the order written. {@code absent} means destroy (the keyword
 * only allows it together with {@code force true}).
 */
record ZfsDatasetResource(Address address, SourceLocation location, String name, String mountpoint,
                          Map<String, String> properties, boolean absent) implements Resource {

    /** A freshly created dataset's root directory, as zfs creates it; later steps are planned against it. */
    static final PathState NEW_MOUNTPOINT = PathState.directory("0755", "root", "root");

    ZfsDatasetResource {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    String pool() {
        return ZfsFacts.pool(name);
    }

    @Override
    public Set<String> provides() {
        return mountpoint == null || absent ? Set.of() : Set.of("path:" + mountpoint);
    }

    @Override
    public Set<Fact> facts() {
        return Set.of(ZfsFacts.pools(), ZfsFacts.properties(name));
    }

    @Override
    public Change plan(FactSet facts, PlanContext context) {
        String host = context.host();
        boolean poolExists = ZfsFacts.parsePools(facts.command(ZfsFacts.pools()), host, location).contains(pool());
        if (!poolExists && absent) return Change.noop();
        if (!poolExists) {
            throw new PkiException(location, "pool '" + pool() + "' does not exist on " + host
                    + "; create it first (zpool create " + pool() + " DEVICE)");
        }
        var datasets = ZfsFacts.parseProperties(facts.command(ZfsFacts.properties(name)), host, location);
        Map<String, String> actual = datasets.get(name);
        if (absent) return destroy(actual, context);
        checkNames(datasets.getOrDefault(pool(), Map.of()), host);
        if (actual == null) return create(context);
        return update(actual, context);
    }

    private Change destroy(Map<String, String> actual, PlanContext context) {
        if (actual == null) return Change.noop();
        String mp = actual.get("mountpoint");
        if (mp != null && mp.startsWith("/")) context.simulate(mp, PathState.ABSENT);
        List<AttributeChange> attrs = new ArrayList<>();
        if (mp != null) attrs.add(AttributeChange.of("mountpoint", mp, null));
        String used = actual.get("used");
        if (used != null) attrs.add(AttributeChange.of("used", used + " bytes", null));
        return Change.of(Action.DELETE, "state 'absent', force true", attrs)
                .withWarning("destroys dataset " + name + " and all its data (zfs destroy -r: child datasets and snapshots too)");
    }

    private Change create(PlanContext context) {
        List<AttributeChange> attrs = new ArrayList<>();
        if (mountpoint != null) {
            attrs.add(AttributeChange.set("mountpoint", mountpoint));
            if (mountpoint.startsWith("/")) context.simulate(ZfsValues.path(mountpoint), NEW_MOUNTPOINT);
        }
        properties.forEach((k, v) -> attrs.add(AttributeChange.set(k, v)));
        return Change.of(Action.CREATE, "does not exist", attrs);
    }

    private Change update(Map<String, String> actual, PlanContext context) {
        String type = actual.getOrDefault("type", "filesystem");
        if (mountpoint != null && !type.equals("filesystem")) {
            throw new PkiException(location, "zfsDataset " + name + " on " + context.host() + " is a " + type
                    + ", which has no mountpoint");
        }
        // The settings to apply, in the order written; detail of the change, used by apply.
        Map<String, String> set = new LinkedHashMap<>();
        List<AttributeChange> attrs = new ArrayList<>();
        if (mountpoint != null && !ZfsValues.same("mountpoint", mountpoint, actual.get("mountpoint"))) {
            set.put("mountpoint", mountpoint);
            attrs.add(AttributeChange.of("mountpoint", actual.get("mountpoint"), mountpoint));
            if (mountpoint.startsWith("/")) context.simulate(ZfsValues.path(mountpoint), NEW_MOUNTPOINT);
        }
        properties.forEach((k, v) -> {
            String before = actual.get(k);
            if (!ZfsValues.same(k, v, before)) {
                set.put(k, v);
                // An unset user property has no value to show: "pki:note: hello" rather than "- → hello".
                attrs.add(AttributeChange.of(k, before == null || before.equals("-") ? null : before, v));
            }
        });
        if (set.isEmpty()) return Change.noop();
        return Change.of(Action.UPDATE, describe(attrs), attrs).withDetail(Collections.unmodifiableMap(set));
    }

    /**
     * A native property name the pool's root dataset does not list is a typo ({@code compresion}):
     * fail at plan time with a suggestion rather than half-way through an apply. User properties
     * ({@code module:name}) and per-user quotas ({@code userquota@bob}) are never listed, so they pass.
     */
    private void checkNames(Map<String, String> known, String host) {
        if (known.isEmpty()) return;
        for (String k : properties.keySet()) {
            if (k.contains(":") || k.contains("@") || known.containsKey(k)) continue;
            throw new PkiException(Diagnostic.error(location, "unknown ZFS property '" + k + "' for zfsDataset " + name + " on " + host)
                    .withSuggestion(Suggestions.didYouMean(k, known.keySet())));
        }
    }

    private static String describe(List<AttributeChange> attrs) {
        return String.join(", ", attrs.stream()
                .map(a -> a.name() + " " + (a.before() == null ? "(unset)" : a.before()) + " → " + a.after()).toList());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void apply(FactSet facts, Change change, ApplyContext context) {
        var remote = context.remote();
        switch (change.action()) {
            case CREATE -> remote.run("create ZFS dataset " + name, Command.of(createCommand()));
            case UPDATE -> ((Map<String, String>) change.detail()).forEach((k, v) ->
                    remote.run("set " + k + " on ZFS dataset " + name, Command.of("zfs", "set", k + "=" + v, name)));
            case DELETE -> destroy(remote);
            default -> { }
        }
    }

    /** {@code zfs create -p -o mountpoint=M -o k=v ... NAME}: parents are created with inherited settings. */
    List<String> createCommand() {
        List<String> argv = new ArrayList<>(List.of("zfs", "create", "-p"));
        if (mountpoint != null) argv.addAll(List.of("-o", "mountpoint=" + mountpoint));
        properties.forEach((k, v) -> argv.addAll(List.of("-o", k + "=" + v)));
        argv.add(name);
        return argv;
    }

    /**
     * zfs destroy, retried briefly while zfs answers "dataset is busy": right after a dataset was
     * used, the unmount can lag (zfs-fuse does this for a moment); a dataset really in use still fails.
     */
    private void destroy(dev.pki.transport.Remote remote) {
        Command command = Command.of("zfs", "destroy", "-r", name);
        for (int attempt = 1; ; attempt++) {
            dev.pki.transport.ExecResult result = remote.transport().exec(command);
            if (result.ok()) return;
            if (attempt == 5 || !result.err().contains("busy")) {
                throw new dev.pki.transport.TransportException("could not destroy ZFS dataset " + name + ": " + result.errorLine(), false);
            }
            try {
                Thread.sleep(400L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.pki.transport.TransportException("interrupted while destroying " + name, false);
            }
        }
    }
}

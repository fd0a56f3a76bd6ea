package dev.pki.engine;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.Diagnostics;
import dev.pki.diag.SourceLocation;
import dev.pki.inventory.Inventory;
import dev.pki.model.Address;
import dev.pki.plan.Target;
import dev.pki.resource.Play;
import dev.pki.resource.Playbook;
import dev.pki.resource.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands each play's host pattern and checks what needs the whole playbook: that every output a
 * step uses is declared by an earlier step, and that no step is duplicated on a host.
 */
public final class Targets {

    private Targets() {
    }

    public static List<Target> expand(Playbook playbook, Inventory inventory, String limit, Diagnostics diagnostics) {
        return expand(playbook, inventory, limit, false, diagnostics);
    }

    /** With {@code strict}, a pattern or limit that matches no host is an error instead of a warning. */
    public static List<Target> expand(Playbook playbook, Inventory inventory, String limit, boolean strict, Diagnostics diagnostics) {
        Set<String> limited = limit == null ? null : new LinkedHashSet<>(inventory.match(limit));
        if (limited != null && limited.isEmpty()) {
            diagnostics.add(noMatch(strict, SourceLocation.UNKNOWN, "--limit '" + limit + "' matches no host"));
        }
        checkOrder(playbook, diagnostics);
        List<Target> targets = new ArrayList<>();
        Map<String, Map<Address, SourceLocation>> seen = new HashMap<>();
        for (Play play : playbook.plays()) {
            List<String> hosts = new ArrayList<>(inventory.match(play.pattern()));
            if (hosts.isEmpty()) {
                diagnostics.add(noMatch(strict, play.location(), "hosts('" + play.pattern() + "') matches no host in the inventory"));
            }
            if (limited != null) hosts.retainAll(limited);
            for (String host : hosts) {
                Map<Address, SourceLocation> onHost = seen.computeIfAbsent(host, h -> new HashMap<>());
                for (Resource step : play.steps(host)) {
                    SourceLocation first = onHost.putIfAbsent(step.address(), step.location());
                    if (first != null) {
                        diagnostics.add(Diagnostic.error(step.location(), "duplicate " + step.address() + " on host " + host
                                + " (first declared at " + first + ")"));
                    }
                }
            }
            targets.add(new Target(play, hosts));
        }
        return targets;
    }

    /**
     * Steps run in playbook order, so an output such as {@code ca:lab} must be provided by an
     * earlier step (paths are not checked: they may exist already). Hosts do not matter: outputs
     * are shared across hosts, as in the planner.
     */
    private static void checkOrder(Playbook playbook, Diagnostics diagnostics) {
        Map<String, SourceLocation> providers = new HashMap<>();   // ca:lab → where; the first one counts
        Map<String, String> onNoHost = new HashMap<>();            // ca:lab → the pattern that matched nothing
        for (var play : playbook.plays()) {
            if (!play.stepsByHost().isEmpty()) continue;
            for (Resource step : play.steps()) for (String key : step.provides()) onNoHost.putIfAbsent(key, play.pattern());
        }
        List<Resource> steps = playbook.plays().stream().flatMap(p -> p.stepsByHost().values().stream().flatMap(List::stream)).toList();
        Set<String> reported = new HashSet<>();   // a block evaluated for many hosts: report once
        for (Resource step : steps) {
            for (String provided : step.provides()) if (!provided.startsWith("path:")) providers.putIfAbsent(provided, step.location());
        }
        Set<String> provided = new HashSet<>();
        for (Resource step : steps) {
            for (String key : step.requires()) {
                if (key.startsWith("path:") || provided.contains(key)) continue;
                SourceLocation later = providers.get(key);
                int colon = key.indexOf(':');
                String type = colon < 0 ? key : key.substring(0, colon);
                String what = step.address() + " uses " + (colon < 0 ? key : type + "('" + key.substring(colon + 1) + "')");
                if (!reported.add(step.location() + "\t" + key)) continue;
                if (later == null && onNoHost.containsKey(key)) {
                    diagnostics.add(Diagnostic.error(step.location(), what + ", which is declared in hosts('" + onNoHost.get(key)
                            + "'), but that pattern matches no host in the inventory"));
                    continue;
                }
                diagnostics.add(Diagnostic.error(step.location(), later == null ? what + ", which no step declares"
                        : what + ", which is declared later in the playbook (line " + later.line() + "); move the " + type + " block before it"));
            }
            for (String key : step.provides()) if (!key.startsWith("path:")) provided.add(key);
        }
    }

    private static Diagnostic noMatch(boolean strict, SourceLocation at, String message) {
        return strict ? Diagnostic.error(at, message).withSuggestion("Check the pattern against 'pki inventory --graph', or drop --strict.")
                : Diagnostic.warning(at, message);
    }

    /** Every host touched, in first-use order. */
    public static List<String> hosts(List<Target> targets) {
        Set<String> hosts = new LinkedHashSet<>();
        targets.forEach(t -> hosts.addAll(t.hosts()));
        return List.copyOf(hosts);
    }
}

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Expands each play's host pattern and checks what only the expansion reveals: duplicate steps on a host. */
public final class Targets {

    private Targets() {
    }

    public static List<Target> expand(Playbook playbook, Inventory inventory, String limit, Diagnostics diagnostics) {
        Set<String> limited = limit == null ? null : new LinkedHashSet<>(inventory.match(limit));
        if (limited != null && limited.isEmpty()) {
            diagnostics.add(Diagnostic.warning(SourceLocation.UNKNOWN, "--limit '" + limit + "' matches no host"));
        }
        List<Target> targets = new ArrayList<>();
        Map<String, Map<Address, SourceLocation>> seen = new HashMap<>();
        for (Play play : playbook.plays()) {
            List<String> hosts = new ArrayList<>(inventory.match(play.pattern()));
            if (hosts.isEmpty()) {
                diagnostics.add(Diagnostic.warning(play.location(), "hosts('" + play.pattern() + "') matches no host in the inventory"));
            }
            if (limited != null) hosts.retainAll(limited);
            for (String host : hosts) {
                Map<Address, SourceLocation> onHost = seen.computeIfAbsent(host, h -> new HashMap<>());
                for (Resource step : play.steps()) {
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

    /** Every host touched, in first-use order. */
    public static List<String> hosts(List<Target> targets) {
        Set<String> hosts = new LinkedHashSet<>();
        targets.forEach(t -> hosts.addAll(t.hosts()));
        return List.copyOf(hosts);
    }
}

package dev.pki.inventory;

import dev.pki.diag.Diagnostic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hosts and groups with merged variables. {@code localhost} always exists (local connection),
 * as in Ansible, unless the inventory defines it. Besides the flattened membership that patterns
 * use ({@link #groups()}), the group tree as written is kept ({@link #tree()}) for
 * {@code pki inventory --list} and {@code --graph}.
 */
public final class Inventory {

    /**
     * A group as written: the hosts listed directly in it, its child groups (both in inventory
     * order) and its own variables (inventory files, then group_vars). {@code all} lists its child
     * groups, including {@code ungrouped}; hosts that are in no other group are in {@code ungrouped}.
     */
    public record Group(String name, List<String> hosts, List<String> children, Map<String, Object> vars) {
        public Group {
            hosts = List.copyOf(hosts);
            children = List.copyOf(children);
            vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        }
    }

    private final Map<String, Host> hosts;
    private final Map<String, Set<String>> groups;
    private final Map<String, Group> tree;
    private final Map<String, Object> globalVars;
    private final List<Diagnostic> warnings;

    Inventory(Map<String, Host> hosts, Map<String, Set<String>> groups, Map<String, Group> tree, Map<String, Object> globalVars,
              List<Diagnostic> warnings) {
        this.hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
        Map<String, Set<String>> g = new LinkedHashMap<>();
        groups.forEach((name, members) -> g.put(name, Collections.unmodifiableSet(new LinkedHashSet<>(members))));
        this.groups = Collections.unmodifiableMap(g);
        this.tree = Collections.unmodifiableMap(new LinkedHashMap<>(tree));
        this.globalVars = new LinkedHashMap<>(globalVars);
        this.warnings = List.copyOf(warnings);
    }

    /** The variables every playbook sees as {@code vars}: the group {@code all}'s (inventory, then group_vars/all), overridden by extra vars. */
    public Map<String, Object> globalVars() {
        return Collections.unmodifiableMap(globalVars);
    }

    /** The inventory without a file: just {@code localhost}, with these variables. */
    public static Inventory implicit(Map<String, Object> vars) {
        Map<String, Host> hosts = new LinkedHashMap<>();
        Map<String, Object> v = new LinkedHashMap<>(vars);
        v.putIfAbsent("connection", "local");
        hosts.put("localhost", new Host("localhost", v));
        Map<String, Group> tree = new LinkedHashMap<>();
        tree.put("all", new Group("all", List.of(), List.of("ungrouped"), Map.of()));
        tree.put("ungrouped", new Group("ungrouped", List.of("localhost"), List.of(), Map.of()));
        return new Inventory(hosts, Map.of("all", Set.of()), tree, vars, List.of());
    }

    public Map<String, Host> hosts() {
        return hosts;
    }

    /** The host, or null; {@code localhost} exists even when not in the inventory (local connection, the {@code all} variables). */
    public Host host(String name) {
        Host h = hosts.get(name);
        if (h == null && "localhost".equals(name)) {
            Map<String, Object> v = new LinkedHashMap<>(globalVars);
            v.put("connection", "local");
            return new Host("localhost", v);
        }
        return h;
    }

    /** Group name → member host names (including members of child groups), in inventory order. */
    public Map<String, Set<String>> groups() {
        return groups;
    }

    /** Group name → the group as written ({@code all} first). */
    public Map<String, Group> tree() {
        return tree;
    }

    /** What loading found suspicious but not wrong: a group_vars file for no group, a host and a group with one name, ... */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    /** The hosts a pattern selects, in inventory order. */
    public List<String> match(String pattern) {
        return Patterns.match(pattern, this);
    }

    Set<String> allHosts() {
        return new LinkedHashSet<>(hosts.keySet());
    }
}

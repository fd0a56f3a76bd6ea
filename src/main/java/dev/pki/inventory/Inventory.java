package dev.pki.inventory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hosts and groups with merged variables. {@code localhost} always exists (local connection),
 * as in Ansible, unless the inventory defines it.
 */
public final class Inventory {

    private final Map<String, Host> hosts;
    private final Map<String, Set<String>> groups;
    private final Map<String, Object> globalVars;

    Inventory(Map<String, Host> hosts, Map<String, Set<String>> groups, Map<String, Object> globalVars) {
        this.hosts = new LinkedHashMap<>(hosts);
        this.groups = new LinkedHashMap<>(groups);
        this.globalVars = new LinkedHashMap<>(globalVars);
    }

    /** The variables every playbook sees as {@code vars}: the group {@code all}'s, overridden by extra vars. */
    public Map<String, Object> globalVars() {
        return java.util.Collections.unmodifiableMap(globalVars);
    }

    /** The inventory without a file: just {@code localhost}, with these variables. */
    public static Inventory implicit(Map<String, Object> vars) {
        Map<String, Host> hosts = new LinkedHashMap<>();
        Map<String, Object> v = new LinkedHashMap<>(vars);
        v.putIfAbsent("connection", "local");
        hosts.put("localhost", new Host("localhost", v));
        return new Inventory(hosts, Map.of("all", Set.of()), vars);
    }

    /** Several inventories as one: later ones win for hosts and variables defined twice. */
    public static Inventory merge(List<Inventory> parts) {
        if (parts.size() == 1) return parts.get(0);
        Map<String, Host> hosts = new LinkedHashMap<>();
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Inventory i : parts) {
            hosts.putAll(i.hosts);
            i.groups.forEach((g, m) -> groups.computeIfAbsent(g, k -> new LinkedHashSet<>()).addAll(m));
            vars.putAll(i.globalVars);
        }
        return new Inventory(hosts, groups, vars);
    }

    public Map<String, Host> hosts() {
        return hosts;
    }

    public Host host(String name) {
        Host h = hosts.get(name);
        if (h == null && "localhost".equals(name)) return new Host("localhost", Map.of("connection", "local"));
        return h;
    }

    /** Group name → member host names (including members of child groups), in inventory order. */
    public Map<String, Set<String>> groups() {
        return groups;
    }

    /** The hosts a pattern selects, in inventory order. */
    public List<String> match(String pattern) {
        return Patterns.match(pattern, this);
    }

    Set<String> allHosts() {
        Set<String> all = new LinkedHashSet<>(hosts.keySet());
        return all;
    }
}

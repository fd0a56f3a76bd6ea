package dev.pki.inventory;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The group hierarchy once every source is read: the links Ansible adds itself ({@code all} and
 * {@code ungrouped}), the check that no group contains itself, and what each group holds and how
 * deep it is, which variable precedence needs.
 */
final class GroupTree {

    private final InventoryModel model;
    private final Map<String, InventoryModel.GroupDef> groups;

    GroupTree(InventoryModel model) {
        this.model = model;
        this.groups = model.groups;
    }

    /** Adds Ansible's implicit links and rejects cycles; call once, before the rest. */
    void complete() {
        InventoryModel.GroupDef all = groups.get("all");
        // Groups that no group lists as a child are children of 'all', as in Ansible.
        Set<String> listed = new LinkedHashSet<>();
        groups.values().forEach(g -> listed.addAll(g.children.keySet()));
        if (listed.contains("all")) {
            SourceLocation at = groups.values().stream().filter(g -> g.children.containsKey("all")).map(g -> g.children.get("all")).findFirst().orElseThrow();
            throw new PkiException(at, "'all' cannot be a child group: every group is already in 'all'");
        }
        for (InventoryModel.GroupDef g : groups.values()) {
            if (!g.name.equals("all") && !listed.contains(g.name)) all.children.putIfAbsent(g.name, g.declared);
        }
        checkAcyclic();
        // Hosts listed only in 'all' (or 'ungrouped') are in 'ungrouped'; anywhere else, they are not.
        InventoryModel.GroupDef ungrouped = groups.get("ungrouped");
        Map<String, Set<String>> direct = new HashMap<>();
        groups.values().forEach(g -> g.hosts.forEach(h -> direct.computeIfAbsent(h, k -> new LinkedHashSet<>()).add(g.name)));
        for (String h : model.hosts.keySet()) {
            Set<String> in = direct.getOrDefault(h, Set.of());
            boolean elsewhere = in.stream().anyMatch(g -> !g.equals("all") && !g.equals("ungrouped"));
            if (elsewhere) ungrouped.hosts.remove(h);
            else ungrouped.hosts.add(h);
        }
        all.hosts.clear();
    }

    /** Each group's hosts, its descendants' included, in inventory order; 'all' has every host. */
    Map<String, Set<String>> members() {
        Map<String, Set<String>> members = new LinkedHashMap<>();
        Map<String, Set<String>> memo = new HashMap<>();
        for (String g : groups.keySet()) members.put(g, members(g, memo));
        members.put("all", new LinkedHashSet<>(model.hosts.keySet()));
        return members;
    }

    /** Each group's depth (see {@link #depth}). */
    Map<String, Integer> depths() {
        Map<String, Integer> depth = new HashMap<>();
        for (InventoryModel.GroupDef g : groups.values()) depth.put(g.name, depth(g.name, depth));
        return depth;
    }

    private Set<String> members(String group, Map<String, Set<String>> memo) {
        Set<String> done = memo.get(group);
        if (done != null) return done;
        Set<String> found = new LinkedHashSet<>(groups.get(group).hosts);
        for (String child : groups.get(group).children.keySet()) found.addAll(members(child, memo));
        Set<String> ordered = new LinkedHashSet<>();
        for (String h : model.hosts.keySet()) if (found.contains(h)) ordered.add(h);
        memo.put(group, ordered);
        return ordered;
    }

    /** The longest path from 'all' (Ansible's group depth): a child is always deeper than each of its parents. */
    private int depth(String group, Map<String, Integer> memo) {
        if (group.equals("all")) return 0;
        Integer known = memo.get(group);
        if (known != null) return known;
        int d = 1;
        for (InventoryModel.GroupDef g : groups.values()) {
            if (g.children.containsKey(group)) d = Math.max(d, depth(g.name, memo) + 1);
        }
        memo.put(group, d);
        return d;
    }

    private void checkAcyclic() {
        Set<String> finished = new LinkedHashSet<>();
        for (String g : groups.keySet()) visit(g, new ArrayList<>(), finished);
    }

    private void visit(String group, List<String> path, Set<String> finished) {
        if (finished.contains(group)) return;
        if (path.contains(group)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(group), path.size()));
            cycle.add(group);
            SourceLocation at = groups.get(path.get(path.size() - 1)).children.get(group);
            throw new PkiException(at, "groups contain each other through 'children': " + String.join(" → ", cycle));
        }
        path.add(group);
        for (String child : groups.get(group).children.keySet()) visit(child, path, finished);
        path.remove(path.size() - 1);
        finished.add(group);
    }
}

package dev.pki.inventory;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything read from every source, merged as it was read: groups and hosts with their
 * inventory-file vars and their group_vars/host_vars, before the group tree is completed
 * ({@link GroupTree}) and precedence applied ({@link VarPrecedence}).
 */
final class InventoryModel {

    static final class GroupDef {
        final String name;
        final SourceLocation declared;
        final Map<String, Object> vars = new LinkedHashMap<>();
        final Map<String, Object> fileVars = new LinkedHashMap<>();
        final Map<String, SourceLocation> children = new LinkedHashMap<>();
        final Set<String> hosts = new LinkedHashSet<>();

        GroupDef(String name, SourceLocation declared) {
            this.name = name;
            this.declared = declared;
        }
    }

    static final class HostDef {
        final String name;
        final SourceLocation declared;
        final Map<String, Object> vars = new LinkedHashMap<>();
        final Map<String, Object> fileVars = new LinkedHashMap<>();

        HostDef(String name, SourceLocation declared) {
            this.name = name;
            this.declared = declared;
        }
    }

    final Map<String, GroupDef> groups = new LinkedHashMap<>();
    final Map<String, HostDef> hosts = new LinkedHashMap<>();
    final List<Diagnostic> warnings = new ArrayList<>();

    InventoryModel() {
        groups.put("all", new GroupDef("all", SourceLocation.UNKNOWN));
        groups.put("ungrouped", new GroupDef("ungrouped", SourceLocation.UNKNOWN));
    }

    /** The group, created where first declared; a later declaration adds to it. */
    GroupDef group(String name, SourceLocation declared) {
        return groups.computeIfAbsent(name, n -> new GroupDef(n, declared));
    }

    /** The host, created where first declared; a later declaration adds to it. */
    HostDef host(String name, SourceLocation declared) {
        return hosts.computeIfAbsent(name, n -> new HostDef(n, declared));
    }

    /** Completes the group tree, merges each host's variables and builds the inventory. */
    Inventory resolve(Map<String, Object> extraVars) {
        GroupTree tree = new GroupTree(this);
        tree.complete();
        Map<String, Set<String>> members = tree.members();
        VarPrecedence precedence = new VarPrecedence(this, tree.depths());

        Map<String, Host> resolved = new LinkedHashMap<>();
        for (HostDef h : hosts.values()) resolved.put(h.name, new Host(h.name, precedence.hostVars(h, members, extraVars)));
        Map<String, Inventory.Group> written = new LinkedHashMap<>();
        for (GroupDef g : groups.values()) {
            written.put(g.name, new Inventory.Group(g.name, List.copyOf(g.hosts), List.copyOf(g.children.keySet()), VarPrecedence.groupVars(g)));
        }
        for (String name : groups.keySet()) {
            if (hosts.containsKey(name)) {
                warnings.add(Diagnostic.warning(hosts.get(name).declared, "'" + name + "' is both a host and a group; in patterns it names the group"));
            }
        }
        return new Inventory(resolved, members, written, precedence.globalVars(extraVars), warnings);
    }
}

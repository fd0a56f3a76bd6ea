package dev.pki.inventory;

import dev.pki.diag.PkiException;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Variable precedence, lowest first (docs/inventory.md): groups by depth ({@code all} first, then
 * parent groups before child groups; equal depth by {@code ansible_group_priority}, then name), each
 * group's inventory-file vars before its group_vars files; then the host's inventory-file vars, its
 * host_vars files, and extra vars ({@code -e}).
 */
final class VarPrecedence {

    private final InventoryModel model;
    private final Comparator<InventoryModel.GroupDef> order;

    /** Reads every group's priority now, so a bad one is reported even for a group without hosts. */
    VarPrecedence(InventoryModel model, Map<String, Integer> depth) {
        this.model = model;
        Map<String, Integer> priority = new HashMap<>();
        for (InventoryModel.GroupDef g : model.groups.values()) priority.put(g.name, priority(g));
        this.order = Comparator.<InventoryModel.GroupDef>comparingInt(g -> depth.get(g.name))
                .thenComparingInt(g -> priority.get(g.name)).thenComparing(g -> g.name);
    }

    /** A host's variables: its groups' in precedence order, then its own, then extra vars. */
    Map<String, Object> hostVars(InventoryModel.HostDef h, Map<String, Set<String>> members, Map<String, Object> extraVars) {
        Map<String, Object> vars = new LinkedHashMap<>();
        model.groups.values().stream().filter(g -> members.get(g.name).contains(h.name)).sorted(order).forEach(g -> {
            vars.putAll(g.vars);
            vars.putAll(g.fileVars);
        });
        vars.putAll(h.vars);
        vars.putAll(h.fileVars);
        vars.putAll(extraVars);
        return vars;
    }

    /** The variables of 'all', then extra vars: what every playbook sees as {@code vars}. */
    Map<String, Object> globalVars(Map<String, Object> extraVars) {
        Map<String, Object> global = groupVars(model.groups.get("all"));
        global.putAll(extraVars);
        return global;
    }

    /** A group's own variables: its inventory-file vars, then its group_vars files. */
    static Map<String, Object> groupVars(InventoryModel.GroupDef g) {
        Map<String, Object> vars = new LinkedHashMap<>(g.vars);
        vars.putAll(g.fileVars);
        return vars;
    }

    private static int priority(InventoryModel.GroupDef g) {
        // group_vars is read after the inventory file, so its value wins here as it does for any variable.
        Object p = g.fileVars.containsKey("ansible_group_priority") ? g.fileVars.get("ansible_group_priority") : g.vars.get("ansible_group_priority");
        if (p == null) return 1;
        try {
            return Integer.parseInt(p.toString().strip());
        } catch (NumberFormatException e) {
            throw new PkiException(g.declared, "ansible_group_priority of group '" + g.name + "' must be a whole number, got '" + p + "'");
        }
    }
}

package dev.pki.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The merged inventory in the shapes of {@code ansible-inventory}: {@code --list} (groups with their
 * {@code hosts} and {@code children}, {@code _meta.hostvars}), {@code --host} and {@code --graph}.
 * Names are sorted, as Ansible sorts them. Values of variables whose name contains {@code pass},
 * {@code secret}, {@code token} or {@code key} are shown as {@value #MASK}, at any depth.
 */
public final class InventoryExport {

    public static final String MASK = "(sensitive)";
    private static final List<String> SENSITIVE = List.of("pass", "secret", "token", "key");

    private InventoryExport() {
    }

    /** {@code ansible-inventory --list}: maps and lists with sorted keys, ready for a JSON encoder. */
    public static Map<String, Object> list(Inventory inventory) {
        Map<String, Object> doc = new TreeMap<>();
        format(inventory, "all", doc);
        Map<String, Object> hostvars = new TreeMap<>();
        inventory.hosts().forEach((name, h) -> {
            if (!h.vars().isEmpty()) hostvars.put(name, masked(h.vars()));
        });
        doc.put("_meta", Map.of("hostvars", hostvars));
        return doc;
    }

    /** Like Ansible: a group lists its own hosts (not for {@code all}) and child groups; empty keys and empty groups are left out. */
    private static void format(Inventory inventory, String group, Map<String, Object> doc) {
        Inventory.Group g = inventory.tree().get(group);
        Map<String, Object> entry = new TreeMap<>();
        if (!group.equals("all") && !g.hosts().isEmpty()) entry.put("hosts", sorted(g.hosts()));
        if (!g.children().isEmpty()) entry.put("children", sorted(g.children()));
        if (!entry.isEmpty()) doc.put(group, entry);
        for (String child : sorted(g.children())) {
            if (!doc.containsKey(child)) format(inventory, child, doc);
        }
    }

    /** {@code ansible-inventory --host NAME}: the host's merged variables, masked, keys sorted. */
    public static Map<String, Object> host(Host host) {
        return masked(host.vars());
    }

    /**
     * {@code ansible-inventory --graph [GROUP]}: {@code @all:}, then each child group and each
     * group's own hosts one level deeper ({@code "  |--@guests:"}, {@code "  |  |--ct101"}).
     */
    public static String graph(Inventory inventory, String group) {
        List<String> lines = new ArrayList<>();
        graph(inventory, group, 0, lines);
        return String.join("\n", lines) + "\n";
    }

    private static void graph(Inventory inventory, String group, int depth, List<String> lines) {
        lines.add(indent("@" + group + ":", depth));
        Inventory.Group g = inventory.tree().get(group);
        for (String child : sorted(g.children())) graph(inventory, child, depth + 1, lines);
        if (!group.equals("all")) {
            for (String h : sorted(g.hosts())) lines.add(indent(h, depth + 1));
        }
    }

    private static String indent(String name, int depth) {
        return depth == 0 ? name : "  |".repeat(depth) + "--" + name;
    }

    /** True when a variable of this name holds something secret: its name contains pass, secret, token or key. */
    public static boolean sensitive(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return SENSITIVE.stream().anyMatch(n::contains);
    }

    /** A copy with sorted keys, and sensitive values replaced by {@value #MASK} in nested maps and lists too. */
    static Map<String, Object> masked(Map<?, ?> vars) {
        Map<String, Object> out = new TreeMap<>();
        vars.forEach((k, v) -> {
            String name = String.valueOf(k);
            out.put(name, sensitive(name) && v != null ? MASK : maskedValue(v));
        });
        return out;
    }

    private static Object maskedValue(Object v) {
        if (v instanceof Map<?, ?> m) return masked(m);
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            for (Object o : c) out.add(maskedValue(o));
            return out;
        }
        return v;
    }

    private static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().toList();
    }
}

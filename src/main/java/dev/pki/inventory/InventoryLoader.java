package dev.pki.inventory;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Ansible's YAML inventory shape ({@code all}, {@code hosts}, {@code children}, {@code vars}
 * at any level). Variable precedence, lowest first: {@code all} vars, parent group, child group,
 * host, then extra vars ({@code -e}).
 */
public final class InventoryLoader {

    private InventoryLoader() {
    }

    public static Inventory load(Path file, Map<String, Object> extraVars) {
        Object root = parse(file);
        if (root == null) root = Map.of();
        if (!(root instanceof Map<?, ?> top)) throw error(file, "an inventory is a mapping with a top-level 'all' group");
        Map<?, ?> all = top.containsKey("all") ? asMap(file, top.get("all"), "all") : top;
        // host -> list of var layers from outermost group to the host's own vars
        Map<String, List<Map<String, Object>>> layers = new LinkedHashMap<>();
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        walk(file, "all", all, List.of(), layers, groups);
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (var entry : layers.entrySet()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Map<String, Object> layer : entry.getValue()) merged.putAll(layer);
            merged.putAll(extraVars);
            hosts.put(entry.getKey(), new Host(entry.getKey(), merged));
        }
        Map<String, Object> global = new LinkedHashMap<>(stringKeys(file, all.get("vars"), "all.vars"));
        global.putAll(extraVars);
        return new Inventory(hosts, groups, global);
    }

    private static Set<String> walk(Path file, String group, Map<?, ?> node, List<Map<String, Object>> inherited,
                                    Map<String, List<Map<String, Object>>> layers, Map<String, Set<String>> groups) {
        for (Object key : node.keySet()) {
            if (!List.of("hosts", "vars", "children").contains(String.valueOf(key))) {
                throw error(file, "group '" + group + "' has an unknown key '" + key + "' (expected hosts, vars or children)");
            }
        }
        List<Map<String, Object>> scope = new ArrayList<>(inherited);
        scope.add(stringKeys(file, node.get("vars"), group + ".vars"));
        Set<String> members = new LinkedHashSet<>();
        Map<?, ?> hosts = asMap(file, node.get("hosts"), group + ".hosts");
        for (var h : hosts.entrySet()) {
            String name = String.valueOf(h.getKey());
            List<Map<String, Object>> hostLayers = new ArrayList<>(scope);
            hostLayers.add(stringKeys(file, h.getValue(), name));
            // A host listed in several groups gets the vars of every group it is in (each group once,
            // later groups win), and its own vars, merged, stay last: host vars beat any group's.
            layers.merge(name, hostLayers, (a, b) -> {
                List<Map<String, Object>> m = new ArrayList<>(a.subList(0, a.size() - 1));
                for (Map<String, Object> layer : b.subList(0, b.size() - 1)) {
                    if (m.stream().noneMatch(l -> l == layer)) m.add(layer); // shared ancestors are the same map
                }
                Map<String, Object> hostVars = new LinkedHashMap<>(a.get(a.size() - 1));
                hostVars.putAll(b.get(b.size() - 1));
                m.add(hostVars);
                return m;
            });
            members.add(name);
        }
        Map<?, ?> children = asMap(file, node.get("children"), group + ".children");
        for (var c : children.entrySet()) {
            String child = String.valueOf(c.getKey());
            members.addAll(walk(file, child, asMap(file, c.getValue(), child), scope, layers, groups));
        }
        groups.merge(group, members, (a, b) -> {
            Set<String> s = new LinkedHashSet<>(a);
            s.addAll(b);
            return s;
        });
        return members;
    }

    private static Object parse(Path file) {
        try {
            String text = Files.readString(file);
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new PkiException(new SourceLocation(file.toString(), mark.getLine() + 1, mark.getColumn() + 1),
                    "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw error(file, "invalid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw error(file, "cannot read inventory: " + (Files.exists(file) ? e.getMessage() : "no such file"));
        }
    }

    private static Map<?, ?> asMap(Path file, Object value, String where) {
        if (value == null) return Map.of();
        if (value instanceof Map<?, ?> m) return m;
        throw error(file, where + " must be a mapping, got " + value);
    }

    private static Map<String, Object> stringKeys(Path file, Object value, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : asMap(file, value, where).entrySet()) out.put(String.valueOf(e.getKey()), e.getValue());
        return out;
    }

    private static PkiException error(Path file, String message) {
        return new PkiException(SourceLocation.of(file, 0), message);
    }
}

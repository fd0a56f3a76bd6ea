package dev.pki.inventory;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.diag.Suggestions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.pki.inventory.YamlFile.describe;
import static dev.pki.inventory.YamlFile.isNull;
import static dev.pki.inventory.YamlFile.scalarOrNull;

/**
 * Ansible's inventory shape in one file: walks the YAML nodes of {@code all}, {@code hosts},
 * {@code children} and {@code vars} into the model (or a group_vars/host_vars file into a map of
 * variables), with the file, line and column of the node at fault on every error.
 */
final class InventoryYaml {

    private static final List<String> GROUP_KEYS = List.of("hosts", "vars", "children");

    private final YamlFile yaml;
    private final InventoryModel model;

    InventoryYaml(Path file, InventoryModel model) {
        this.yaml = new YamlFile(file);
        this.model = model;
    }

    void inventory() {
        Node root = yaml.compose("the inventory");
        if (root == null || isNull(root)) return;
        if (!(root instanceof MappingNode top)) {
            throw yaml.at(root, "an inventory is a mapping with a top-level 'all' group (or other groups), got " + describe(root));
        }
        yaml.flatten(top);
        // pki also accepts the body of 'all' at the top (hosts:, vars:, children:); otherwise, as in
        // Ansible, every top-level key is a group, and groups other than 'all' become children of 'all'.
        boolean rootIsAll = top.getValue().stream().anyMatch(t -> GROUP_KEYS.contains(scalarOrNull(t.getKeyNode())));
        if (rootIsAll) {
            group("all", top, null, yaml.location(root));
        } else {
            for (NodeTuple t : top.getValue()) {
                if ("plugin".equals(scalarOrNull(t.getKeyNode())) && t.getValueNode() instanceof ScalarNode) {
                    throw yaml.at(t.getKeyNode(), "inventory plugins ('plugin: ...') are not supported: pki reads YAML inventories of hosts and groups");
                }
            }
            for (NodeTuple t : top.getValue()) group(yaml.key(t, "group name"), t.getValueNode(), null, yaml.location(t.getKeyNode()));
        }
    }

    /** A group_vars or host_vars file: a mapping of variables (or empty). */
    Map<String, Object> varsFile(String shown) {
        Node root = yaml.compose(shown);
        if (root == null || isNull(root)) return Map.of();
        return vars(root, shown);
    }

    private void group(String name, Node body, String parent, SourceLocation declared) {
        InventoryModel.GroupDef g = model.group(name, declared);
        if (parent != null) model.groups.get(parent).children.putIfAbsent(name, declared);
        if (isNull(body)) return;
        if (!(body instanceof MappingNode m)) {
            throw yaml.at(body, (parent == null ? "group '" + name + "'" : "child group '" + name + "' of '" + parent + "'")
                    + " must be a mapping with hosts, vars or children, got " + describe(body));
        }
        yaml.flatten(m);
        for (NodeTuple t : m.getValue()) {
            String key = yaml.key(t, "key");
            Node value = t.getValueNode();
            switch (key) {
                case "hosts" -> hosts(g, value);
                case "vars" -> g.vars.putAll(vars(value, "the vars of group '" + name + "'"));
                case "children" -> children(g, value);
                default -> throw new PkiException(Diagnostic.error(yaml.location(t.getKeyNode()), "group '" + name + "' has an unknown key '" + key
                        + "' (expected hosts, vars or children)").withSuggestion(Suggestions.didYouMean(key, GROUP_KEYS)));
            }
        }
    }

    private void hosts(InventoryModel.GroupDef g, Node value) {
        if (isNull(value)) return;
        if (!(value instanceof MappingNode m)) {
            throw yaml.at(value, "the hosts of group '" + g.name + "' must be a mapping of host names to their vars"
                    + (value instanceof SequenceNode ? " (write 'ct101:' on its own line, not '- ct101')" : "") + ", got " + describe(value));
        }
        yaml.flatten(m);
        for (NodeTuple t : m.getValue()) {
            String pattern = yaml.key(t, "host name");
            Node v = t.getValueNode();
            Map<String, Object> vars = isNull(v) ? Map.of() : vars(v, "the vars of host '" + pattern + "'");
            SourceLocation declared = yaml.location(t.getKeyNode());
            HostRanges.Expanded hosts = HostRanges.expand(pattern, declared);
            for (String name : hosts.names()) {
                InventoryModel.HostDef h = model.host(name, declared);
                if (hosts.port() != null) h.vars.put("ansible_port", hosts.port());
                h.vars.putAll(vars);
                g.hosts.add(name);
            }
        }
    }

    private void children(InventoryModel.GroupDef g, Node value) {
        if (isNull(value)) return;
        if (!(value instanceof MappingNode m)) {
            throw yaml.at(value, "the children of group '" + g.name + "' must be a mapping of group names to groups"
                    + (value instanceof SequenceNode ? " (write 'guests:' on its own line, not '- guests')" : "") + ", got " + describe(value));
        }
        yaml.flatten(m);
        for (NodeTuple t : m.getValue()) group(yaml.key(t, "group name"), t.getValueNode(), g.name, yaml.location(t.getKeyNode()));
    }

    private Map<String, Object> vars(Node node, String what) {
        if (!(node instanceof MappingNode m)) throw yaml.at(node, what + " must be a mapping (name: value), got " + describe(node));
        yaml.flatten(m);
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String name = yaml.key(t, "variable name");
            out.put(name, yaml.construct(t.getValueNode()));
        }
        return out;
    }
}

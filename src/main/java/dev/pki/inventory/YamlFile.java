package dev.pki.inventory;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One YAML file as a tree of SnakeYAML nodes (safe loader, no arbitrary types), with its marks turned
 * into file:line:column on every error. It knows nothing of inventories; {@link InventoryYaml} does.
 */
final class YamlFile {

    /** Exposes SnakeYAML's safe construction for single nodes, and merge-key flattening ({@code <<: *defaults}). */
    private static final class NodeConstructor extends SafeConstructor {
        NodeConstructor() {
            super(new LoaderOptions());
        }

        Object construct(Node node) {
            return constructDocument(node);
        }

        void flatten(MappingNode node) {
            flattenMapping(node);
        }
    }

    private final Path file;
    private final NodeConstructor constructor = new NodeConstructor();

    YamlFile(Path file) {
        this.file = file;
    }

    /** The file's root node, or null when it is empty; {@code what} names the file in errors. */
    Node compose(String what) {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw error("cannot read " + what + ": not UTF-8 text");
        } catch (IOException e) {
            throw error("cannot read " + what + ": " + (Files.exists(file) ? e.getMessage() : "no such file"));
        }
        if (text.startsWith("$ANSIBLE_VAULT;")) {
            throw new PkiException(new SourceLocation(file.toString(), 1, 1), what + " is encrypted with ansible-vault, which pki does not read");
        }
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw yamlError(e);
        } catch (YAMLException e) {
            throw error("invalid YAML: " + e.getMessage());
        }
    }

    /** A node's plain Java value (maps, lists, strings, numbers...), as SnakeYAML's safe loader builds it. */
    Object construct(Node node) {
        try {
            return constructor.construct(node);
        } catch (MarkedYAMLException e) {
            throw yamlError(e);
        }
    }

    /** Resolves merge keys in place, so callers see one flat list of key/value pairs. */
    void flatten(MappingNode m) {
        try {
            constructor.flatten(m);
        } catch (MarkedYAMLException e) {
            throw yamlError(e);
        }
    }

    /** A mapping key that must be a non-empty scalar; {@code what} says what it names. */
    String key(NodeTuple t, String what) {
        String s = scalarOrNull(t.getKeyNode());
        if (s == null || s.isEmpty()) throw at(t.getKeyNode(), "expected a " + what + ", got " + describe(t.getKeyNode()));
        return s;
    }

    SourceLocation location(Node node) {
        return location(node.getStartMark());
    }

    PkiException at(Node node, String message) {
        return new PkiException(location(node), message);
    }

    private SourceLocation location(Mark mark) {
        // SnakeYAML counts from 0; people count lines and columns from 1.
        return mark == null ? SourceLocation.of(file, 0) : new SourceLocation(file.toString(), mark.getLine() + 1, mark.getColumn() + 1);
    }

    private PkiException yamlError(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        if (problem.contains("!vault")) problem = "ansible-vault encrypted values (!vault) are not supported";
        return new PkiException(location(mark), "invalid YAML: " + problem);
    }

    private PkiException error(String message) {
        return new PkiException(SourceLocation.of(file, 0), message);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    static String scalarOrNull(Node node) {
        return node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) ? s.getValue() : null;
    }

    /** A node as an error message shows it: its kind, or a scalar's value cut to 40 characters. */
    static String describe(Node node) {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        if (node instanceof ScalarNode s) {
            if (Tag.NULL.equals(s.getTag())) return "nothing";
            String v = s.getValue();
            return "'" + (v.length() > 40 ? v.substring(0, 37) + "..." : v) + "'";
        }
        return "something else";
    }
}

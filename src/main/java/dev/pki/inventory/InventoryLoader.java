package dev.pki.inventory;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.diag.Suggestions;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Ansible's YAML inventory shape ({@code all}, {@code hosts}, {@code children}, {@code vars}
 * at any level, top-level groups besides {@code all}, host ranges such as {@code ct[101:110]} and
 * {@code host:port}) and the {@code group_vars/} and {@code host_vars/} folders beside each source.
 * Several sources (files or folders of files) are merged before variables are resolved.
 *
 * <p>Variable precedence, lowest first (docs/inventory.md): groups by depth ({@code all} first, then
 * parent groups before child groups; equal depth by {@code ansible_group_priority}, then name), each
 * group's inventory-file vars before its group_vars files; then the host's inventory-file vars, its
 * host_vars files, and extra vars ({@code -e}).
 *
 * <p>The YAML is composed into nodes (SnakeYAML's safe loader, no arbitrary types) and walked, so every
 * error names the file, line and column of the node at fault.
 */
public final class InventoryLoader {

    static final List<String> GROUP_KEYS = List.of("hosts", "vars", "children");
    private static final List<String> VARS_EXTENSIONS = List.of(".yml", ".yaml", ".json");
    private static final Pattern RANGE = Pattern.compile("\\[([0-9]+|[a-zA-Z]):([0-9]+|[a-zA-Z])(?::([0-9]+))?]");

    private InventoryLoader() {
    }

    /** One inventory file, or a folder of them (see {@link #load(List, Map)}). */
    public static Inventory load(Path source, Map<String, Object> extraVars) {
        return load(List.of(source), extraVars);
    }

    /**
     * Several sources, merged in order: a file, or a folder whose {@code *.yml} and {@code *.yaml}
     * files are read in name order. The {@code group_vars/} and {@code host_vars/} folders beside a
     * file (inside a folder source) are read after every inventory file. A host or group defined in
     * several files gets the union of memberships; for a variable defined twice at the same level, the
     * later file wins.
     */
    public static Inventory load(List<Path> sources, Map<String, Object> extraVars) {
        Model model = new Model();
        Set<Path> varsDirs = new LinkedHashSet<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                List<Path> files = inventoryFiles(source);
                if (files.isEmpty()) throw error(source, "the inventory folder has no *.yml or *.yaml file");
                for (Path f : files) new Reader(f, model).inventory();
                varsDirs.add(source.toAbsolutePath().normalize());
            } else {
                new Reader(source, model).inventory();
                Path parent = source.toAbsolutePath().normalize().getParent();
                if (parent != null) varsDirs.add(parent);
            }
        }
        for (Path dir : varsDirs) {
            varsFolder(dir, "group_vars", model);
            varsFolder(dir, "host_vars", model);
        }
        return model.resolve(extraVars);
    }

    private static List<Path> inventoryFiles(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !hidden(p))
                    .filter(p -> p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw error(folder, "cannot read the inventory folder: " + e.getMessage());
        }
    }

    // --- group_vars/ and host_vars/ ----------------------------------------------------------------------------

    /**
     * {@code group_vars/NAME}, {@code NAME.yml}, {@code NAME.yaml}, {@code NAME.json} or a folder
     * {@code NAME/} whose files are merged in name order. As in Ansible, the first of
     * {@code NAME} (file or folder), {@code NAME.yml}, {@code NAME.yaml}, {@code NAME.json} that exists
     * is read; the others are reported and ignored.
     */
    private static void varsFolder(Path base, String kind, Model model) {
        Path dir = base.resolve(kind);
        if (!Files.isDirectory(dir)) return;
        Map<String, List<Path>> byName = new LinkedHashMap<>();
        for (Path p : sortedChildren(dir)) {
            if (hidden(p)) continue;
            String file = p.getFileName().toString();
            String name = Files.isDirectory(p) ? file : entityName(file);
            if (name != null) byName.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
        }
        boolean groups = kind.equals("group_vars");
        for (var e : byName.entrySet()) {
            String name = e.getKey();
            List<Path> candidates = new ArrayList<>(e.getValue());
            candidates.sort(Comparator.comparingInt(p -> candidateRank(p, name)));
            Path chosen = candidates.get(0);
            String shown = shown(chosen) + (Files.isDirectory(chosen) ? "/" : "");
            if (candidates.size() > 1) {
                model.warnings.add(Diagnostic.warning(SourceLocation.UNKNOWN, kind + " has both " + shown + " and "
                        + shown(candidates.get(1)) + " for " + name + "; only " + shown + " is read (as Ansible does)"));
            }
            Map<String, Object> target;
            if (groups) {
                Model.GroupDef g = model.groups.get(name);
                if (g == null) {
                    model.warnings.add(Diagnostic.warning(SourceLocation.UNKNOWN, shown + " is not used: there is no group '" + name
                            + "' in the inventory").withSuggestion(Suggestions.didYouMean(name, model.groups.keySet())));
                    continue;
                }
                target = g.fileVars;
            } else {
                Model.HostDef h = model.hosts.get(name);
                if (h == null) {
                    model.warnings.add(Diagnostic.warning(SourceLocation.UNKNOWN, shown + " is not used: there is no host '" + name
                            + "' in the inventory").withSuggestion(Suggestions.didYouMean(name, model.hosts.keySet())));
                    continue;
                }
                target = h.fileVars;
            }
            List<Path> files = Files.isDirectory(chosen) ? varsFilesIn(chosen) : List.of(chosen);
            for (Path f : files) target.putAll(new Reader(f, model).varsFile(base.relativize(f).toString()));
        }
    }

    /** A path as the user would type it: relative to the working directory when under it. */
    private static String shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** Ansible's order of preference: NAME (file or folder), NAME.yml, NAME.yaml, NAME.json. */
    private static int candidateRank(Path p, String name) {
        String file = p.getFileName().toString();
        if (file.equals(name)) return 0;
        return 1 + VARS_EXTENSIONS.indexOf(file.substring(name.length()));
    }

    /** The group or host a file in group_vars/ or host_vars/ is for, or null when its extension is not read. */
    private static String entityName(String file) {
        for (String ext : VARS_EXTENSIONS) {
            if (file.endsWith(ext) && file.length() > ext.length()) return file.substring(0, file.length() - ext.length());
        }
        if (file.endsWith("~")) return null;
        // Ansible also reads files without an extension (group_vars/all); a name with another
        // extension (README.md, all.yml.bak) is not a vars file.
        return file.contains(".") ? null : file;
    }

    /** The vars files in a group_vars/NAME/ folder, in name order, subfolders included. */
    private static List<Path> varsFilesIn(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !folder.relativize(p).toString().startsWith(".") && !p.getFileName().toString().startsWith("."))
                    .filter(p -> VARS_EXTENSIONS.stream().anyMatch(ext -> p.getFileName().toString().endsWith(ext)))
                    .sorted(Comparator.comparing(p -> folder.relativize(p).toString()))
                    .toList();
        } catch (IOException e) {
            throw error(folder, "cannot read " + folder.getFileName() + ": " + e.getMessage());
        }
    }

    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw error(dir, "cannot read " + dir.getFileName() + ": " + e.getMessage());
        }
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static PkiException error(Path file, String message) {
        return new PkiException(SourceLocation.of(file, 0), message);
    }

    // --- one YAML file --------------------------------------------------------------------------------------

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

    /** Reads one file into the model, with the file's name on every error. */
    private static final class Reader {
        private final Path file;
        private final Model model;
        private final NodeConstructor constructor = new NodeConstructor();

        Reader(Path file, Model model) {
            this.file = file;
            this.model = model;
        }

        void inventory() {
            Node root = compose("the inventory");
            if (root == null || isNull(root)) return;
            if (!(root instanceof MappingNode top)) {
                throw at(root, "an inventory is a mapping with a top-level 'all' group (or other groups), got " + describe(root));
            }
            flatten(top);
            // pki also accepts the body of 'all' at the top (hosts:, vars:, children:); otherwise, as in
            // Ansible, every top-level key is a group, and groups other than 'all' become children of 'all'.
            boolean rootIsAll = top.getValue().stream().anyMatch(t -> GROUP_KEYS.contains(scalarOrNull(t.getKeyNode())));
            if (rootIsAll) {
                group("all", top, null, location(root));
            } else {
                for (NodeTuple t : top.getValue()) {
                    if ("plugin".equals(scalarOrNull(t.getKeyNode())) && t.getValueNode() instanceof ScalarNode) {
                        throw at(t.getKeyNode(), "inventory plugins ('plugin: ...') are not supported: pki reads YAML inventories of hosts and groups");
                    }
                }
                for (NodeTuple t : top.getValue()) group(key(t, "group name"), t.getValueNode(), null, location(t.getKeyNode()));
            }
        }

        private void group(String name, Node body, String parent, SourceLocation declared) {
            Model.GroupDef g = model.group(name, declared);
            if (parent != null) model.groups.get(parent).children.putIfAbsent(name, declared);
            if (isNull(body)) return;
            if (!(body instanceof MappingNode m)) {
                throw at(body, (parent == null ? "group '" + name + "'" : "child group '" + name + "' of '" + parent + "'")
                        + " must be a mapping with hosts, vars or children, got " + describe(body));
            }
            flatten(m);
            for (NodeTuple t : m.getValue()) {
                String key = key(t, "key");
                Node value = t.getValueNode();
                switch (key) {
                    case "hosts" -> hosts(g, value);
                    case "vars" -> g.vars.putAll(vars(value, "the vars of group '" + name + "'"));
                    case "children" -> children(g, value);
                    default -> throw new PkiException(Diagnostic.error(location(t.getKeyNode()), "group '" + name + "' has an unknown key '" + key
                            + "' (expected hosts, vars or children)").withSuggestion(Suggestions.didYouMean(key, GROUP_KEYS)));
                }
            }
        }

        private void hosts(Model.GroupDef g, Node value) {
            if (isNull(value)) return;
            if (!(value instanceof MappingNode m)) {
                throw at(value, "the hosts of group '" + g.name + "' must be a mapping of host names to their vars"
                        + (value instanceof SequenceNode ? " (write 'ct101:' on its own line, not '- ct101')" : "") + ", got " + describe(value));
            }
            flatten(m);
            for (NodeTuple t : m.getValue()) {
                String pattern = key(t, "host name");
                Node v = t.getValueNode();
                Map<String, Object> vars = isNull(v) ? Map.of() : vars(v, "the vars of host '" + pattern + "'");
                SourceLocation declared = location(t.getKeyNode());
                HostPattern hp = hostPattern(pattern, t.getKeyNode());
                for (String name : hp.names()) {
                    Model.HostDef h = model.host(name, declared);
                    if (hp.port() != null) h.vars.put("ansible_port", hp.port());
                    h.vars.putAll(vars);
                    g.hosts.add(name);
                }
            }
        }

        private void children(Model.GroupDef g, Node value) {
            if (isNull(value)) return;
            if (!(value instanceof MappingNode m)) {
                throw at(value, "the children of group '" + g.name + "' must be a mapping of group names to groups"
                        + (value instanceof SequenceNode ? " (write 'guests:' on its own line, not '- guests')" : "") + ", got " + describe(value));
            }
            flatten(m);
            for (NodeTuple t : m.getValue()) group(key(t, "group name"), t.getValueNode(), g.name, location(t.getKeyNode()));
        }

        /** A group_vars or host_vars file: a mapping of variables (or empty). */
        Map<String, Object> varsFile(String shown) {
            Node root = compose(shown);
            if (root == null || isNull(root)) return Map.of();
            return vars(root, shown);
        }

        private Map<String, Object> vars(Node node, String what) {
            if (!(node instanceof MappingNode m)) throw at(node, what + " must be a mapping (name: value), got " + describe(node));
            flatten(m);
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String name = key(t, "variable name");
                try {
                    out.put(name, constructor.construct(t.getValueNode()));
                } catch (MarkedYAMLException e) {
                    throw yamlError(e);
                }
            }
            return out;
        }

        private Node compose(String what) {
            String text;
            try {
                text = Files.readString(file);
            } catch (CharacterCodingException e) {
                throw error(file, "cannot read " + what + ": not UTF-8 text");
            } catch (IOException e) {
                throw error(file, "cannot read " + what + ": " + (Files.exists(file) ? e.getMessage() : "no such file"));
            }
            if (text.startsWith("$ANSIBLE_VAULT;")) {
                throw new PkiException(new SourceLocation(file.toString(), 1, 1), what + " is encrypted with ansible-vault, which pki does not read");
            }
            try {
                return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            } catch (MarkedYAMLException e) {
                throw yamlError(e);
            } catch (YAMLException e) {
                throw error(file, "invalid YAML: " + e.getMessage());
            }
        }

        private PkiException yamlError(MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (problem.contains("!vault")) problem = "ansible-vault encrypted values (!vault) are not supported";
            SourceLocation at = mark == null ? SourceLocation.of(file, 0) : new SourceLocation(file.toString(), mark.getLine() + 1, mark.getColumn() + 1);
            return new PkiException(at, "invalid YAML: " + problem);
        }

        private void flatten(MappingNode m) {
            try {
                constructor.flatten(m);
            } catch (MarkedYAMLException e) {
                throw yamlError(e);
            }
        }

        private String key(NodeTuple t, String what) {
            String s = scalarOrNull(t.getKeyNode());
            if (s == null || s.isEmpty()) throw at(t.getKeyNode(), "expected a " + what + ", got " + describe(t.getKeyNode()));
            return s;
        }

        /** {@code web[01:20].lab:2222} → web01.lab ... web20.lab, with ansible_port 2222 (Ansible's host patterns). */
        private HostPattern hostPattern(String pattern, Node at) {
            Integer port = null;
            String names = pattern;
            int colon = lastColonOutsideBrackets(pattern);
            if (colon > 0 && colonsOutsideBrackets(pattern) == 1 && pattern.substring(colon + 1).matches("[0-9]{1,5}")) {
                port = Integer.parseInt(pattern.substring(colon + 1));
                names = pattern.substring(0, colon);
            }
            List<String> expanded = new ArrayList<>();
            expand(names, at, expanded);
            return new HostPattern(expanded, port);
        }

        private void expand(String pattern, Node at, List<String> out) {
            Matcher m = RANGE.matcher(pattern);
            if (!m.find()) {
                out.add(pattern);
                return;
            }
            String head = pattern.substring(0, m.start());
            String tail = pattern.substring(m.end());
            String from = m.group(1);
            String to = m.group(2);
            int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            if (step < 1) throw at(at, "host range '" + m.group() + "' in '" + pattern + "' needs a step of at least 1");
            boolean numeric = Character.isDigit(from.charAt(0));
            if (numeric != Character.isDigit(to.charAt(0))) {
                throw at(at, "host range '" + m.group() + "' mixes a number and a letter");
            }
            if (numeric) {
                long a = Long.parseLong(from);
                long b = Long.parseLong(to);
                if (a > b) throw at(at, "host range '" + m.group() + "' runs backwards (start > end)");
                if ((b - a) / step > 100_000) throw at(at, "host range '" + m.group() + "' is too large");
                // A leading zero pads to the width of the start, as in Ansible (web[01:20]).
                int width = from.length() > 1 && from.startsWith("0") ? from.length() : 0;
                for (long i = a; i <= b; i += step) {
                    String n = width > 0 ? String.format("%0" + width + "d", i) : Long.toString(i);
                    expand(head + n + tail, at, out);
                }
            } else {
                char a = from.charAt(0);
                char b = to.charAt(0);
                if (a > b) throw at(at, "host range '" + m.group() + "' runs backwards (start > end)");
                for (char c = a; c <= b; c += (char) step) expand(head + c + tail, at, out);
            }
        }

        private SourceLocation location(Node node) {
            Mark mark = node.getStartMark();
            return mark == null ? SourceLocation.of(file, 0) : new SourceLocation(file.toString(), mark.getLine() + 1, mark.getColumn() + 1);
        }

        private PkiException at(Node node, String message) {
            return new PkiException(location(node), message);
        }
    }

    private record HostPattern(List<String> names, Integer port) {
    }

    private static int lastColonOutsideBrackets(String s) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth = Math.max(0, depth - 1);
            else if (c == ':' && depth == 0) last = i;
        }
        return last;
    }

    private static int colonsOutsideBrackets(String s) {
        int depth = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth = Math.max(0, depth - 1);
            else if (c == ':' && depth == 0) n++;
        }
        return n;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private static String scalarOrNull(Node node) {
        return node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) ? s.getValue() : null;
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        if (node instanceof ScalarNode s) {
            if (Tag.NULL.equals(s.getTag())) return "nothing";
            String v = s.getValue();
            return "'" + (v.length() > 40 ? v.substring(0, 37) + "..." : v) + "'";
        }
        return "something else";
    }

    // --- the merged model --------------------------------------------------------------------------------------

    /** Everything read from every source, before precedence is applied. */
    private static final class Model {

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

        Model() {
            groups.put("all", new GroupDef("all", SourceLocation.UNKNOWN));
            groups.put("ungrouped", new GroupDef("ungrouped", SourceLocation.UNKNOWN));
        }

        GroupDef group(String name, SourceLocation declared) {
            return groups.computeIfAbsent(name, n -> new GroupDef(n, declared));
        }

        HostDef host(String name, SourceLocation declared) {
            return hosts.computeIfAbsent(name, n -> new HostDef(n, declared));
        }

        Inventory resolve(Map<String, Object> extraVars) {
            GroupDef all = groups.get("all");
            // Groups that no group lists as a child are children of 'all', as in Ansible.
            Set<String> listed = new LinkedHashSet<>();
            groups.values().forEach(g -> listed.addAll(g.children.keySet()));
            if (listed.contains("all")) {
                SourceLocation at = groups.values().stream().filter(g -> g.children.containsKey("all")).map(g -> g.children.get("all")).findFirst().orElseThrow();
                throw new PkiException(at, "'all' cannot be a child group: every group is already in 'all'");
            }
            for (GroupDef g : groups.values()) {
                if (!g.name.equals("all") && !listed.contains(g.name)) all.children.putIfAbsent(g.name, g.declared);
            }
            checkAcyclic();
            // Hosts listed only in 'all' (or 'ungrouped') are in 'ungrouped'; anywhere else, they are not.
            GroupDef ungrouped = groups.get("ungrouped");
            Map<String, Set<String>> direct = new HashMap<>();
            groups.values().forEach(g -> g.hosts.forEach(h -> direct.computeIfAbsent(h, k -> new LinkedHashSet<>()).add(g.name)));
            for (String h : hosts.keySet()) {
                Set<String> in = direct.getOrDefault(h, Set.of());
                boolean elsewhere = in.stream().anyMatch(g -> !g.equals("all") && !g.equals("ungrouped"));
                if (elsewhere) ungrouped.hosts.remove(h);
                else ungrouped.hosts.add(h);
            }
            all.hosts.clear();

            Map<String, Set<String>> members = new LinkedHashMap<>();
            Map<String, Set<String>> memo = new HashMap<>();
            for (String g : groups.keySet()) members.put(g, members(g, memo));
            members.put("all", new LinkedHashSet<>(hosts.keySet()));
            Map<String, Integer> depth = new HashMap<>();
            Map<String, Integer> priority = new HashMap<>();
            for (GroupDef g : groups.values()) {
                depth.put(g.name, depth(g.name, depth));
                priority.put(g.name, priority(g));
            }
            Comparator<GroupDef> order = Comparator.<GroupDef>comparingInt(g -> depth.get(g.name))
                    .thenComparingInt(g -> priority.get(g.name)).thenComparing(g -> g.name);

            Map<String, Host> resolved = new LinkedHashMap<>();
            for (HostDef h : hosts.values()) {
                Map<String, Object> vars = new LinkedHashMap<>();
                groups.values().stream().filter(g -> members.get(g.name).contains(h.name)).sorted(order).forEach(g -> {
                    vars.putAll(g.vars);
                    vars.putAll(g.fileVars);
                });
                vars.putAll(h.vars);
                vars.putAll(h.fileVars);
                vars.putAll(extraVars);
                resolved.put(h.name, new Host(h.name, vars));
            }
            Map<String, Inventory.Group> tree = new LinkedHashMap<>();
            for (GroupDef g : groups.values()) {
                Map<String, Object> vars = new LinkedHashMap<>(g.vars);
                vars.putAll(g.fileVars);
                tree.put(g.name, new Inventory.Group(g.name, List.copyOf(g.hosts), List.copyOf(g.children.keySet()), vars));
            }
            for (String name : groups.keySet()) {
                if (hosts.containsKey(name)) {
                    warnings.add(Diagnostic.warning(hosts.get(name).declared, "'" + name + "' is both a host and a group; in patterns it names the group"));
                }
            }
            Map<String, Object> global = new LinkedHashMap<>(all.vars);
            global.putAll(all.fileVars);
            global.putAll(extraVars);
            return new Inventory(resolved, members, tree, global, warnings);
        }

        /** A group's hosts and its descendants' hosts, in inventory order. */
        private Set<String> members(String group, Map<String, Set<String>> memo) {
            Set<String> done = memo.get(group);
            if (done != null) return done;
            Set<String> found = new LinkedHashSet<>(groups.get(group).hosts);
            for (String child : groups.get(group).children.keySet()) found.addAll(members(child, memo));
            Set<String> ordered = new LinkedHashSet<>();
            for (String h : hosts.keySet()) if (found.contains(h)) ordered.add(h);
            memo.put(group, ordered);
            return ordered;
        }

        /** The longest path from 'all' (Ansible's group depth): a child is always deeper than each of its parents. */
        private int depth(String group, Map<String, Integer> memo) {
            if (group.equals("all")) return 0;
            Integer known = memo.get(group);
            if (known != null) return known;
            int d = 1;
            for (GroupDef g : groups.values()) {
                if (g.children.containsKey(group)) d = Math.max(d, depth(g.name, memo) + 1);
            }
            memo.put(group, d);
            return d;
        }

        private static int priority(GroupDef g) {
            Object p = g.fileVars.containsKey("ansible_group_priority") ? g.fileVars.get("ansible_group_priority") : g.vars.get("ansible_group_priority");
            if (p == null) return 1;
            try {
                return Integer.parseInt(p.toString().strip());
            } catch (NumberFormatException e) {
                throw new PkiException(g.declared, "ansible_group_priority of group '" + g.name + "' must be a whole number, got '" + p + "'");
            }
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
}

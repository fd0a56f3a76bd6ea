package dev.pki.plan;

import dev.pki.model.TargetPath;
import dev.pki.facts.Fact;
import dev.pki.resource.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which step depends on which, across hosts: a step depends on the latest earlier step that
 * provides an output it requires ({@code ca:lab}, any host), or a path it reads or a parent of it
 * (same host). Pure: built from the expanded plays, no facts needed.
 */
public record DependencyGraph(List<Node> nodes, Set<Edge> edges) {

    public record Node(int id, String host, Resource step) {
        public String label() {
            return host + ": " + step.address();
        }
    }

    public record Edge(int from, int to) {
    }

    public static DependencyGraph of(List<Target> targets) {
        List<Node> nodes = new ArrayList<>();
        Set<Edge> edges = new LinkedHashSet<>();
        Map<String, Integer> outputs = new HashMap<>();              // ca:lab → node
        Map<String, Map<String, Integer>> paths = new HashMap<>();   // host → path → node
        for (Target t : targets) {
            for (String host : t.hosts()) {
                for (Resource step : t.play().steps(host)) {
                    Node node = new Node(nodes.size(), host, step);
                    nodes.add(node);
                    for (String key : step.requires()) {
                        Integer from = outputs.get(key);
                        if (from != null) edges.add(new Edge(from, node.id()));
                    }
                    Map<String, Integer> hostPaths = paths.computeIfAbsent(host, h -> new HashMap<>());
                    for (Fact fact : step.facts()) {
                        if (fact instanceof Fact.PathFact p) {
                            for (String dir = p.path(); dir != null; dir = TargetPath.parent(dir)) {
                                Integer from = hostPaths.get(dir);
                                if (from != null && from != node.id()) {
                                    edges.add(new Edge(from, node.id()));
                                    break;
                                }
                            }
                        }
                    }
                    for (String provided : step.provides()) {
                        if (provided.startsWith("path:")) hostPaths.put(provided.substring(5), node.id());
                        else outputs.put(provided, node.id());
                    }
                }
            }
        }
        return new DependencyGraph(nodes, edges);
    }

    /** Mermaid flowchart, as people already use in their docs. */
    public String mermaid() {
        StringBuilder out = new StringBuilder("flowchart TD\n");
        for (Node n : nodes) out.append("  n").append(n.id()).append("[\"").append(n.label().replace("\"", "#quot;")).append("\"]\n");
        for (Edge e : edges) out.append("  n").append(e.from()).append(" --> n").append(e.to()).append('\n');
        return out.toString();
    }

    /** Graphviz DOT. */
    public String dot() {
        StringBuilder out = new StringBuilder("digraph pki {\n  rankdir=TB;\n  node [shape=box];\n");
        for (Node n : nodes) {
            out.append("  n").append(n.id()).append(" [label=\"").append(n.label().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"];\n");
        }
        for (Edge e : edges) out.append("  n").append(e.from()).append(" -> n").append(e.to()).append(";\n");
        return out.append("}\n").toString();
    }
}

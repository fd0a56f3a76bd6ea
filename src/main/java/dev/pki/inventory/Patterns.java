package dev.pki.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ansible's host patterns: a host, a group, {@code all} or {@code *}, globs ({@code ct1*}), unions
 * ({@code a:b} or {@code a,b}), intersections ({@code a:&b}) and exclusions ({@code a:!b}).
 * Unions are taken first, then intersections, then exclusions, as Ansible does.
 */
final class Patterns {

    private Patterns() {
    }

    static List<String> match(String pattern, Inventory inventory) {
        Set<String> union = new LinkedHashSet<>();
        List<String> intersections = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        for (String term : pattern.split("[:,]")) {
            term = term.strip();
            if (term.isEmpty()) continue;
            if (term.startsWith("&")) intersections.add(term.substring(1));
            else if (term.startsWith("!")) exclusions.add(term.substring(1));
            else union.addAll(term(term, inventory));
        }
        for (String t : intersections) union.retainAll(term(t, inventory));
        for (String t : exclusions) term(t, inventory).forEach(union::remove);
        // Keep inventory order whatever the pattern's order.
        List<String> ordered = new ArrayList<>();
        for (String h : inventory.allHosts()) if (union.contains(h)) ordered.add(h);
        if (union.contains("localhost") && !ordered.contains("localhost")) ordered.add("localhost");
        return ordered;
    }

    private static Set<String> term(String term, Inventory inventory) {
        if (term.equals("all") || term.equals("*")) return inventory.allHosts();
        if (inventory.groups().containsKey(term)) return inventory.groups().get(term);
        if (inventory.hosts().containsKey(term) || term.equals("localhost")) return Set.of(term);
        if (term.contains("*") || term.contains("?")) {
            Pattern glob = glob(term);
            Set<String> out = new LinkedHashSet<>();
            for (String h : inventory.allHosts()) if (glob.matcher(h).matches()) out.add(h);
            for (String g : inventory.groups().keySet()) if (glob.matcher(g).matches()) out.addAll(inventory.groups().get(g));
            return out;
        }
        return Set.of();
    }

    /** fnmatch, as Ansible uses: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}; everything else is literal. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int end = glob.indexOf(']', i + 2);
                String seq = glob.substring(i + 1, end);
                boolean negated = seq.startsWith("!");
                if (negated) seq = seq.substring(1);
                re.append('[').append(negated ? "^" : "").append(seq.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&").replace("^", "\\^")).append(']');
                i = end;
            } else if (Character.isLetterOrDigit(c)) {
                re.append(c);
            } else {
                re.append('\\').append(c);
            }
        }
        return Pattern.compile(re.toString());
    }
}

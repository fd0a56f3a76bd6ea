package dev.pki.inventory;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host entry as written under {@code hosts:} in an inventory, expanded as Ansible does:
 * {@code web[01:20].lab:2222} → web01.lab ... web20.lab, with ansible_port 2222. (Selecting hosts
 * with {@code all}, {@code a:!b} and the like is {@link Patterns}.)
 */
final class HostRanges {

    private static final Pattern RANGE = Pattern.compile("\\[([0-9]+|[a-zA-Z]):([0-9]+|[a-zA-Z])(?::([0-9]+))?]");

    /** The host names an entry stands for, and the port it gives them (null when none). */
    record Expanded(List<String> names, Integer port) {
    }

    private HostRanges() {
    }

    /** {@code at} is where the entry is written, for errors in its ranges. */
    static Expanded expand(String entry, SourceLocation at) {
        Integer port = null;
        String names = entry;
        // Ranges hold colons inside brackets and an IPv6 address has several: only a lone colon
        // outside brackets, followed by digits, gives a port.
        int colon = lastColonOutsideBrackets(entry);
        if (colon > 0 && colonsOutsideBrackets(entry) == 1 && entry.substring(colon + 1).matches("[0-9]{1,5}")) {
            port = Integer.parseInt(entry.substring(colon + 1));
            names = entry.substring(0, colon);
        }
        List<String> expanded = new ArrayList<>();
        expand(names, at, expanded);
        return new Expanded(expanded, port);
    }

    private static void expand(String pattern, SourceLocation at, List<String> out) {
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
        if (step < 1) throw new PkiException(at, "host range '" + m.group() + "' in '" + pattern + "' needs a step of at least 1");
        boolean numeric = Character.isDigit(from.charAt(0));
        if (numeric != Character.isDigit(to.charAt(0))) {
            throw new PkiException(at, "host range '" + m.group() + "' mixes a number and a letter");
        }
        if (numeric) {
            long a = Long.parseLong(from);
            long b = Long.parseLong(to);
            if (a > b) throw new PkiException(at, "host range '" + m.group() + "' runs backwards (start > end)");
            if ((b - a) / step > 100_000) throw new PkiException(at, "host range '" + m.group() + "' is too large");
            // A leading zero pads to the width of the start, as in Ansible (web[01:20]).
            int width = from.length() > 1 && from.startsWith("0") ? from.length() : 0;
            for (long i = a; i <= b; i += step) {
                String n = width > 0 ? String.format("%0" + width + "d", i) : Long.toString(i);
                expand(head + n + tail, at, out);
            }
        } else {
            char a = from.charAt(0);
            char b = to.charAt(0);
            if (a > b) throw new PkiException(at, "host range '" + m.group() + "' runs backwards (start > end)");
            for (char c = a; c <= b; c += (char) step) expand(head + c + tail, at, out);
        }
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
}

package dev.pki.facts;

import dev.pki.transport.Command;
import dev.pki.transport.ExecResult;
import dev.pki.transport.Transport;
import dev.pki.transport.TransportException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads many facts in one round trip: every fragment runs in one {@code sh -c} script, framed by
 * {@code @@ N} lines. Fragments only print tagged lines, so the framing is unambiguous.
 */
public final class FactGatherer {

    private FactGatherer() {
    }

    public static FactSet gather(Transport transport, Set<Fact> wanted) {
        List<Fact> facts = new ArrayList<>(dedupe(wanted));
        if (facts.isEmpty()) return new FactSet(Map.of());
        StringBuilder script = new StringBuilder("d=$(mktemp -d) || exit 1\ntrap 'rm -rf \"$d\"' EXIT\n");
        for (int i = 0; i < facts.size(); i++) {
            script.append("echo '@@ ").append(i).append("'\n").append(facts.get(i).script());
        }
        script.append("exit 0\n");
        ExecResult result = transport.exec(Command.of("sh", "-c", script.toString()));
        if (!result.ok()) {
            throw new TransportException("could not read facts: " + result.errorLine(), false);
        }
        return new FactSet(parse(facts, result.out()));
    }

    /** A path read with content also answers the same path without content. */
    private static Set<Fact> dedupe(Set<Fact> wanted) {
        Set<Fact> out = new LinkedHashSet<>();
        for (Fact f : wanted) {
            if (f instanceof Fact.PathFact p && !p.content() && wanted.contains(new Fact.PathFact(p.path(), true))) continue;
            out.add(f);
        }
        return out;
    }

    static Map<Fact, Object> parse(List<Fact> facts, String output) {
        Map<Fact, List<String>> sections = new HashMap<>();
        List<String> current = null;
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("@@ ")) {
                current = new ArrayList<>();
                sections.put(facts.get(Integer.parseInt(line.substring(3).trim())), current);
            } else if (current != null && !line.isEmpty()) {
                current.add(line);
            }
        }
        Map<Fact, Object> answers = new HashMap<>();
        for (Fact fact : facts) {
            List<String> lines = sections.get(fact);
            if (lines == null) throw new TransportException("incomplete facts from target (no answer for " + fact + ")", false);
            answers.put(fact, fact instanceof Fact.PathFact p ? parsePath(lines, p.content()) : parseCommand(lines));
            if (fact instanceof Fact.PathFact p && p.content()) answers.put(new Fact.PathFact(p.path(), false), answers.get(fact));
        }
        return answers;
    }

    private static PathState parsePath(List<String> lines, boolean withContent) {
        PathState.Kind kind = PathState.Kind.ABSENT;
        String mode = "", owner = "", group = "";
        boolean readable = true;
        ByteArrayOutputStream content = null;
        for (String line : lines) {
            switch (line.charAt(0)) {
                case 'T' -> kind = switch (line.substring(2).trim()) {
                    case "d" -> PathState.Kind.DIRECTORY;
                    case "f" -> PathState.Kind.FILE;
                    case "o" -> PathState.Kind.OTHER;
                    default -> PathState.Kind.ABSENT;
                };
                case 'S' -> {
                    String[] parts = line.substring(2).trim().split(" ");
                    mode = normalizeMode(parts[0]);
                    owner = parts.length > 1 ? parts[1] : "";
                    group = parts.length > 2 ? parts[2] : "";
                }
                case 'C' -> {
                    if (content == null) content = new ByteArrayOutputStream();
                    hex(line.substring(1), content);
                }
                case 'E' -> readable = false;
                default -> { }
            }
        }
        if (withContent && kind == PathState.Kind.FILE && content == null && readable && lines.stream().noneMatch(l -> l.startsWith("C"))) {
            // A file read with content but printing no C lines is empty (od prints nothing).
            content = new ByteArrayOutputStream();
        }
        byte[] bytes = content == null ? null : content.toByteArray();
        return new PathState(kind, mode, owner, group, bytes, readable);
    }

    private static CommandOutput parseCommand(List<String> lines) {
        int code = -1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        for (String line : lines) {
            switch (line.charAt(0)) {
                case 'R' -> code = Integer.parseInt(line.substring(2).trim());
                case 'O' -> hex(line.substring(1), out);
                case 'X' -> hex(line.substring(1), err);
                default -> { }
            }
        }
        return new CommandOutput(code, out.toByteArray(), err.toByteArray());
    }

    /** stat prints modes without leading zeros ("640"); pki shows them as four digits ("0640"). */
    static String normalizeMode(String mode) {
        String m = mode.strip();
        while (m.length() < 4) m = "0" + m;
        return m;
    }

    private static void hex(String text, ByteArrayOutputStream sink) {
        for (String b : text.trim().split("\\s+")) {
            if (!b.isEmpty()) sink.write(Integer.parseInt(b, 16));
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}

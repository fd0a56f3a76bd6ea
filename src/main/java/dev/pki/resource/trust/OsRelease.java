package dev.pki.resource.trust;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of {@code os-release(5)} that identify a distribution: {@code ID} and {@code ID_LIKE}.
 * The file is shell-like {@code KEY=value} lines; values may be quoted with {@code "} or {@code '}.
 */
record OsRelease(String id, List<String> idLike) {

    static final OsRelease UNKNOWN = new OsRelease("", List.of());

    static OsRelease parse(String text) {
        Map<String, String> vars = new HashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq <= 0) continue;
            vars.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        String id = vars.getOrDefault("ID", "").toLowerCase(Locale.ROOT);
        List<String> like = Arrays.stream(vars.getOrDefault("ID_LIKE", "").toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        return new OsRelease(id, like);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
        }
        return v.replaceAll("\\\\(.)", "$1");
    }

    /** How the host is named in messages: {@code ID=debian}, or {@code no /etc/os-release}. */
    String describe() {
        return id.isEmpty() ? "no ID in /etc/os-release" : "ID=" + id + (idLike.isEmpty() ? "" : ", ID_LIKE=" + String.join(" ", idLike));
    }
}

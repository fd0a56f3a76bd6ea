package dev.pki.facts;

import java.util.Map;

/** The answers for a set of facts. Asking for a fact that was not gathered is a programming error. */
public final class FactSet {

    private final Map<Fact, Object> answers;

    public FactSet(Map<Fact, Object> answers) {
        this.answers = Map.copyOf(answers);
    }

    private FactSet(Map<Fact, Object> answers, boolean copy) {
        this.answers = copy ? Map.copyOf(answers) : answers;
    }

    /**
     * A fact set over a map its owner keeps updating (the applier's facts of one host), without
     * copying it: a host with a thousand steps would otherwise copy thousands of answers per step.
     */
    public static FactSet live(Map<Fact, Object> answers) {
        return new FactSet(answers, false);
    }

    /** Copies these answers into {@code sink}, replacing what it had for the same facts. */
    public void copyInto(Map<Fact, Object> sink) {
        sink.putAll(answers);
    }

    /** Whether every one of {@code facts} has an answer here (a path read with content also answers the path without). */
    public boolean covers(java.util.Collection<Fact> facts) {
        for (Fact f : facts) {
            if (answers.containsKey(f)) continue;
            if (f instanceof Fact.PathFact p && !p.content() && answers.containsKey(new Fact.PathFact(p.path(), true))) continue;
            return false;
        }
        return true;
    }

    public PathState path(String path) {
        Object answer = answers.get(new Fact.PathFact(path, true));
        if (answer == null) answer = answers.get(new Fact.PathFact(path, false));
        return (PathState) require(answer, "path " + path);
    }

    public CommandOutput command(Fact.CommandFact fact) {
        return (CommandOutput) require(answers.get(fact), "command " + fact.argv());
    }

    /** Program name → where it was found, for the programs found. */
    @SuppressWarnings("unchecked")
    public Map<String, String> programs(Fact.ProgramFact fact) {
        return (Map<String, String>) require(answers.get(fact), "programs " + fact.names());
    }

    /**
     * A digest of every answer, keyed by what was read ({@code file /etc/x}, {@code command zfs get ...}),
     * to tell later whether a host still looks as it did. Digests are salted SHA-256: the content of a
     * key file never leaves the engine, not even as a plain hash that could be looked up.
     */
    public Map<String, String> fingerprints(String salt) {
        Map<String, String> out = new java.util.TreeMap<>();
        answers.forEach((fact, answer) -> {
            if (fact instanceof Fact.PathFact p && !p.content() && answers.containsKey(new Fact.PathFact(p.path(), true))) return;
            out.put(describe(fact), digest(salt, answer));
        });
        return out;
    }

    static String describe(Fact fact) {
        if (fact instanceof Fact.PathFact p) return "path " + p.path();
        if (fact instanceof Fact.ProgramFact p) return "programs " + String.join(" ", p.names());
        return "command " + String.join(" ", ((Fact.CommandFact) fact).argv());
    }

    private static String digest(String salt, Object answer) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (answer instanceof PathState s) {
                md.update((s.kind() + "|" + s.mode() + "|" + s.owner() + "|" + s.group() + "|" + s.readable() + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (s.content() != null) md.update(s.content());
            } else if (answer instanceof Map<?, ?> programs) {
                md.update(new java.util.TreeMap<>(programs).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (answer instanceof CommandOutput c) {
                md.update((c.exitCode() + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(c.stdout());
                md.update((byte) 0);
                md.update(c.stderr());
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object require(Object answer, String what) {
        if (answer == null) throw new IllegalStateException("fact not gathered: " + what);
        return answer;
    }
}

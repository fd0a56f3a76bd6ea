package dev.pki.facts;

import java.util.Map;

/** The answers for a set of facts. Asking for a fact that was not gathered is a programming error. */
public final class FactSet {

    private final Map<Fact, Object> answers;

    public FactSet(Map<Fact, Object> answers) {
        this.answers = Map.copyOf(answers);
    }

    public PathState path(String path) {
        Object answer = answers.get(new Fact.PathFact(path, true));
        if (answer == null) answer = answers.get(new Fact.PathFact(path, false));
        return (PathState) require(answer, "path " + path);
    }

    public CommandOutput command(Fact.CommandFact fact) {
        return (CommandOutput) require(answers.get(fact), "command " + fact.argv());
    }

    private static Object require(Object answer, String what) {
        if (answer == null) throw new IllegalStateException("fact not gathered: " + what);
        return answer;
    }
}

package dev.pki.plan;

/** What a step will do; the symbol is what the plan shows (Terraform's convention). */
public enum Action {
    NOOP(" ", "no change"),
    CREATE("+", "create"),
    UPDATE("~", "update"),
    REPLACE("-/+", "replace"),
    DELETE("-", "delete");

    private final String symbol;
    private final String verb;

    Action(String symbol, String verb) {
        this.symbol = symbol;
        this.verb = verb;
    }

    public String symbol() {
        return symbol;
    }

    public String verb() {
        return verb;
    }

    public boolean changes() {
        return this != NOOP;
    }
}

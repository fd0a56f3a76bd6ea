package dev.pki.cli;

import java.util.StringJoiner;

/**
 * How long each phase of a command took, for {@code --debug}: where a slow run spends its time
 * (loading the inventory and playbook, reading facts, planning, applying), measured inside the
 * run, so the JVM's own start is not in it. Time spent waiting for the user's confirmation is not
 * counted.
 */
final class PhaseTimes {

    private final StringJoiner phases = new StringJoiner(", ");
    private long since = System.nanoTime();

    /** Ends the phase going on now under {@code name}; the next one starts. */
    void done(String name) {
        long now = System.nanoTime();
        phases.add(name + " " + (now - since) / 1_000_000 + " ms");
        since = now;
    }

    /** Starts the next phase now, not counting the time since the last one ended (a prompt). */
    void restart() {
        since = System.nanoTime();
    }

    /** The {@code --debug} line, e.g. {@code debug: time: load 310 ms, facts 650 ms, plan 12 ms}. */
    String line() {
        return "debug: time: " + phases;
    }
}

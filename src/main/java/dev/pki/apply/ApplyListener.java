package dev.pki.apply;

import dev.pki.plan.Change;
import dev.pki.resource.Resource;

/** Progress of an apply, for the terminal or a log. Called from several threads (one per host). */
public interface ApplyListener {

    /** The run starts: this many hosts, this many steps in all (hosts × steps, over every play). */
    default void started(int hosts, int steps) {
    }

    /** A host begins a step (before reading its facts). */
    default void stepRunning(String host, Resource step) {
    }

    /** A play with {@code serial} starts its batch {@code index} of {@code count}. */
    default void batchStarted(String pattern, int index, int count, java.util.List<String> hosts) {
    }

    /** The run stops starting new work, and why (max-fail exceeded, anyErrorsFatal). */
    default void stopped(String why) {
    }

    default void stepStarted(String host, Resource step, Change change) {
    }

    default void stepFinished(String host, Resource step, StepOutcome outcome, String message) {
    }

    default void handlerFinished(String host, Resource step, String command, boolean ok, String message) {
    }

    default void hostUnreachable(String host, String message) {
    }
}

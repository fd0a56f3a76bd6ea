package dev.pki.apply;

import dev.pki.plan.Change;
import dev.pki.resource.Resource;

/** Progress of an apply, for the terminal or a log. Called from several threads (one per host). */
public interface ApplyListener {

    default void stepStarted(String host, Resource step, Change change) {
    }

    default void stepFinished(String host, Resource step, StepOutcome outcome, String message) {
    }

    default void handlerFinished(String host, Resource step, String command, boolean ok, String message) {
    }

    default void hostUnreachable(String host, String message) {
    }
}

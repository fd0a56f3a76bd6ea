package dev.pki.render;

import java.io.Console;
import java.util.function.UnaryOperator;

/**
 * The user's terminal for the current run: whether there is one (standard input and output both a
 * terminal: colour, live progress, questions) and how to ask it a question. Normally that is this
 * process's own console; a run served by pki's daemon answers for the terminal of the client that
 * asked for it ({@link #use}), since the daemon itself has none.
 */
public final class Terminal {

    private static final Terminal NONE = new Terminal(false, prompt -> null);
    private static volatile Terminal current;

    private final boolean present;
    private final UnaryOperator<String> ask;

    private Terminal(boolean present, UnaryOperator<String> ask) {
        this.present = present;
        this.ask = ask;
    }

    /** The terminal of this run: the one set by {@link #use}, or this process's console. */
    public static Terminal current() {
        Terminal t = current;
        if (t != null) return t;
        Console console = System.console();
        return console == null ? NONE : new Terminal(true, prompt -> console.readLine("%s", prompt));
    }

    /** A terminal elsewhere: {@code ask} shows a prompt there and returns the line typed, or null at end of input. */
    public static Terminal remote(boolean present, UnaryOperator<String> ask) {
        return present ? new Terminal(true, ask) : NONE;
    }

    /** Makes {@code terminal} the current one for the runs that follow; null goes back to this process's console. */
    public static void use(Terminal terminal) {
        current = terminal;
    }

    /** Whether standard input and output are a terminal a person is looking at. */
    public boolean present() {
        return present;
    }

    /** Shows {@code prompt} and reads one line; null at end of input or when there is no terminal. */
    public String readLine(String prompt) {
        return present ? ask.apply(prompt) : null;
    }
}

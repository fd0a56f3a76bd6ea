package dev.pki.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command as an argument list, with optional standard input. The input may hold secrets (keys
 * being written), so {@link #toString()} never shows it.
 */
public record Command(List<String> argv, byte[] stdin) {

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("argv is empty");
        stdin = stdin == null ? new byte[0] : stdin;
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), null);
    }

    public static Command of(List<String> argv) {
        return new Command(argv, null);
    }

    /** {@code sh -c SCRIPT sh ARGS...}: the script sees ARGS as $1.., so they need no quoting. */
    public static Command shell(String script, List<String> args, byte[] stdin) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        argv.addAll(args);
        return new Command(argv, stdin);
    }

    /** The same command run inside something else, e.g. {@code lxc-attach -n 101 --}. */
    public Command wrappedIn(List<String> prefix) {
        List<String> wrapped = new ArrayList<>(prefix);
        wrapped.addAll(argv);
        return new Command(wrapped, stdin);
    }

    public Command withStdin(byte[] input) {
        return new Command(argv, input);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c && argv.equals(c.argv) && java.util.Arrays.equals(stdin, c.stdin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(argv, java.util.Arrays.hashCode(stdin));
    }

    /** The command line for logs; standard input is never shown. */
    @Override
    public String toString() {
        return Shell.join(argv) + (stdin.length > 0 ? " <(" + stdin.length + " bytes)" : "");
    }
}

package dev.pki.facts;

import dev.pki.transport.Shell;

import java.util.List;

/**
 * Something to read from a target. A fact renders a POSIX shell fragment whose every output line
 * starts with a one-letter tag; the gatherer frames fragments and hands each its lines back.
 */
public sealed interface Fact permits Fact.PathFact, Fact.CommandFact {

    /**
     * The type, mode, owner and group of a path, and its content when it is a regular file and
     * {@code content} is set. The gatherer reads all paths together (see {@link FactGatherer}).
     */
    record PathFact(String path, boolean content) implements Fact {
    }

    /** The exit code, standard output and standard error of a command (read-only commands only). */
    record CommandFact(List<String> argv) implements Fact {
        public CommandFact {
            argv = List.copyOf(argv);
        }

        /**
         * The shell fragment: a line R (exit code), then a line O followed by standard output as
         * {@code od} prints it (lines starting with a blank), then, only when there was any, a line X
         * and standard error the same way. {@code $d} is a private temporary directory.
         */
        String script() {
            return "( " + Shell.join(argv) + " ) </dev/null >\"$d/o\" 2>\"$d/e\"; echo \"R $?\"\n"
                    + "echo O; od -An -v -tx1 \"$d/o\"\n"
                    + "if [ -s \"$d/e\" ]; then echo X; od -An -v -tx1 \"$d/e\"; fi\n";
        }
    }

    static Fact path(String path) {
        return new PathFact(path, false);
    }

    static Fact content(String path) {
        return new PathFact(path, true);
    }

    static Fact command(String... argv) {
        return new CommandFact(List.of(argv));
    }
}

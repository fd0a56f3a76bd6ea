package dev.pki.facts;

import dev.pki.transport.Shell;

import java.util.List;

/**
 * Something to read from a target. A fact renders a POSIX shell fragment whose every output line
 * starts with a one-letter tag; the gatherer frames fragments and hands each its lines back.
 */
public sealed interface Fact permits Fact.PathFact, Fact.CommandFact {

    /** The shell fragment. {@code $d} is a private temporary directory it may use. */
    String script();

    /** The type, mode, owner and group of a path, and its content when it is a regular file and {@code content} is set. */
    record PathFact(String path, boolean content) implements Fact {
        @Override
        public String script() {
            String p = Shell.quote(path);
            String s = "if [ -d " + p + " ]; then echo 'T d'; elif [ -f " + p + " ]; then echo 'T f'; "
                    + "elif [ -e " + p + " ] || [ -L " + p + " ]; then echo 'T o'; else echo 'T -'; fi\n"
                    + "if [ -e " + p + " ]; then stat -L -c 'S %a %U %G' -- " + p + " 2>/dev/null; fi\n";
            if (content) {
                // od is POSIX and binary-safe; sed tags each line so framing cannot be confused.
                s += "if [ -f " + p + " ]; then if od -An -v -tx1 -- " + p + " >\"$d/c\" 2>/dev/null; "
                        + "then sed 's/^/C/' \"$d/c\"; else echo 'E unreadable'; fi; fi\n";
            }
            return s;
        }
    }

    /** The exit code, standard output and standard error of a command (read-only commands only). */
    record CommandFact(List<String> argv) implements Fact {
        public CommandFact {
            argv = List.copyOf(argv);
        }

        @Override
        public String script() {
            return "( " + Shell.join(argv) + " ) </dev/null >\"$d/o\" 2>\"$d/e\"; echo \"R $?\"\n"
                    + "od -An -v -tx1 \"$d/o\" | sed 's/^/O/'\n"
                    + "od -An -v -tx1 \"$d/e\" | sed 's/^/X/'\n";
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

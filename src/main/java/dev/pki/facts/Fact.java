package dev.pki.facts;

import dev.pki.transport.Shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Something to read from a target. A fact renders a POSIX shell fragment whose every output line
 * starts with a one-letter tag; the gatherer frames fragments and hands each its lines back.
 */
public sealed interface Fact permits Fact.PathFact, Fact.CommandFact, Fact.ProgramFact {

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

    /**
     * Where each of these programs is, as {@code command -v} finds it on the PATH with the sbin
     * directories a non-root login's PATH may lack appended (answered by {@link FactSet#programs}:
     * name → path, a program not found is absent). The fact script's own shell answers it: no
     * process and no temporary file, where a command fact starts four processes.
     */
    record ProgramFact(List<String> names) implements Fact {

        /** Appended to the target's PATH for the search. */
        static final String SBIN = "/usr/local/sbin:/usr/sbin:/sbin";

        /**
         * The directories the script's search looks in, in order, for a target whose PATH is
         * {@code path}: for the in-process readers. Empty entries (the current directory, to a
         * shell) are left out.
         */
        static List<String> searchPath(String path) {
            List<String> dirs = new ArrayList<>();
            for (String d : ((path == null ? "" : path) + ":" + SBIN).split(":")) if (!d.isEmpty()) dirs.add(d);
            return List.copyOf(dirs);
        }

        public ProgramFact {
            names = List.copyOf(names);
            for (String n : names) {
                if (!n.matches("[A-Za-z0-9._+-]+")) throw new IllegalArgumentException("not a program name: " + n);
            }
        }

        /** A line {@code W NAME} for each name, followed by the path {@code command -v} printed when found. */
        String script() {
            StringBuilder s = new StringBuilder("o=$PATH; PATH=\"$PATH:" + SBIN + "\"\n");
            for (String n : names) s.append("echo 'W ").append(n).append("'; command -v ").append(n).append(" || :\n");
            return s.append("PATH=$o\n").toString();
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

    static ProgramFact programs(String... names) {
        return new ProgramFact(List.of(names));
    }
}

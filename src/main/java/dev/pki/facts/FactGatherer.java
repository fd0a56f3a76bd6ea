package dev.pki.facts;

import dev.pki.transport.Command;
import dev.pki.transport.ExecResult;
import dev.pki.transport.LocalContainer;
import dev.pki.transport.LxcTransport;
import dev.pki.transport.Shell;
import dev.pki.transport.Transport;
import dev.pki.transport.TransportException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads many facts in one round trip: one POSIX shell script, sent to {@code sh} on standard
 * input. Paths cost two processes for every {@value #CHUNK}: their types come from shell
 * built-ins, then one {@code stat} reports mode, owner, group and size of every existing path, and
 * one {@code od} dumps every regular file wanted with content, split again by those sizes. No
 * temporary files, {@code mktemp} or {@code xargs} for paths: in a container, the eight processes
 * the script used to start took twice as long as entering the container. Each command fact
 * runs in its own framed section, with its output in a private temporary directory; program
 * lookups ({@code command -v}) run in the script's own shell. Every line the script prints is
 * tagged, so the framing cannot be confused by what a file or command contains.
 *
 * <p>On this machine there is no script ({@link LocalFacts}). In a container running on this
 * machine, paths and programs are read through its init's root ({@link GuestPaths}), which falls
 * back to the script in the container whenever it cannot answer exactly as the script would.
 */
public final class FactGatherer {

    private FactGatherer() {
    }

    public static FactSet gather(Transport transport, Set<Fact> wanted) {
        Map<String, Boolean> paths = new LinkedHashMap<>();   // path → content wanted
        List<Fact.CommandFact> commands = new ArrayList<>();
        List<Fact.ProgramFact> programs = new ArrayList<>();
        for (Fact f : wanted) {
            if (f instanceof Fact.PathFact p) paths.merge(p.path(), p.content(), Boolean::logicalOr);
            else if (f instanceof Fact.ProgramFact p) programs.add(p);
            else commands.add((Fact.CommandFact) f);
        }
        if (paths.isEmpty() && commands.isEmpty() && programs.isEmpty()) return new FactSet(Map.of());
        if (transport instanceof dev.pki.transport.LocalTransport local) {
            // On this machine, no script: paths and programs in-process, commands run directly.
            local.countRoundTrip();
            return new FactSet(LocalFacts.read(local, paths, commands, programs));
        }
        if (transport instanceof LocalContainer guest && commands.isEmpty()) {
            // A container on this machine: its paths are read in-process too, through its init's root.
            Optional<Map<Fact, Object>> read = guest.localInit().flatMap(init -> GuestPaths.read(init, paths, programs,
                    CONTAINER_SEARCH_PATH));
            if (read.isPresent()) {
                guest.countRoundTrip();
                return new FactSet(read.get());
            }
        }
        List<String> pathList = new ArrayList<>(paths.keySet());
        String script = script(pathList, paths, commands, programs);
        // On standard input, not as an argument: one argument is limited to 128 KiB on Linux,
        // which a playbook with a thousand certificates exceeds.
        ExecResult result = transport.exec(Command.of("sh").withStdin(script.getBytes(StandardCharsets.UTF_8)));
        if (!result.ok()) throw new TransportException("could not read facts: " + result.errorLine(), false);
        Map<Fact, Object> answers = new HashMap<>();
        parse(result.out(), pathList, paths, commands, programs, answers);
        return new FactSet(answers);
    }

    /** Where a program search in a container looks: the PATH of its commands, then what the search appends. */
    private static final List<String> CONTAINER_SEARCH_PATH = Fact.ProgramFact.searchPath(LxcTransport.PATH);

    /** Paths per stat or od command: far below the kernel's limit on a command's arguments. */
    static final int CHUNK = 256;

    private static String script(List<String> pathList, Map<String, Boolean> content, List<Fact.CommandFact> commands,
                                 List<Fact.ProgramFact> programs) {
        StringBuilder s = new StringBuilder();
        // A private directory for the commands' output only: paths and programs need no temporary files.
        if (!commands.isEmpty()) s.append("d=$(mktemp -d) || exit 1\ntrap 'rm -rf \"$d\"' EXIT\n");
        for (int i = 0; i < commands.size(); i++) s.append("echo '@@ ").append(i).append("'\n").append(commands.get(i).script());
        for (int i = 0; i < programs.size(); i++) s.append("echo '@@W ").append(i).append("'\n").append(programs.get(i).script());
        // Types from built-ins, remembered in t<i>; the existing paths are collected as the
        // positional parameters and handed to stat, CHUNK at a time, in order.
        s.append("echo '@@P'\nset --\n");
        for (int i = 0; i < pathList.size(); i++) {
            String p = Shell.quote(pathList.get(i));
            s.append("if [ -d ").append(p).append(" ]; then t=d; elif [ -f ").append(p).append(" ]; then t=f; elif [ -e ").append(p)
                    .append(" ] || [ -L ").append(p).append(" ]; then t=o; else t=-; fi; echo \"T ").append(i).append(" $t\"; t")
                    .append(i).append("=$t; [ $t = - ] || set -- \"$@\" ").append(p).append('\n');
            if ((i + 1) % CHUNK == 0 || i + 1 == pathList.size()) {
                s.append("[ $# -eq 0 ] || stat -L -c 'S %a %U %G %s %u %g' -- \"$@\" 2>/dev/null; set --\n");
            }
        }
        // Which regular files wanted with content are readable, remembered in r<i>; then their
        // contents, in the same order, through od, CHUNK at a time.
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i < pathList.size(); i++) if (content.get(pathList.get(i))) wanted.add(i);
        for (int i : wanted) {
            String p = Shell.quote(pathList.get(i));
            s.append("r").append(i).append("=; if [ \"$t").append(i).append("\" = f ]; then if [ -r ").append(p).append(" ]; then r")
                    .append(i).append("=1; echo \"R ").append(i).append("\"; else echo \"E ").append(i).append("\"; fi; fi\n");
        }
        s.append("echo '@@C'\n");
        for (int k = 0; k < wanted.size(); k++) {
            int i = wanted.get(k);
            s.append("[ -z \"$r").append(i).append("\" ] || set -- \"$@\" ").append(Shell.quote(pathList.get(i))).append('\n');
            if ((k + 1) % CHUNK == 0 || k + 1 == wanted.size()) s.append("[ $# -eq 0 ] || od -An -v -tx1 -- \"$@\"; set --\n");
        }
        return s.append("exit 0\n").toString();
    }

    private static void parse(String output, List<String> pathList, Map<String, Boolean> content, List<Fact.CommandFact> commands,
                              List<Fact.ProgramFact> programs, Map<Fact, Object> answers) {
        Map<Integer, List<String>> commandLines = new HashMap<>();
        Map<Integer, List<String>> programLines = new HashMap<>();
        List<String> current = null;
        char[] kinds = new char[pathList.size()];
        List<Integer> existing = new ArrayList<>();
        List<Integer> readable = new ArrayList<>();
        List<String> stats = new ArrayList<>();
        boolean[] unreadable = new boolean[pathList.size()];
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        int section = 0;   // 0: commands, 1: paths, 2: contents
        for (String line : output.split("\n", -1)) {
            if (line.isEmpty()) continue;
            if (line.equals("@@P")) {
                section = 1;
            } else if (line.equals("@@C")) {
                section = 2;
            } else if (section == 0 && line.startsWith("@@W ")) {
                current = new ArrayList<>();
                programLines.put(Integer.parseInt(line.substring(4).trim()), current);
            } else if (section == 0 && line.startsWith("@@ ")) {
                current = new ArrayList<>();
                commandLines.put(Integer.parseInt(line.substring(3).trim()), current);
            } else if (section == 0 && current != null) {
                current.add(line);
            } else if (section == 1) {
                switch (line.charAt(0)) {
                    case 'T' -> {
                        String[] parts = line.split(" ");
                        int i = Integer.parseInt(parts[1]);
                        kinds[i] = parts[2].charAt(0);
                        if (kinds[i] != '-') existing.add(i);
                    }
                    case 'R' -> readable.add(Integer.parseInt(line.substring(2).trim()));
                    case 'E' -> unreadable[Integer.parseInt(line.substring(2).trim())] = true;
                    case 'S' -> stats.add(line.substring(2));
                    default -> { }
                }
            } else if (section == 2) {
                hex(line, dump);
            }
        }
        if (stats.size() != existing.size()) {
            throw new TransportException("files changed while their facts were read (" + existing.size() + " paths, "
                    + stats.size() + " answers); run again", false);
        }
        Map<Integer, String[]> statOf = new HashMap<>();
        Map<Integer, Long> sizeOf = new HashMap<>();
        for (int k = 0; k < existing.size(); k++) {
            String[] parts = stats.get(k).trim().split(" ");
            statOf.put(existing.get(k), parts);
            sizeOf.put(existing.get(k), parts.length > 3 ? Long.parseLong(parts[3]) : 0L);
        }
        byte[] bytes = dump.toByteArray();
        long expected = readable.stream().mapToLong(i -> sizeOf.getOrDefault(i, 0L)).sum();
        if (expected != bytes.length) {
            throw new TransportException("files changed while their content was read (" + expected + " bytes expected, "
                    + bytes.length + " read); run again", false);
        }
        Map<Integer, byte[]> contentOf = new HashMap<>();
        int offset = 0;
        for (int i : readable) {
            int size = (int) (long) sizeOf.getOrDefault(i, 0L);
            contentOf.put(i, java.util.Arrays.copyOfRange(bytes, offset, offset + size));
            offset += size;
        }
        for (int i = 0; i < pathList.size(); i++) {
            String[] st = statOf.get(i);
            PathState.Kind kind = switch (kinds[i]) {
                case 'd' -> PathState.Kind.DIRECTORY;
                case 'f' -> PathState.Kind.FILE;
                case 'o' -> PathState.Kind.OTHER;
                default -> PathState.Kind.ABSENT;
            };
            String mode = st == null ? "" : normalizeMode(st[0]);
            int uid = st != null && st.length > 5 ? Integer.parseInt(st[4]) : -1;
            int gid = st != null && st.length > 5 ? Integer.parseInt(st[5]) : -1;
            String owner = st != null && st.length > 1 ? named(st[1], uid) : "";
            String group = st != null && st.length > 2 ? named(st[2], gid) : "";
            boolean wantContent = content.get(pathList.get(i));
            // An absent path is not readable, as the in-process reader says too.
            PathState state = new PathState(kind, mode, owner, group, contentOf.get(i), kind != PathState.Kind.ABSENT && !unreadable[i], uid, gid);
            answers.put(new Fact.PathFact(pathList.get(i), wantContent), state);
            if (wantContent) {
                // The same path without content: the same state (content is simply there as well).
                answers.put(new Fact.PathFact(pathList.get(i), false), state);
            }
        }
        for (int i = 0; i < commands.size(); i++) {
            List<String> lines = commandLines.get(i);
            if (lines == null) throw new TransportException("incomplete facts from target (no answer for " + commands.get(i) + ")", false);
            answers.put(commands.get(i), parseCommand(lines));
        }
        for (int i = 0; i < programs.size(); i++) {
            List<String> lines = programLines.get(i);
            if (lines == null) throw new TransportException("incomplete facts from target (no answer for " + programs.get(i) + ")", false);
            answers.put(programs.get(i), parsePrograms(lines));
        }
    }

    /** {@code W NAME} lines, each followed by the path command -v printed when the program was found. */
    private static Map<String, String> parsePrograms(List<String> lines) {
        Map<String, String> found = new LinkedHashMap<>();
        String name = null;
        for (String line : lines) {
            if (line.startsWith("W ")) name = line.substring(2);
            else if (name != null && line.startsWith("/") && !found.containsKey(name)) found.put(name, line);
        }
        return Map.copyOf(found);
    }

    private static CommandOutput parseCommand(List<String> lines) {
        int code = -1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream current = null;
        for (String line : lines) {
            switch (line.charAt(0)) {
                case 'R' -> code = Integer.parseInt(line.substring(2).trim());
                case 'O' -> current = out;
                case 'X' -> current = err;
                case ' ', '\t' -> {   // od's lines start with a blank
                    if (current != null) hex(line, current);
                }
                default -> { }
            }
        }
        return new CommandOutput(code, out.toByteArray(), err.toByteArray());
    }

    /**
     * The name stat printed for an id, or the id itself where stat had none: GNU stat prints
     * {@code UNKNOWN} for an id without a name, the JDK (the in-process reader) the number.
     */
    private static String named(String name, int id) {
        return "UNKNOWN".equals(name) && id >= 0 ? Integer.toString(id) : name;
    }

    /** stat prints modes without leading zeros ("640"); pki shows them as four digits ("0640"). */
    static String normalizeMode(String mode) {
        String m = mode.strip();
        while (m.length() < 4) m = "0" + m;
        return m;
    }

    /** Hex pairs separated by spaces, as od -tx1 prints them; fast, as a large dump has millions. */
    private static void hex(String text, ByteArrayOutputStream sink) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') continue;
            int hi = Character.digit(c, 16);
            int lo = i + 1 < n ? Character.digit(text.charAt(i + 1), 16) : -1;
            if (hi < 0 || lo < 0) continue;
            sink.write(hi << 4 | lo);
            i++;
        }
    }
}

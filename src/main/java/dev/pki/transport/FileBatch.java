package dev.pki.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * File operations queued by {@link Remote} and sent as one POSIX shell script on standard input:
 * one round trip for all of a step's directories, writes and modes, and for the command or fact
 * read that follows them. Every path, owner, group and mode reaches the script through
 * {@link Shell#quote}, and file contents through {@link Shell#printf} — on standard input, never in
 * an argument list (secrets; the 128 KiB limit of one argument): {@code printf} is a builtin of
 * every POSIX shell pki meets (dash, bash, busybox ash), so no process gets them as arguments.
 *
 * <p>The script prints {@code @@pki-failed N} and exits 1 when operation N fails (its error is on
 * standard error; the operations before it are done, those after it are not), or
 * {@code @@pki-done} when all succeeded, then runs what follows in the same shell.
 */
final class FileBatch {

    private static final String DONE = "@@pki-done\n";
    private static final String FAILED = "@@pki-failed ";
    private static final String HEADER = "pki_fail() { echo \"" + FAILED.strip() + " $1\"; exit 1; }\n";

    /** One queued operation: what it does (for messages) and its script. */
    private record Op(String what, String script) {
    }

    private final List<Op> ops = new ArrayList<>();

    boolean isEmpty() {
        return ops.isEmpty();
    }

    /*
     * Atomic write: the temporary file is created by mktemp (mode 0600) in the target's directory,
     * filled, given its owner, group and mode, and only then renamed over the target. A private key
     * is therefore never visible with a looser mode, nor half-written. Durable: the temporary file
     * is synced before the rename and the directory after it ('sync FILE', coreutils 8.24 and
     * later; a whole-system 'sync' where that is refused).
     */
    void write(String path, byte[] content, FileAttrs attrs, boolean durable) {
        int n = ops.size();
        String p = Shell.quote(path);
        String dir = directoryOf(path);
        String fill = content.length == 0 ? ": " : "{\n" + Shell.printf(content) + "} ";
        ops.add(new Op("write " + path, "if [ -d " + p + " ]; then printf '%s\\n' " + Shell.quote(path + " is a directory") + " >&2; pki_fail " + n + "; fi\n"
                + "pki_t=$(mktemp " + Shell.quote(dir + "/.pki-XXXXXX") + ") || pki_fail " + n + "\n"
                + fill + ">\"$pki_t\"" + attributes("\"$pki_t\"", attrs) + (durable ? " && " + sync("\"$pki_t\"") : "")
                + " && mv -f -- \"$pki_t\" " + p + (durable ? " && " + sync(Shell.quote(dir)) : "")
                + " || { rm -f -- \"$pki_t\"; pki_fail " + n + "; }\n"));
    }

    /** Syncs one file or directory to stable storage, or everything where 'sync' takes no operands. */
    private static String sync(String quotedPath) {
        return "{ sync -- " + quotedPath + " 2>/dev/null || sync; }";
    }

    /**
     * Creates a directory (and its parents) and sets its owner, group and mode. Durable: the
     * parent of each directory it creates is synced afterwards. Which ones those are is found out
     * before {@code mkdir}, walking up while a directory is missing: {@code pki_n} counts them.
     */
    void mkdir(String path, FileAttrs attrs, boolean durable) {
        int n = ops.size();
        String p = Shell.quote(path);
        StringBuilder s = new StringBuilder();
        List<String> parents = durable ? parents(path) : List.of();
        if (!parents.isEmpty()) s.append("pki_n=0; [ -d ").append(p).append(" ] || pki_n=1\n");
        for (int i = 1; i < parents.size(); i++) {
            s.append("[ \"$pki_n\" != ").append(i).append(" ] || [ -d ").append(Shell.quote(parents.get(i - 1)))
                    .append(" ] || pki_n=").append(i + 1).append('\n');
        }
        s.append("mkdir -p -- ").append(p).append(attributes(p, attrs)).append(" || pki_fail ").append(n).append('\n');
        for (int i = 1; i <= parents.size(); i++) {
            s.append("[ \"$pki_n\" -lt ").append(i).append(" ] || ").append(sync(Shell.quote(parents.get(i - 1))))
                    .append(" || pki_fail ").append(n).append('\n');
        }
        ops.add(new Op("create directory " + path, s.toString()));
    }

    /** The directories above {@code path}, nearest first, up to {@code /} (or {@code .} for a relative path). */
    static List<String> parents(String path) {
        List<String> parents = new ArrayList<>();
        for (String p = path, up = directoryOf(p); !up.equals(p); p = up, up = directoryOf(p)) parents.add(up);
        return parents;
    }

    /** Sets owner, group and mode of an existing path. */
    void setAttributes(String path, FileAttrs attrs) {
        String p = Shell.quote(path);
        ops.add(new Op("set owner/mode of " + path, ": " + attributes(p, attrs) + " || pki_fail " + ops.size() + "\n"));
    }

    /** {@code && chown ... && chgrp ... && chmod ...} for a quoted (or {@code "$var"}) path. */
    private static String attributes(String quotedPath, FileAttrs attrs) {
        StringBuilder s = new StringBuilder();
        if (!attrs.owner().isEmpty()) s.append(" && chown -- ").append(Shell.quote(attrs.owner())).append(' ').append(quotedPath);
        if (!attrs.group().isEmpty()) s.append(" && chgrp -- ").append(Shell.quote(attrs.group())).append(' ').append(quotedPath);
        return s.append(" && chmod -- ").append(Shell.quote(attrs.mode())).append(' ').append(quotedPath).toString();
    }

    /** What {@code dirname} prints, without a process: the directory the temporary file goes in. */
    static String directoryOf(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        int slash = p.lastIndexOf('/');
        if (slash < 0) return ".";
        String dir = p.substring(0, slash);
        while (dir.length() > 1 && dir.endsWith("/")) dir = dir.substring(0, dir.length() - 1);
        if (dir.isEmpty()) return "/";
        return dir.startsWith("-") ? "./" + dir : dir;   // mktemp would take "-x/..." for an option
    }

    /** The script of the queued operations, ending with the line that says they are done; empties the queue. */
    String drain() {
        StringBuilder s = new StringBuilder(HEADER);
        for (Op op : ops) s.append(op.script());
        ops.clear();
        return s.append("printf '%s\\n' '").append(DONE.strip()).append("'\n").toString();
    }

    /**
     * The result of what followed the operations, with the batch's own first line taken off; throws
     * naming the operation that failed. {@code whats} are the operations' descriptions, in order.
     */
    static ExecResult unwrap(ExecResult result, List<String> whats) {
        byte[] out = result.stdout();
        byte[] done = DONE.getBytes(StandardCharsets.US_ASCII);
        if (startsWith(out, done)) {
            return new ExecResult(result.exitCode(), Arrays.copyOfRange(out, done.length, out.length), result.stderr());
        }
        String text = result.out();
        String what = whats.size() == 1 ? whats.get(0) : "apply " + whats.size() + " file operations";
        if (text.startsWith(FAILED)) {
            int end = text.indexOf('\n');
            try {
                what = whats.get(Integer.parseInt(text.substring(FAILED.length(), end < 0 ? text.length() : end).strip()));
            } catch (RuntimeException e) {
                // Not ours after all: keep the general description.
            }
        }
        throw new TransportException("could not " + what + ": " + result.errorLine(), false);
    }

    List<String> whats() {
        return ops.stream().map(Op::what).toList();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}

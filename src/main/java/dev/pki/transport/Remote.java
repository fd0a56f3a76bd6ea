package dev.pki.transport;

import java.util.List;

/**
 * File operations on a target, built from POSIX shell scripts run through any {@link Transport}.
 * Paths and names are passed as positional parameters ({@code $1}...), never pasted into the
 * script text, so nothing a user wrote is interpreted by the shell.
 */
public final class Remote {

    /*
     * Atomic write: the temporary file is created by mktemp (mode 0600) in the target's directory,
     * filled from stdin, given its owner, group and mode, and only then renamed over the target.
     * A private key is therefore never visible with a looser mode, nor half-written.
     */
    private static final String WRITE = String.join("\n",
            "set -e",
            "p=$1; o=$2; g=$3; m=$4",
            "if [ -d \"$p\" ]; then echo \"$p is a directory\" >&2; exit 1; fi",
            "d=$(dirname -- \"$p\")",
            "t=$(mktemp \"$d/.pki-XXXXXX\")",
            "trap 'rm -f -- \"$t\"' EXIT",
            "cat > \"$t\"",
            "if [ -n \"$o\" ]; then chown -- \"$o\" \"$t\"; fi",
            "if [ -n \"$g\" ]; then chgrp -- \"$g\" \"$t\"; fi",
            "chmod -- \"$m\" \"$t\"",
            "mv -f -- \"$t\" \"$p\"",
            "trap - EXIT");

    private static final String MKDIR = String.join("\n",
            "set -e",
            "p=$1; o=$2; g=$3; m=$4",
            "mkdir -p -- \"$p\"",
            "if [ -n \"$o\" ]; then chown -- \"$o\" \"$p\"; fi",
            "if [ -n \"$g\" ]; then chgrp -- \"$g\" \"$p\"; fi",
            "chmod -- \"$m\" \"$p\"");

    private static final String SET_ATTRS = String.join("\n",
            "set -e",
            "p=$1; o=$2; g=$3; m=$4",
            "if [ -n \"$o\" ]; then chown -- \"$o\" \"$p\"; fi",
            "if [ -n \"$g\" ]; then chgrp -- \"$g\" \"$p\"; fi",
            "chmod -- \"$m\" \"$p\"");

    private final Transport transport;

    public Remote(Transport transport) {
        this.transport = transport;
    }

    public Transport transport() {
        return transport;
    }

    /** Writes a file atomically with its owner, group and mode set before it appears. */
    public void write(String path, byte[] content, FileAttrs spec) {
        if (local() && LocalFiles.write(path, content, spec)) return;
        run("write " + path, Command.shell(WRITE, args(path, spec), content));
    }

    /** Creates a directory (and its parents) and sets its owner, group and mode. */
    public void mkdir(String path, FileAttrs spec) {
        if (local() && LocalFiles.mkdir(path, spec)) return;
        run("create directory " + path, Command.shell(MKDIR, args(path, spec), null));
    }

    /** Sets owner, group and mode of an existing path. */
    public void setAttributes(String path, FileAttrs spec) {
        if (local() && LocalFiles.setAttributes(path, spec)) return;
        run("set owner/mode of " + path, Command.shell(SET_ATTRS, args(path, spec), null));
    }

    /** On this machine, file operations are done in-process ({@link LocalFiles}); they count as round trips too. */
    private boolean local() {
        if (!(transport instanceof LocalTransport l)) return false;
        l.countRoundTrip();
        return true;
    }

    /** Runs a user's command line with {@code sh -c}, as handlers do. */
    public ExecResult shell(String commandLine) {
        return transport.exec(Command.of("sh", "-c", commandLine));
    }

    /** Runs a command and fails with its error line if it exits non-zero. */
    public ExecResult run(String what, Command command) {
        ExecResult result = transport.exec(command);
        if (!result.ok()) {
            throw new TransportException("could not " + what + ": " + result.errorLine(), false);
        }
        return result;
    }

    private static List<String> args(String path, FileAttrs spec) {
        return List.of(path, spec.owner(), spec.group(), spec.mode());
    }
}

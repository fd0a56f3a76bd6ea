package dev.pki.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * File operations on a target, built from POSIX shell scripts run through any {@link Transport}.
 * Paths, owners and modes are quoted by {@link Shell}; file contents travel on standard input
 * (see {@link FileBatch}).
 *
 * <p>A batching remote ({@link #batching}, what apply uses) queues directories, writes and modes
 * and sends them with whatever the host is asked next — a command, a fact read — in the same round
 * trip, or at {@link #flush()}. Order is kept: everything queued runs before that command, so its
 * failure is reported then, naming the operation. A plain remote runs each operation at once. On
 * this machine ({@link LocalTransport}) operations are always done at once, in-process.
 */
public final class Remote {

    private final Transport transport;
    private final boolean batching;
    private final FileBatch pending = new FileBatch();
    private final Transport flushing;

    public Remote(Transport transport) {
        this(transport, false);
    }

    private Remote(Transport transport, boolean batching) {
        this.transport = transport;
        this.batching = batching && !(transport instanceof LocalTransport);
        this.flushing = new Flushing();
    }

    /** A remote that queues file operations until the next command, fact read or {@link #flush()}. */
    public static Remote batching(Transport transport) {
        return new Remote(transport, true);
    }

    /**
     * The transport to run commands with. Through it, what is queued runs first, in the same round
     * trip; on this machine it is the transport itself (nothing is ever queued there).
     */
    public Transport transport() {
        return transport instanceof LocalTransport ? transport : flushing;
    }

    /** Writes a file atomically with its owner, group and mode set before it appears. */
    public void write(String path, byte[] content, FileAttrs spec) {
        write(path, content, spec, false);
    }

    /**
     * Writes a file as {@link #write} does, and on stable storage once the operation is done: its
     * content before it takes the name, then the name itself (the directory is synced too). For
     * what cannot be made again, a CA's keys and passphrase: after a crash or a power cut, the
     * file is there whole or, as before the write, not at all — never empty.
     */
    public void writeDurable(String path, byte[] content, FileAttrs spec) {
        write(path, content, spec, true);
    }

    private void write(String path, byte[] content, FileAttrs spec, boolean durable) {
        if (local() && LocalFiles.write(path, content, spec, durable)) return;
        pending.write(path, content, spec, durable);
        queued();
    }

    /** Creates a directory (and its parents) and sets its owner, group and mode. */
    public void mkdir(String path, FileAttrs spec) {
        mkdir(path, spec, false);
    }

    /**
     * Creates a directory as {@link #mkdir} does, and syncs the parent of each directory it
     * created, so that the new directories' names are on stable storage too: for the directory
     * of files written with {@link #writeDurable}, which sync only their own directory.
     */
    public void mkdirDurable(String path, FileAttrs spec) {
        mkdir(path, spec, true);
    }

    private void mkdir(String path, FileAttrs spec, boolean durable) {
        if (local() && LocalFiles.mkdir(path, spec, durable)) return;
        pending.mkdir(path, spec, durable);
        queued();
    }

    /** Sets owner, group and mode of an existing path. */
    public void setAttributes(String path, FileAttrs spec) {
        if (local() && LocalFiles.setAttributes(path, spec)) return;
        pending.setAttributes(path, spec);
        queued();
    }

    /** Runs what is queued, alone, in one round trip (nothing when the queue is empty). */
    public void flush() {
        if (!pending.isEmpty()) runQueued(new byte[0]);
    }

    /** Whether operations are waiting for the next round trip. */
    boolean hasPending() {
        return !pending.isEmpty();
    }

    private void queued() {
        if (!batching) flush();
    }

    /** On this machine, file operations are done in-process ({@link LocalFiles}); they count as round trips too. */
    private boolean local() {
        if (!(transport instanceof LocalTransport l)) return false;
        l.countRoundTrip();
        return true;
    }

    /** Runs a user's command line with {@code sh -c}, as handlers do. */
    public ExecResult shell(String commandLine) {
        return transport().exec(Command.of("sh", "-c", commandLine));
    }

    /** Runs a command and fails with its error line if it exits non-zero. */
    public ExecResult run(String what, Command command) {
        ExecResult result = transport().exec(command);
        if (!result.ok()) {
            throw new TransportException("could not " + what + ": " + result.errorLine(), false);
        }
        return result;
    }

    /**
     * Runs a command after what is queued, in one round trip when it can: a script for {@code sh}
     * on standard input (a fact read) follows the operations in the same script; a command without
     * input is {@code exec}'d at its end, quoted by {@link Shell}, with {@code /dev/null} as its input.
     * A command with other input first waits for the queue to run on its own.
     */
    private ExecResult exec(Command command) {
        if (pending.isEmpty()) return transport.exec(command);
        byte[] then;
        if (command.argv().equals(List.of("sh"))) {
            then = command.stdin();
        } else if (command.stdin().length == 0) {
            then = ("exec " + Shell.join(command.argv()) + " </dev/null\n").getBytes(StandardCharsets.UTF_8);
        } else {
            flush();
            return transport.exec(command);
        }
        return runQueued(then);
    }

    /** What is queued, then {@code then} (more script for the same {@code sh}), in one round trip. */
    private ExecResult runQueued(byte[] then) {
        List<String> whats = pending.whats();
        byte[] ops = pending.drain().getBytes(StandardCharsets.UTF_8);
        byte[] script = java.util.Arrays.copyOf(ops, ops.length + then.length);
        System.arraycopy(then, 0, script, ops.length, then.length);
        return FileBatch.unwrap(transport.exec(Command.of("sh").withStdin(script)), whats);
    }

    /** The transport as {@link #transport()} hands it out: commands go through {@link #exec}. */
    private final class Flushing implements Transport {
        @Override
        public ExecResult exec(Command command) {
            return Remote.this.exec(command);
        }

        @Override
        public int roundTrips() {
            return transport.roundTrips();
        }

        @Override
        public String describe() {
            return transport.describe();
        }
    }
}

package dev.pki.transport;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs commands inside an LXC container with {@code lxc-attach}, through the transport of the host
 * that runs the container (its {@code via} host). Wrapping the parent's transport rather than
 * running {@code lxc-attach} locally means a container behind an SSH host works the same way as
 * one on this machine, and that the parent's connection is shared by all of its containers.
 *
 * <p>Standard input travels as the parent's stdin, i.e. through a pipe: {@code lxc-attach} sets
 * the mode of a file given to it as stdin to 0700 (DESIGN §7), so a file redirect is never used.
 */
public final class LxcTransport implements Transport, LocalContainer {

    /** The PATH every command sees: the container's own login PATH would depend on its distribution. */
    public static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** A line lxc-attach itself prints: {@code lxc-attach: NAME: file.c: func: 406 Connection refused - Failed to get init pid}. */
    private static final Pattern ATTACH_ERROR = Pattern.compile("(?m)^lxc-attach: (\\S+): (.*)$");

    private final Transport parent;
    private final String container;
    private final String via;
    private final AtomicInteger roundTrips = new AtomicInteger();

    /**
     * @param parent    the transport of the host running the container
     * @param container the container's name ({@code lxc-attach -n})
     * @param via       the parent host's inventory name, for messages
     */
    public LxcTransport(Transport parent, String container, String via) {
        this.parent = java.util.Objects.requireNonNull(parent, "parent");
        this.container = requireName(container);
        this.via = via;
    }

    /**
     * The argv prefix. {@code --clear-env} keeps the controller's (or sshd's) environment out of the
     * container: a host LANG naming a locale the guest lacks makes tools warn, and host variables
     * can leak secrets. With a cleared environment the locale is POSIX; PATH and HOME are set
     * explicitly because some tools (openssl, curl) look at HOME and a minimal guest has no
     * login environment to provide them.
     */
    List<String> prefix() {
        return List.of("lxc-attach", "-n", container, "--clear-env",
                "--set-var", "PATH=" + PATH, "--set-var", "HOME=/root", "--");
    }

    /** The command as the parent runs it. */
    Command wrap(Command command) {
        return command.wrappedIn(prefix());
    }

    @Override
    public ExecResult exec(Command command) {
        roundTrips.incrementAndGet();
        ExecResult result = execOnParent(parent, wrap(command), describe());
        // Checked on every failure, not only the first: it costs nothing (no extra round trip) and
        // a container stopped mid-run is then reported as unreachable, not as a failed step.
        attachFailure(container, result).ifPresent(reason -> {
            throw new TransportException(describe() + ": container " + container + " is not running or does not exist ("
                    + reason + ")", true);
        });
        return result;
    }

    /** Runs on the parent; a parent failure (unreachable or not) is reported with this transport's name. */
    static ExecResult execOnParent(Transport parent, Command command, String describe) {
        try {
            return parent.exec(command);
        } catch (TransportException e) {
            throw new TransportException(describe + ": " + e.getMessage(), e.unreachable(), e);
        }
    }

    /**
     * Whether a failed result is lxc-attach failing to enter the container (rather than the command
     * inside failing), and why, in one line. lxc-attach prefixes its own errors with
     * {@code lxc-attach: NAME:}; "Failed to exec" means the container was entered but the program
     * is missing there, which is the command's failure. Exit 127 mentioning lxc-attach means the
     * parent has no lxc-attach at all.
     */
    static Optional<String> attachFailure(String container, ExecResult result) {
        if (result.ok()) return Optional.empty();
        String err = result.err();
        Matcher m = ATTACH_ERROR.matcher(err);
        while (m.find()) {
            if (!m.group(1).equals(container)) continue;
            String message = m.group(2);
            if (message.contains("Failed to exec")) return Optional.empty();
            // Keep the human part: "../src/lxc/attach.c: get_attach_context: 406 Connection refused - Failed to get init pid"
            int dash = message.lastIndexOf(" - ");
            return Optional.of("lxc-attach: " + (dash >= 0 ? message.substring(dash + 3) : message).strip());
        }
        if (result.exitCode() == 127 && err.contains("lxc-attach") && !err.contains("Failed to exec")) {
            return Optional.of("lxc-attach is not installed on the parent host: " + result.errorLine());
        }
        return Optional.empty();
    }

    static String requireName(String container) {
        if (container == null || container.isBlank()) throw new IllegalArgumentException("container name is empty");
        return container;
    }

    @Override
    public Optional<LxcInit.Hint> localInit() {
        return parent instanceof LocalTransport ? LxcInit.find(container) : Optional.empty();
    }

    @Override
    public void countRoundTrip() {
        roundTrips.incrementAndGet();
        // On the parent too, as a command through it would be: per-host figures subtract a
        // container's round trips from its parent's (Connections.roundTrips).
        if (parent instanceof LocalTransport local) local.countRoundTrip();
    }

    @Override
    public int roundTrips() {
        return roundTrips.get();
    }

    /** {@code lxc 101 via pve}. */
    @Override
    public String describe() {
        return "lxc " + container + " via " + via;
    }

    /** Nothing to close: the parent's connection belongs to the parent host and is closed with it. */
    @Override
    public void close() {
    }
}

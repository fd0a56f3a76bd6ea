package dev.pki.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs commands inside a Proxmox VE container with {@code pct exec ID -- ...}, through the
 * transport of the Proxmox node (the {@code via} host), so it works for a local node and for one
 * reached over SSH alike.
 *
 * <p>Files need no {@code pct push} / {@code pct pull}: {@link Remote} writes atomically by piping
 * the content into a shell script run with exec (temp file, owner and mode, rename), and reads
 * through facts, so every transport — local, SSH, lxc, pct — uses the same two code paths.
 * {@code pct push} would also not be atomic. Input is always piped, never redirected from a file
 * (pct exec wraps lxc-attach, which chmods files given as stdin; DESIGN §7).
 */
public final class PctTransport implements Transport, LocalContainer {

    /** pct's own refusals: "container '103' not running!", "CT 103 not running", "Configuration file '...' does not exist". */
    private static final Pattern PCT_ERROR = Pattern.compile(
            "(?m)^(container '[^']*' not running!?|CT \\S+ not running|Configuration file '[^']*' does not exist)\\s*$");

    private final Transport parent;
    private final String id;
    private final String via;
    private final AtomicInteger roundTrips = new AtomicInteger();

    /**
     * @param parent the transport of the Proxmox node
     * @param id     the container's numeric ID
     * @param via    the node's inventory name, for messages
     */
    public PctTransport(Transport parent, String id, String via) {
        this.parent = java.util.Objects.requireNonNull(parent, "parent");
        this.id = LxcTransport.requireName(id);
        this.via = via;
    }

    /**
     * The command as the node runs it. {@code pct exec} keeps the caller's environment by default
     * (its {@code --keep-env} option exists only on recent Proxmox VE), so the environment is
     * cleared inside the container with POSIX {@code env -i}, which works on every version:
     * {@code pct exec 103 -- env -i PATH=... HOME=/root ARGV...}.
     */
    Command wrap(Command command) {
        String program = command.argv().get(0);
        // env would read "a=b" as a variable and "-x" as its own option.
        if (program.contains("=") || program.startsWith("-")) {
            throw new IllegalArgumentException("program name cannot be run through env: " + program);
        }
        List<String> prefix = new ArrayList<>(List.of("pct", "exec", id, "--", "env", "-i"));
        prefix.add("PATH=" + LxcTransport.PATH);
        prefix.add("HOME=/root");
        return command.wrappedIn(prefix);
    }

    @Override
    public ExecResult exec(Command command) {
        roundTrips.incrementAndGet();
        ExecResult result = LxcTransport.execOnParent(parent, wrap(command), describe());
        failure(id, result).ifPresent(reason -> {
            throw new TransportException(describe() + ": container " + id + " is not running or does not exist ("
                    + reason + ")", true);
        });
        return result;
    }

    /** A Proxmox VE container is an LXC container named by its ID, under LXC's default path. */
    @Override
    public Optional<LxcInit.Hint> localInit() {
        return parent instanceof LocalTransport ? LxcInit.find(id) : Optional.empty();
    }

    @Override
    public void countRoundTrip() {
        roundTrips.incrementAndGet();
        // On the parent too, as a command through it would be: per-host figures subtract a
        // container's round trips from its parent's (Connections.roundTrips).
        if (parent instanceof LocalTransport local) local.countRoundTrip();
    }

    /** Whether a failed result is pct (or the lxc-attach it runs) refusing to enter the container. */
    static Optional<String> failure(String id, ExecResult result) {
        if (result.ok()) return Optional.empty();
        Matcher m = PCT_ERROR.matcher(result.err());
        if (m.find()) return Optional.of("pct: " + m.group(1));
        if (result.exitCode() == 127 && result.err().matches("(?s).*\\bpct\\b.*(not found|No such file|Cannot run program).*")
                && !result.err().contains("Failed to exec")) {
            return Optional.of("pct is not installed on the parent host: " + result.errorLine());
        }
        return LxcTransport.attachFailure(id, result);
    }

    @Override
    public int roundTrips() {
        return roundTrips.get();
    }

    /** {@code pct 103 via pve}. */
    @Override
    public String describe() {
        return "pct " + id + " via " + via;
    }

    /** Nothing to close: the node's connection belongs to the node's host entry. */
    @Override
    public void close() {
    }
}

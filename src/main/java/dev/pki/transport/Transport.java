package dev.pki.transport;

/**
 * A connection to one target. Implementations run an argument list and count round trips; they
 * never interpret the command. A transport is used by one host's work at a time.
 */
public interface Transport extends AutoCloseable {

    /** Runs a command to completion. Throws {@link TransportException} only when the target cannot be reached. */
    ExecResult exec(Command command);

    /** How many commands this transport has run: the figure behind "round trips per host". */
    int roundTrips();

    /** A short description for messages, e.g. {@code local} or {@code lxc 101 via pve}. */
    String describe();

    @Override
    default void close() {
    }
}

package dev.pki.transport;

import java.util.Optional;

/**
 * A container transport ({@code lxc}, {@code pct}) whose container may run on this machine: then
 * its facts can be read in-process through its init's root directory instead of a command run
 * in it (see {@code dev.pki.facts.GuestPaths}). Changes always go through the transport.
 */
public interface LocalContainer {

    /** The container's init, when it runs on this machine and this process may read its files; else empty. */
    Optional<LxcInit.Hint> localInit();

    /** A read done in-process on the container's behalf: counted like a command (on its parent too). */
    void countRoundTrip();
}

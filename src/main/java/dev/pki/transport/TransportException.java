package dev.pki.transport;

/**
 * A target could not be reached or a command on it failed. {@link #unreachable()} separates "the
 * host is not there" (a recap's unreachable) from "a command failed" (failed).
 */
public class TransportException extends RuntimeException {

    private final boolean unreachable;

    public TransportException(String message, boolean unreachable) {
        super(message);
        this.unreachable = unreachable;
    }

    public TransportException(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    public boolean unreachable() {
        return unreachable;
    }
}

package dev.pki.transport;

import com.jcraft.jsch.JSchException;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * Why an SSH connection failed, in one line a user can act on: the network-level reasons JSch
 * wraps, and the host-key verdicts of {@link KnownHostsCheck} with what to do about each.
 */
final class SshFailures {

    private SshFailures() {
    }

    /** The network-level reasons, recognised by the exception JSch wraps or, failing that, its message. */
    static String networkReason(JSchException e, int timeoutSeconds) {
        Throwable cause = e.getCause();
        String message = String.valueOf(e.getMessage());
        if (cause instanceof UnknownHostException u) return "cannot resolve host name " + u.getMessage();
        if (cause instanceof ConnectException c) {
            // "Connection refused", "Network is unreachable (connect failed)", ...
            String m = c.getMessage() == null ? "connection refused" : c.getMessage().replace(" (connect failed)", "");
            return m.isEmpty() ? "connection refused" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        if (cause instanceof NoRouteToHostException) return "no route to host";
        if (cause instanceof SocketTimeoutException && String.valueOf(cause.getMessage()).contains("Read timed out")) {
            return "no SSH handshake within " + timeoutSeconds + " s (the port is open; is it an SSH server?)";
        }
        if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException || message.contains("timeout")
                || message.contains("timed out")) {
            return "connection timed out after " + timeoutSeconds + " s";
        }
        if (message.contains("connection is closed by foreign host") || message.contains("Connection reset")) {
            return "the server closed the connection during the handshake (is it an SSH server? is MaxStartups reached?)";
        }
        if (message.startsWith("Algorithm negotiation fail")) {
            return "no common algorithm with the server (" + oneLine(message) + ")";
        }
        return "cannot connect: " + oneLine(cause != null && cause.getMessage() != null ? cause.getMessage() : message);
    }

    /** {@code host key of [127.0.0.1]:2222 is not known (ssh-ed25519 SHA256:...); add it to FILE, or run with --ssh-host-keys accept-new}. */
    static String unknownKey(KnownHostsCheck.Verdict v, Path file) {
        return "host key of " + v.name() + " is not known (" + v.keyType() + " " + v.fingerprint() + "); add it to " + file
                + ", or run with --ssh-host-keys accept-new";
    }

    static String unknownKeyNotRecorded(KnownHostsCheck.Verdict v, Path file, String why) {
        return "host key of " + v.name() + " is not known (" + v.keyType() + " " + v.fingerprint() + ") and could not be recorded in "
                + file + ": " + oneLine(why);
    }

    /** A changed key: the host, port, key type and file, and how to resolve it if the change is expected. */
    static String changedKey(KnownHostsCheck.Verdict v, Path file) {
        return "host key of " + v.name() + " has CHANGED: the server offers " + v.keyType() + " " + v.fingerprint() + ", but " + file
                + " has a different " + v.keyType() + " key for it; refusing to connect (a changed key is never accepted, not even with"
                + " --ssh-host-keys accept-new). If the change is expected, remove the old key with: ssh-keygen -R '" + v.name()
                + "' -f " + file;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

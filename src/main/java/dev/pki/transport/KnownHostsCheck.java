package dev.pki.transport;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host-key decision for one connection, made against a known_hosts file (plain or hashed
 * entries; JSch's parser) under a {@link HostKeyPolicy}. JSch runs with
 * {@code StrictHostKeyChecking=yes} and asks this repository; besides answering, it remembers the
 * {@link Verdict} so that a refused connection is explained with pki's message rather than JSch's.
 *
 * <p>Under {@code accept-new} an unknown key is appended to the file as one line, under a lock per
 * file that is shared by every connection of this process: with fifty aliases of one server
 * connecting in parallel, the file is re-read under the lock so the key is recorded once, and a
 * key that another connection recorded a moment ago is checked (and may turn out CHANGED). The
 * file is never rewritten, so its comments, order and hashed entries stay as they were.
 */
final class KnownHostsCheck implements HostKeyRepository {

    /** What the check concluded about the server's key. */
    enum Outcome { KNOWN, RECORDED, UNKNOWN, CHANGED }

    /** The outcome with the key it was about, for messages. */
    record Verdict(Outcome outcome, String name, String keyType, String fingerprint) {
    }

    private static final Map<Path, Object> FILE_LOCKS = new ConcurrentHashMap<>();

    private final JSch jsch;
    private final Path file;
    private final HostKeyPolicy policy;
    private final HostKeyRepository known;
    private volatile Verdict verdict;
    private volatile String recordFailure;

    KnownHostsCheck(JSch jsch, Path file, HostKeyPolicy policy) throws JSchException {
        this.jsch = jsch;
        this.file = file;
        this.policy = policy;
        this.known = load(file);
    }

    /** The last decision, or null if the server's key was never checked (the connection failed earlier). */
    Verdict verdict() {
        return verdict;
    }

    Path file() {
        return file;
    }

    @Override
    public int check(String host, byte[] key) {
        int result = known.check(host, key);
        if (result == OK) {
            verdict = verdict(Outcome.KNOWN, host, key);
            return OK;
        }
        if (result == CHANGED || policy != HostKeyPolicy.ACCEPT_NEW) {
            verdict = verdict(result == CHANGED ? Outcome.CHANGED : Outcome.UNKNOWN, host, key);
            return result;
        }
        synchronized (FILE_LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object())) {
            int now;
            try {
                now = load(file).check(host, key);
            } catch (JSchException e) {
                now = result;
            }
            if (now == CHANGED) {
                verdict = verdict(Outcome.CHANGED, host, key);
                return CHANGED;
            }
            if (now == OK) {
                // Another connection of this run recorded it a moment ago.
                verdict = verdict(Outcome.KNOWN, host, key);
                return OK;
            }
            try {
                append(host, key);
            } catch (IOException | JSchException e) {
                // Not recorded, so not trusted: refuse as unknown, and say why it could not be recorded.
                recordFailure = e.getMessage();
                verdict = verdict(Outcome.UNKNOWN, host, key);
                return NOT_INCLUDED;
            }
            verdict = verdict(Outcome.RECORDED, host, key);
            return OK;
        }
    }

    /** Why an accepted key could not be written to the file, if that happened. */
    String recordFailure() {
        return recordFailure;
    }

    private void append(String host, byte[] key) throws IOException, JSchException {
        HostKey hk = new HostKey(host, key);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        String line = host + " " + hk.getType() + " " + hk.getKey() + "\n";
        // Start on a new line if the file does not end with one (hand-edited files often do not).
        if (Files.exists(file) && Files.size(file) > 0) {
            byte[] all = Files.readAllBytes(file);
            if (all[all.length - 1] != '\n') line = "\n" + line;
        }
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private Verdict verdict(Outcome outcome, String host, byte[] key) {
        try {
            HostKey hk = new HostKey(host, key);
            return new Verdict(outcome, host, hk.getType(), hk.getFingerPrint(jsch));
        } catch (JSchException e) {
            return new Verdict(outcome, host, "unknown key type", "");
        }
    }

    private static HostKeyRepository load(Path file) throws JSchException {
        JSch reader = new JSch();
        // A missing file is an empty one (JSch ignores it); every host is then unknown.
        reader.setKnownHosts(file.toString());
        return reader.getHostKeyRepository();
    }

    /** JSch adds keys only when it decides to trust one itself, which StrictHostKeyChecking=yes never does. */
    @Override
    public void add(HostKey hostkey, UserInfo ui) {
    }

    @Override
    public void remove(String host, String type) {
    }

    @Override
    public void remove(String host, String type, byte[] key) {
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return file.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    /** Also used by JSch to prefer the key types already known for the host when negotiating. */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known.getHostKey(host, type);
    }
}

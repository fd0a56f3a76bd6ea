package dev.pki.apply;

import dev.pki.plan.Target;
import dev.pki.resource.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Handlers that must still run, kept on the controller so that a run that fails between a change
 * and its handler runs the handler next time (Ansible and Chef lose these). One line per pending
 * handler: playbook, host and step address, tab-separated. Written atomically on every change.
 */
public final class HandlerStore {

    private final Path file;
    private final Set<String> pending = new LinkedHashSet<>();

    public HandlerStore(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) if (!line.isBlank()) pending.add(line);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read handler state " + file, e);
            }
        }
    }

    /** The default location: {@code $PKI_STATE_DIR}, else {@code $XDG_STATE_HOME/pki}, else {@code ~/.local/state/pki}. */
    public static Path defaultDirectory() {
        String dir = System.getenv("PKI_STATE_DIR");
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "pki");
        return Path.of(System.getProperty("user.home"), ".local", "state", "pki");
    }

    public synchronized boolean isPending(String playbook, String host, String address) {
        return pending.contains(key(playbook, host, address));
    }

    public synchronized void markPending(String playbook, String host, String address) {
        if (pending.add(key(playbook, host, address))) save();
    }

    public synchronized void done(String playbook, String host, String address) {
        if (pending.remove(key(playbook, host, address))) save();
    }

    public synchronized List<String> all() {
        return new ArrayList<>(pending);
    }

    /** A handler left pending by an earlier run, of a step on a host. */
    public record Pending(String host, Resource step) {

        public String command() {
            return step.handler().orElse("");
        }
    }

    /**
     * The handlers of this playbook left pending that applying {@code targets} would run: those
     * whose host and step (with a handler) are still targeted. Plan reports them; apply runs them.
     */
    public synchronized List<Pending> pendingIn(String playbook, List<Target> targets) {
        List<Pending> out = new ArrayList<>();
        for (Target target : targets) {
            for (String host : target.hosts()) {
                for (Resource step : target.play().steps(host)) {
                    if (step.handler().isPresent() && pending.contains(key(playbook, host, step.address().toString()))) {
                        out.add(new Pending(host, step));
                    }
                }
            }
        }
        return out;
    }

    private static String key(String playbook, String host, String address) {
        return playbook + "\t" + host + "\t" + address;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".handlers", ".tmp");
            try {
                Files.write(tmp, pending, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp); // gone after a successful move; never left behind by a failed one
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write handler state " + file, e);
        }
    }
}

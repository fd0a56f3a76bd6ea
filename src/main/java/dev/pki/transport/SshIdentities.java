package dev.pki.transport;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Vector;

/**
 * The keys one SSH connection offers: its key files (decrypted here, once, with the passphrase
 * from the environment variable named by {@code identity_passphrase_env}), then the keys of
 * ssh-agent when {@code SSH_AUTH_SOCK} names a socket. Files come first so that a key the
 * inventory names is tried before a server's {@code MaxAuthTries} runs out on agent keys.
 *
 * <p>This repository is set on the session rather than on JSch, because JSch's own
 * {@code addIdentity} would push key files into the agent once an agent repository is installed.
 * The agent is spoken to over the JDK's own Unix-domain sockets (JSch's multi-release classes for
 * Java 16+), so no native library is needed.
 */
final class SshIdentities implements IdentityRepository {

    private final List<Identity> files;
    private final IdentityRepository agent;
    private final List<String> notes;

    private SshIdentities(List<Identity> files, IdentityRepository agent, List<String> notes) {
        this.files = List.copyOf(files);
        this.agent = agent;
        this.notes = List.copyOf(notes);
    }

    /**
     * Loads the key files and finds the agent.
     *
     * @throws IllegalStateException with a one-line reason (never a secret) when a configured key cannot be used
     */
    static SshIdentities load(JSch jsch, SshSettings settings, SshOptions options) {
        IdentityRepository agent = agent(settings.agentSocket());
        List<Identity> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path p : settings.identities()) {
            boolean explicit = settings.identityExplicit();
            if (!Files.isRegularFile(p)) {
                if (explicit) throw new IllegalStateException("identity file " + p + " does not exist");
                continue;
            }
            KeyPair pair;
            try {
                pair = KeyPair.load(jsch, p.toString());
            } catch (JSchException e) {
                if (explicit) throw new IllegalStateException("identity file " + p + " is not a private key pki can read (" + e.getMessage() + ")");
                continue;
            }
            if (pair.isEncrypted()) {
                Optional<String> env = settings.passphraseEnv();
                if (env.isEmpty()) {
                    if (explicit && agent == null) {
                        throw new IllegalStateException("identity file " + p + " is encrypted: set identity_passphrase_env to the name of an"
                                + " environment variable that holds its passphrase, or load it into ssh-agent");
                    }
                    notes.add("key " + p + " skipped: encrypted and no identity_passphrase_env");
                    continue;
                }
                String passphrase = options.env().get(env.get());
                if (passphrase == null) {
                    throw new IllegalStateException("identity file " + p + " is encrypted, and the environment variable " + env.get()
                            + " (named by identity_passphrase_env) is not set");
                }
                byte[] bytes = passphrase.getBytes(StandardCharsets.UTF_8);
                boolean decrypted;
                try {
                    decrypted = pair.decrypt(bytes);
                } finally {
                    Arrays.fill(bytes, (byte) 0);
                }
                if (!decrypted) {
                    throw new IllegalStateException("wrong passphrase for identity file " + p + " (from environment variable " + env.get() + ")");
                }
            }
            files.add(new KeyIdentity(p.toString(), pair));
        }
        return new SshIdentities(files, agent, notes);
    }

    /** ssh-agent's repository, or null when there is no agent to talk to. */
    private static IdentityRepository agent(Optional<Path> socket) {
        if (socket.isEmpty() || !Files.exists(socket.get())) return null;
        try {
            return new AgentIdentityRepository(new SSHAgentConnector(socket.get()));
        } catch (AgentProxyException | RuntimeException e) {
            return null;
        }
    }

    /** Whether there is anything to offer at all. */
    boolean isEmpty() {
        return files.isEmpty() && agent == null;
    }

    /** What was offered, for an authentication failure: {@code key /root/.ssh/id_ed25519 (ssh-ed25519), ssh-agent (2 keys)}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (Identity i : files) parts.add("key " + i.getName() + " (" + i.getAlgName() + ")");
        if (agent != null) {
            int n = agentKeys().size();
            parts.add("ssh-agent (" + n + (n == 1 ? " key)" : " keys)"));
        }
        parts.addAll(notes);
        return String.join(", ", parts);
    }

    @Override
    public String getName() {
        return "pki";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    /** The key files, then the agent's keys that are not among them. */
    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>(files);
        for (Identity a : agentKeys()) {
            if (files.stream().noneMatch(f -> Arrays.equals(f.getPublicKeyBlob(), a.getPublicKeyBlob()))) all.add(a);
        }
        return all;
    }

    private List<Identity> agentKeys() {
        if (agent == null) return List.of();
        try {
            return agent.getIdentities();
        } catch (RuntimeException e) {
            return List.of();   // an agent that went away offers nothing
        }
    }

    /** pki never adds keys to anything. */
    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
    }

    /** Forgets the decrypted keys. */
    void clear() {
        files.forEach(Identity::clear);
    }

    /** A key file, already decrypted, as JSch's public {@link Identity}. */
    private static final class KeyIdentity implements Identity {

        private final String name;
        private final KeyPair pair;

        KeyIdentity(String name, KeyPair pair) {
            this.name = name;
            this.pair = pair;
        }

        @Override
        public boolean setPassphrase(byte[] passphrase) {
            return pair.decrypt(passphrase);
        }

        @Override
        public byte[] getPublicKeyBlob() {
            return pair.getPublicKeyBlob();
        }

        @Override
        public byte[] getSignature(byte[] data) {
            return pair.getSignature(data);
        }

        @Override
        public byte[] getSignature(byte[] data, String alg) {
            return pair.getSignature(data, alg);
        }

        @Override
        public String getAlgName() {
            return pair.getKeyTypeString();
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isEncrypted() {
            return pair.isEncrypted();
        }

        @Override
        public void clear() {
            pair.dispose();
        }
    }
}

package dev.pki.transport;

import dev.pki.model.Sensitive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach one SSH host, resolved from its inventory variables; pki's names first, then
 * Ansible's (docs/ssh.md has the table):
 *
 * <pre>
 * address    / ansible_host                 the host name                     where to connect
 * port       / ansible_port                 22
 * user       / ansible_user                 the local user name
 * identity   / ansible_ssh_private_key_file ~/.ssh/id_ed25519, id_ecdsa, id_rsa (those that exist)
 * identity_passphrase_env                   -                                 name of an environment variable holding the key's passphrase
 * password   / ansible_password, ansible_ssh_pass   -                         password authentication, only when set
 * known_hosts                               ~/.ssh/known_hosts
 * timeout    / ansible_timeout              10                                connect timeout in seconds
 * ssh_kex                                   curve25519-sha256,... (no PQ)     key exchange algorithms, in order of preference
 * </pre>
 *
 * Key exchange: the default list leaves out the post-quantum hybrid sntrup761x25519. With
 * BouncyCastle present JSch would use it, and JSch also tries every listed algorithm at connect
 * time to see that it works; BouncyCastle's pure-Java SNTRUP761 key generation costs about 0.35 s
 * of CPU each time (JFR: 17 s of a 50-host plan). A fleet that wants post-quantum protection in
 * transit sets {@code ssh_kex: sntrup761x25519-sha512@openssh.com,curve25519-sha256} and pays that.
 *
 * The password is held as {@link Sensitive}; the passphrase is not held at all, only the name of
 * the variable it is read from when connecting. {@link #toString()} therefore shows no secret.
 *
 * @param host              the inventory name, for messages
 * @param identities        key files to offer, in order
 * @param identityExplicit  whether {@code identities} was configured (a problem with it is then an error, not a skip)
 * @param passphraseEnv     the environment variable holding the identity's passphrase, if any
 * @param agentSocket       ssh-agent's socket ({@code SSH_AUTH_SOCK}) if set
 */
public record SshSettings(String host, String address, int port, String user, List<Path> identities, boolean identityExplicit,
                          Optional<String> passphraseEnv, Optional<Sensitive> password, Path knownHosts, int timeoutSeconds, String kex,
                          Optional<Path> agentSocket) {

    static final int DEFAULT_PORT = 22;
    static final int DEFAULT_TIMEOUT_SECONDS = 10;
    static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    public SshSettings {
        identities = List.copyOf(identities);
    }

    /**
     * Resolves a host's settings from its merged inventory variables.
     *
     * @throws TransportException (unreachable) naming the variable, when a value is unusable
     */
    /** Fast, widely supported key exchanges (OpenSSH's order without the post-quantum hybrid). */
    static final String DEFAULT_KEX = "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,"
            + "ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,"
            + "diffie-hellman-group14-sha256";

    public static SshSettings resolve(String host, Map<String, Object> vars, SshOptions options) {
        String address = text(vars, "address", "ansible_host").orElse(host);
        int port = number(host, vars, 1, 65535, DEFAULT_PORT, "port", "ansible_port");
        String user = text(vars, "user", "ansible_user").orElse(options.localUser());
        Optional<String> identity = text(vars, "identity", "ansible_ssh_private_key_file");
        List<Path> identities = new ArrayList<>();
        if (identity.isPresent()) {
            identities.add(path(identity.get(), options.home()));
        } else {
            for (String name : DEFAULT_KEYS) {
                Path p = options.home().resolve(".ssh").resolve(name);
                if (Files.isRegularFile(p)) identities.add(p);
            }
        }
        Optional<String> passphraseEnv = text(vars, "identity_passphrase_env", null);
        Optional<Sensitive> password = text(vars, "password", "ansible_password").or(() -> text(vars, "ansible_ssh_pass", null)).map(Sensitive::new);
        Path knownHosts = text(vars, "known_hosts", null).map(p -> path(p, options.home()))
                .orElse(options.home().resolve(".ssh").resolve("known_hosts"));
        int timeout = number(host, vars, 1, 3600, DEFAULT_TIMEOUT_SECONDS, "timeout", "ansible_timeout");
        Optional<Path> agent = Optional.ofNullable(options.env().get("SSH_AUTH_SOCK")).filter(s -> !s.isBlank()).map(Path::of);
        String kex = text(vars, "ssh_kex", null).orElse(DEFAULT_KEX);
        return new SshSettings(host, address, port, user, identities, identity.isPresent(), passphraseEnv, password, knownHosts, timeout, kex, agent);
    }

    /** {@code root@192.0.2.10:22}, {@code root@[2001:db8::1]:22}: the target as messages name it. */
    public String target() {
        String a = address.contains(":") ? "[" + address + "]" : address;
        return user + "@" + a + ":" + port;
    }

    /** The host's name in known_hosts: {@code address}, or {@code [address]:port} off port 22 (as OpenSSH writes it). */
    public String knownHostsName() {
        return port == DEFAULT_PORT ? address : "[" + address + "]:" + port;
    }

    private static Optional<String> text(Map<String, Object> vars, String ours, String ansible) {
        Object v = vars.get(ours);
        if (v == null && ansible != null) v = vars.get(ansible);
        return v == null ? Optional.empty() : Optional.of(v.toString().strip()).filter(s -> !s.isEmpty());
    }

    private static int number(String host, Map<String, Object> vars, int min, int max, int fallback, String ours, String ansible) {
        Optional<String> text = text(vars, ours, ansible);
        if (text.isEmpty()) return fallback;
        String name = vars.get(ours) != null ? ours : ansible;
        try {
            int n = Integer.parseInt(text.get());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TransportException("host " + host + ": " + name + " must be a whole number from " + min + " to " + max
                + ", got '" + text.get() + "'", true);
    }

    /** {@code ~} and {@code ~/...} are the controller user's home, as in OpenSSH and Ansible. */
    static Path path(String text, Path home) {
        if (text.equals("~")) return home;
        if (text.startsWith("~/")) return home.resolve(text.substring(2));
        return Path.of(text).toAbsolutePath().normalize();
    }
}

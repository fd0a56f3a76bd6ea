package dev.pki.transport;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of a whole run that apply to every SSH host, as opposed to the per-host
 * {@link SshSettings} from inventory variables: the host-key policy chosen on the command line, and
 * the controller's environment (for {@code SSH_AUTH_SOCK} and key passphrases), home directory and
 * user name, passed in rather than read from globals so tests can supply their own.
 *
 * @param hostKeys  what to do with unknown host keys
 * @param env       the environment of this process
 * @param home      the home directory of this user ({@code ~/.ssh/...} defaults)
 * @param localUser the default remote user name
 * @param notices   where one-line notices go, e.g. "recorded the host key of ..." (never secrets)
 */
public record SshOptions(HostKeyPolicy hostKeys, Map<String, String> env, Path home, String localUser, Consumer<String> notices) {

    public SshOptions {
        Objects.requireNonNull(hostKeys, "hostKeys");
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(localUser, "localUser");
        Objects.requireNonNull(notices, "notices");
    }

    /** This process's environment, home and user, with the given policy; notices are dropped. */
    public static SshOptions of(HostKeyPolicy hostKeys) {
        return new SshOptions(hostKeys, System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("user.name"), n -> { });
    }

    /** Strict host keys: what a run without {@code --ssh-host-keys} gets. */
    public static SshOptions defaults() {
        return of(HostKeyPolicy.STRICT);
    }

    public SshOptions withNotices(Consumer<String> sink) {
        return new SshOptions(hostKeys, env, home, localUser, sink);
    }

    public SshOptions withEnv(Map<String, String> environment) {
        return new SshOptions(hostKeys, environment, home, localUser, notices);
    }
}

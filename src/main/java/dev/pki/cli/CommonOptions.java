package dev.pki.cli;

import dev.pki.apply.HandlerStore;
import dev.pki.diag.PkiException;
import dev.pki.transport.HostKeyPolicy;
import dev.pki.transport.SshOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options shared by plan, apply and validate. */
final class CommonOptions {

    @Parameters(index = "0", paramLabel = "PLAYBOOK", description = "The Groovy playbook, e.g. playbooks/phoenix.groovy."
            + " Apply also takes a saved plan (plan --out).")
    Path playbook;

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "A YAML inventory (Ansible's shape), or a folder of them; repeatable."
                    + " Without one, only 'localhost' exists (local connection).")
    List<Path> inventories = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "KEY=VALUE",
            description = "A variable for the playbook's 'vars' (repeatable); overrides the inventory.")
    List<String> extraVars = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "PATTERN", description = "Only touch the hosts that match PATTERN, such as 'guests:!ct102'.")
    String limit;

    @Option(names = "--strict", description = "A host pattern or --limit that matches no host is an error, not a warning.")
    boolean strict;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "10", description = "Hosts worked on in parallel (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where pki remembers pending handlers. Default: $PKI_STATE_DIR if set, else $XDG_STATE_HOME/pki, else ~/.local/state/pki.")
    Path stateDir;

    @Option(names = "--no-color", description = "No colour (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    @Option(names = "--debug", description = "Show stack traces, round trips per host and the time of each phase.")
    boolean debug;

    @Option(names = "--ssh-host-keys", paramLabel = "POLICY", defaultValue = "strict",
            description = "SSH host keys not in known_hosts: strict (default) refuses them, accept-new records them and goes on."
                    + " A changed key is always refused (docs/ssh.md).")
    String sshHostKeys;

    Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String kv : extraVars) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new PkiException("-e expects KEY=VALUE, got '" + kv + "'");
            vars.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return vars;
    }

    /** Run-wide SSH settings for {@code Connections}; notices such as a recorded host key go to standard error. */
    SshOptions sshOptions() {
        try {
            return SshOptions.of(HostKeyPolicy.parse(sshHostKeys))
                    .withNotices(n -> System.err.println("note: " + n));
        } catch (IllegalArgumentException e) {
            throw new PkiException(e.getMessage());
        }
    }

    Path stateDirectory() {
        return stateDir != null ? stateDir : HandlerStore.defaultDirectory();
    }

    /** The handlers left pending by earlier applies (read by plan, kept up to date by apply). */
    HandlerStore handlers() {
        return new HandlerStore(stateDirectory().resolve("pending-handlers"));
    }
}

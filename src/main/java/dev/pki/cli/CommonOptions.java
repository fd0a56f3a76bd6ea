package dev.pki.cli;

import dev.pki.apply.HandlerStore;
import dev.pki.diag.PkiException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options shared by plan, apply and validate. */
final class CommonOptions {

    @Parameters(index = "0", paramLabel = "PLAYBOOK", description = "The Groovy playbook, e.g. playbooks/phoenix.groovy"
            + " (for apply, also a saved plan file made by 'pki plan --out').")
    Path playbook;

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "A YAML inventory (Ansible's shape). Without one, only 'localhost' exists (local connection).")
    List<Path> inventories = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "KEY=VALUE",
            description = "A variable for the playbook's 'vars' (repeatable); overrides the inventory.")
    List<String> extraVars = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "PATTERN", description = "Only touch hosts matching this pattern, e.g. 'guests:!ct102'.")
    String limit;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "10", description = "Hosts worked on in parallel (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where pki remembers pending handlers (default: $PKI_STATE_DIR, $XDG_STATE_HOME/pki or ~/.local/state/pki).")
    Path stateDir;

    @Option(names = "--no-color", description = "No colour (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    @Option(names = "--debug", description = "Show stack traces and round trips per host.")
    boolean debug;

    Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String kv : extraVars) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new PkiException("-e expects KEY=VALUE, got '" + kv + "'");
            vars.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return vars;
    }

    Path stateDirectory() {
        return stateDir != null ? stateDir : HandlerStore.defaultDirectory();
    }
}

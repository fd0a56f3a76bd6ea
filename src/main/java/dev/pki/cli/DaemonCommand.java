package dev.pki.cli;

import dev.pki.cli.daemon.Daemons;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code pki daemon status|stop}: the warm JVMs that serve runs when {@code PKI_DAEMON=1}. */
@Command(name = "daemon", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Show or stop your pki daemons: warm JVMs that serve runs when PKI_DAEMON=1 is set (docs/daemon.md).", "",
                "With PKI_DAEMON=1, a run hands itself to the daemon started for its user, pki jar, Java options, working"
                        + " directory and environment, and the first such run starts it. A daemon serves one run at a time,"
                        + " forgets opened CA keys after each and exits after PKI_DAEMON_IDLE seconds idle (default 600).", ""},
        footer = {"", "Examples:",
                "  PKI_DAEMON=1 pki plan playbooks/phoenix.groovy -i inventory/phoenix.yml",
                "  pki daemon status",
                "  pki daemon stop",
                "Exit codes: 0 success, 1 error."})
final class DaemonCommand implements Callable<Integer> {

    enum Action { status, stop }

    @Parameters(index = "0", paramLabel = "ACTION", description = "status: list the running daemons; stop: stop them all.")
    Action action;

    @Override
    public Integer call() {
        List<String> lines;
        try {
            lines = action == Action.stop ? Daemons.stop() : Daemons.status();
        } catch (IllegalStateException e) {
            System.err.println("Error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        if (lines.isEmpty()) System.out.println("No pki daemon is running (" + Daemons.directory() + ").");
        lines.forEach(System.out::println);
        return ExitCodes.OK;
    }
}

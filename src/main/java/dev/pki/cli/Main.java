package dev.pki.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pki}: the entry point. */
@Command(name = "pki",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Declarative provisioning for private PKI: CAs, certificates, trust, ZFS datasets and containers.", "",
                "A Groovy playbook and an inventory describe the desired state: 'pki plan' shows what would change and why,"
                        + " and 'pki apply' makes it so, idempotently.", ""},
        subcommands = {PlanCommand.class, ApplyCommand.class, ShowCommand.class, GraphCommand.class, ValidateCommand.class, InventoryCommand.class, DaemonCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 error, 2 changes present (only with plan --detailed-exitcode).",
                "Documentation: docs/cli.md, docs/dsl.md."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final java.util.Set<String> PLAYBOOK_COMMANDS = java.util.Set.of("plan", "apply", "validate", "graph");

    public static void main(String[] args) {
        System.exit(runInFreshProcess(args));
    }

    /** Runs pki as the only run of this JVM: start-up work goes ahead on the other core. */
    public static int runInFreshProcess(String... args) {
        // Only commands that load a playbook need it; --version and show would just pay for it.
        if (args.length > 0 && PLAYBOOK_COMMANDS.contains(args[0])) warmUpInBackground();
        return run(args);
    }

    /** Initialises Groovy's runtime and the crypto provider (the daemon calls it as it starts). */
    public static void warmUp() {
        dev.pki.dsl.PlaybookLoader.warmUp();
        dev.pki.crypto.Certs.warmUp();
    }

    /**
     * Start-up work nearly every command needs and the main thread would otherwise do later, in
     * series: Groovy's runtime and the crypto provider. A daemon thread does it now, on the other
     * core, while picocli parses and the inventory loads; class initialisation is thread-safe, so
     * the main thread simply finds it done (or waits for it). Failures are left for the main
     * thread to meet and report.
     */
    private static void warmUpInBackground() {
        Thread warm = new Thread(() -> {
            try {
                warmUp();
            } catch (RuntimeException | LinkageError ignored) {
                // The main thread meets the same problem and reports it.
            }
        }, "pki-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** Runs pki with these arguments and returns the exit code (tests call this). */
    public static int run(String... args) {
        // picocli supports Groovy closures in its annotations (pki uses none): with Groovy on the
        // class path it would initialise Groovy's whole runtime (~0.2 s) on the main thread before
        // parsing a single option, even for --version. Groovy starts on the warm-up thread instead.
        System.setProperty("picocli.disable.closures", "true");
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new Failures());
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("Error: " + e.getMessage());
            e.getCommandLine().getErr().println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.ERROR;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"pki " + (v == null ? VERSION : v), "Java " + System.getProperty("java.version")};
        }
    }

    static final String VERSION = dev.pki.model.PkiVersion.CURRENT;
}

package dev.pki.cli;

import dev.pki.diag.PkiException;
import dev.pki.engine.Connections;
import dev.pki.engine.Engine;
import dev.pki.plan.Plan;
import dev.pki.render.PlanRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code pki plan}: what would change, and why. Changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what apply would change on each host, with a reason for every change. Changes nothing.", ""},
        footer = {"", "Exit codes: 0 success, 1 error; with --detailed-exitcode: 0 no changes, 2 changes present, 1 error."})
final class PlanCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--detailed-exitcode", description = "Exit 0 when there are no changes, 2 when there are, 1 on error.")
    boolean detailedExitCode;

    @Override
    public Integer call() {
        Prepared prepared = Prepared.from(options, System.err);
        try (Connections connections = new Connections(prepared.inventory())) {
            Plan plan = new Engine(connections, Clock.systemUTC(), options.forks).plan(prepared.targets());
            Reports.debugRoundTrips(options, connections);
            Reports.failIfBroken(plan);
            System.out.print(new PlanRenderer(prepared.style()).render(plan));
            return detailedExitCode && plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
        }
    }
}

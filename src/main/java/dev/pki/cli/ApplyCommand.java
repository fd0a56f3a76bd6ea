package dev.pki.cli;

import dev.pki.apply.Applier;
import dev.pki.apply.HandlerStore;
import dev.pki.apply.HostRecap;
import dev.pki.engine.Connections;
import dev.pki.engine.Engine;
import dev.pki.plan.Plan;
import dev.pki.render.ApplyRenderer;
import dev.pki.render.PlanRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Console;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pki apply}: show the plan, confirm, make it so, verify, recap. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Show the plan, ask for confirmation, then make the changes: hosts in parallel, steps in order.",
                "Every step is verified by reading the host again; a second apply reports no changes.", ""},
        footer = {"", "Without a terminal, apply refuses to run unless --yes is given.",
                "Exit codes: 0 success (or nothing to do), 1 error or any host failed."})
final class ApplyCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
        Prepared prepared = Prepared.from(options, System.err);
        HandlerStore handlers = new HandlerStore(options.stateDirectory().resolve("pending-handlers"));
        String playbook = prepared.playbook().file().toString();
        boolean pendingHandlers = handlers.all().stream().anyMatch(k -> k.startsWith(playbook + "\t"));
        try (Connections connections = new Connections(prepared.inventory())) {
            Clock clock = Clock.systemUTC();
            Plan plan = new Engine(connections, clock, options.forks).plan(prepared.targets());
            Reports.failIfBroken(plan);
            PlanRenderer planRenderer = new PlanRenderer(prepared.style());
            if (!plan.hasChanges() && !pendingHandlers) {
                System.out.println(planRenderer.summary(plan));
                return ExitCodes.OK;
            }
            System.out.print(planRenderer.render(plan));
            if (pendingHandlers) System.out.println("Handlers left pending by an earlier run will run.");
            if (!confirmed()) return ExitCodes.ERROR;
            ApplyRenderer renderer = new ApplyRenderer(prepared.style(), System.out);
            Map<String, HostRecap> recap = new Applier(connections, clock, options.forks, handlers, playbook, renderer)
                    .apply(prepared.targets());
            System.out.print(renderer.recap(recap));
            Reports.debugRoundTrips(options, connections);
            return recap.values().stream().anyMatch(HostRecap::hasFailed) ? ExitCodes.ERROR : ExitCodes.OK;
        }
    }

    private boolean confirmed() {
        if (yes) return true;
        Console console = System.console();
        if (console == null) {
            System.err.println("Error: not applying without confirmation: there is no terminal to ask. Pass --yes to apply.");
            return false;
        }
        String answer = console.readLine("%nApply these changes? Only 'yes' is accepted: ");
        if ("yes".equals(answer == null ? null : answer.strip())) return true;
        System.err.println("Apply cancelled; nothing was changed.");
        return false;
    }
}

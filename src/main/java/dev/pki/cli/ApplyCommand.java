package dev.pki.cli;

import dev.pki.apply.Applier;
import dev.pki.apply.HandlerStore;
import dev.pki.apply.HostRecap;
import dev.pki.engine.Connections;
import dev.pki.engine.Engine;
import dev.pki.plan.Plan;
import dev.pki.planfile.PlanFile;
import dev.pki.planfile.SavedPlan;
import dev.pki.render.ApplyRenderer;
import dev.pki.render.PlanJson;
import dev.pki.render.PlanRenderer;
import dev.pki.render.PlanView;
import dev.pki.render.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code pki apply}: show the plan, confirm, make it so, verify, recap. */
@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Show the plan, ask for confirmation, then make the changes: hosts in parallel, steps in order.",
                "Every step is verified by reading the host again; a second apply reports no changes.",
                "Given a plan file (pki plan --out FILE), applies exactly that plan without asking, or refuses it as stale.", ""},
        footer = {"", "Without a terminal, apply refuses to run unless --yes is given (a saved plan needs no confirmation).",
                "Exit codes: 0 success (or nothing to do), 1 error, stale plan, or any host failed."})
final class ApplyCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
        PhaseTimes times = new PhaseTimes();
        if (PlanFile.looksLikePlan(options.playbook)) return applySaved(times);
        Prepared prepared = Prepared.from(options, System.err);
        times.done("load");
        HandlerStore handlers = options.handlers();
        String playbook = prepared.playbook().file().toString();
        List<HandlerStore.Pending> pending = handlers.pendingIn(playbook, prepared.targets());
        try (Connections connections = new Connections(prepared.inventory(), options.sshOptions())) {
            Clock clock = Clock.systemUTC();
            Engine engine = new Engine(connections, clock, options.forks);
            Instant readAt = clock.instant();
            Engine.Gathered gathered = engine.gather(prepared.targets());
            times.done("facts");
            Plan plan = engine.plan(prepared.targets(), gathered);
            times.done("plan");
            Reports.failIfBroken(plan);
            PlanView view = PlanView.of(plan);
            PlanRenderer planRenderer = new PlanRenderer(prepared.style());
            if (!plan.hasChanges() && pending.isEmpty()) {
                System.out.println(planRenderer.summary(view));
                Reports.debugFigures(options, connections, times);
                // Nothing to do on the hosts that were read; an unreachable host is still a failure.
                return plan.unreachable().isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
            }
            System.out.print(planRenderer.render(view));
            System.out.print(Reports.pendingHandlers(pending));
            if (!confirmed()) return ExitCodes.ERROR;
            times.restart();
            Applier applier = new Applier(connections, clock, options.forks, handlers, playbook, renderer(prepared));
            // Without a prompt the plan's facts are moments old: apply starts from them (see Applier.startingFrom).
            if (yes) applier.startingFrom(gathered.facts(), readAt);
            applier.preparing(plan.steps());
            return run(prepared, connections, clock, applier, times);
        }
    }

    /** Applies a saved plan: same inputs, same facts (else stale), only the changes it lists. */
    private int applySaved(PhaseTimes times) {
        SavedPlan saved = PlanFile.read(options.playbook, Main.VERSION);
        Prepared prepared = Prepared.of(SavedPlans.checkInputs(saved), SavedPlans.inventories(saved), Map.copyOf(saved.vars()),
                saved.limit(), options.strict, options.noColor, System.err);
        times.done("load");
        try (Connections connections = new Connections(prepared.inventory(), options.sshOptions())) {
            Clock clock = Clock.systemUTC();
            Instant readAt = clock.instant();
            Engine.Gathered now = new Engine(connections, clock, options.forks).gather(prepared.targets());
            times.done("facts");
            SavedPlans.refuseIfStale(saved, now, options.playbook);
            PlanView view = PlanJson.read(saved.plan());
            System.out.print(new PlanRenderer(prepared.style()).render(view));
            if (!view.hasChanges()) return ExitCodes.OK;
            Set<String> changes = saved.changedSteps();
            String playbook = prepared.playbook().file().toString();
            return run(prepared, connections, clock, new Applier(connections, clock, options.forks, options.handlers(), playbook,
                    renderer(prepared)).onlyChanging((host, address) -> changes.contains(host + "\t" + address))
                    .startingFrom(now.facts(), readAt), times);   // the facts just checked against the plan
        }
    }

    private int run(Prepared prepared, Connections connections, Clock clock, Applier applier, PhaseTimes times) {
        Map<String, HostRecap> recap = applier.apply(prepared.targets());
        times.done("apply");
        System.out.print(renderer(prepared).recap(recap));
        Reports.debugFigures(options, connections, times);
        return recap.values().stream().anyMatch(HostRecap::hasFailed) ? ExitCodes.ERROR : ExitCodes.OK;
    }

    private ApplyRenderer renderer;

    /** One renderer per run: live progress on a terminal, plain lines otherwise. */
    private ApplyRenderer renderer(Prepared prepared) {
        if (renderer == null) renderer = new ApplyRenderer(prepared.style(), System.out, Terminal.current().present());
        return renderer;
    }

    private boolean confirmed() {
        if (yes) return true;
        Terminal terminal = Terminal.current();
        if (!terminal.present()) {
            System.err.println("Error: not applying without confirmation: there is no terminal to ask. Pass --yes to apply.");
            return false;
        }
        String answer = terminal.readLine(System.lineSeparator() + "Apply these changes? Only 'yes' is accepted: ");
        if ("yes".equals(answer == null ? null : answer.strip())) return true;
        System.err.println("Apply cancelled; nothing was changed.");
        return false;
    }
}

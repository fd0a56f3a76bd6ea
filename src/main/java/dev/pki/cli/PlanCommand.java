package dev.pki.cli;

import dev.pki.apply.HandlerStore;
import dev.pki.engine.Connections;
import dev.pki.engine.Engine;
import dev.pki.plan.Plan;
import dev.pki.plan.Planner;
import dev.pki.planfile.PlanFile;
import dev.pki.planfile.SavedPlan;
import dev.pki.render.PlanJson;
import dev.pki.render.PlanView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code pki plan}: what would change, and why. Changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Show what apply would change on each host, with a reason for every change. Changes nothing.", ""},
        footer = {"", "Exit codes: 0 success, 1 error. With --detailed-exitcode: 0 no changes, 1 error, 2 changes present.",
                "A plan saved with --out is applied exactly with 'pki apply FILE' (see docs/code-review.md)."})
final class PlanCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--detailed-exitcode", description = "Exit 0 without changes, 2 with changes (pending handlers count), 1 on error.")
    boolean detailedExitCode;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json (docs/plan-json.md) or markdown (for pull-request comments).")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Also save the plan to FILE, to apply exactly this plan later.")
    Path out;

    @Override
    public Integer call() {
        PhaseTimes times = new PhaseTimes();
        Prepared prepared = Prepared.from(options, System.err);
        times.done("load");
        try (Connections connections = new Connections(prepared.inventory(), options.sshOptions())) {
            Engine engine = new Engine(connections, Clock.systemUTC(), options.forks);
            Engine.Gathered gathered = engine.gather(prepared.targets());
            times.done("facts");
            Plan plan = engine.plan(prepared.targets(), gathered);
            times.done("plan");
            Reports.debugFigures(options, connections, times);
            Reports.failIfBroken(plan);
            PlanView view = PlanView.of(plan);
            if (out != null) save(prepared, gathered, view);
            System.out.print(format.render(view, prepared.style()));
            // Handlers an earlier, failed run left pending are something apply would do, too.
            List<HandlerStore.Pending> pending = options.handlers().pendingIn(prepared.playbook().file().toString(), prepared.targets());
            (format == OutputFormat.text ? System.out : System.err).print(Reports.pendingHandlers(pending));
            if (out != null && format == OutputFormat.text) System.out.println("\nSaved this plan to " + out + "; apply it with: pki apply " + out);
            if (!plan.unreachable().isEmpty()) return ExitCodes.ERROR;   // the plan is incomplete
            return detailedExitCode && (plan.hasChanges() || !pending.isEmpty()) ? ExitCodes.CHANGES : ExitCodes.OK;
        }
    }

    private void save(Prepared prepared, Engine.Gathered gathered, PlanView view) {
        byte[] saltBytes = new byte[16];
        new SecureRandom().nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        Map<String, Map<String, String>> fingerprints = new TreeMap<>();
        gathered.facts().forEach((host, facts) -> fingerprints.put(host, facts.fingerprints(salt)));
        Map<String, String> vars = new LinkedHashMap<>();
        options.vars().forEach((k, v) -> vars.put(k, String.valueOf(v)));
        PlanFile.write(out, new SavedPlan(Main.VERSION, java.time.Instant.now().toString(),
                PlanFile.inputFile(options.playbook), options.inventories.stream().map(PlanFile::inputFile).toList(),
                vars, options.limit, salt, fingerprints, PlanJson.document(view, Main.VERSION)));
    }
}

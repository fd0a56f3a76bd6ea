package dev.pki.cli;

import dev.pki.apply.HandlerStore;
import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.engine.Connections;
import dev.pki.plan.Plan;
import dev.pki.render.DiagnosticRenderer;
import dev.pki.render.Style;

import java.util.ArrayList;
import java.util.List;

/** Small output duties shared by commands. */
final class Reports {

    private Reports() {
    }

    /**
     * A plan with errors is not shown as a plan: its problems are, and the command fails.
     * Unreachable hosts are not errors here — they are left out and reported, and the others are
     * planned (and applied) as usual; commands still exit 1 for them.
     */
    static void failIfBroken(Plan plan) {
        List<Diagnostic> problems = new ArrayList<>(plan.diagnostics());
        if (problems.stream().anyMatch(Diagnostic::isError)) throw new PkiException(problems);
        plan.unreachable().forEach((host, why) -> problems.add(Diagnostic.warning(SourceLocation.UNKNOWN,
                "host " + host + " is unreachable and left out: " + why)));
        if (!problems.isEmpty()) System.err.print(new DiagnosticRenderer(Style.detect(true)).render(problems));
    }

    /** One line per handler an apply would run although its step has nothing to change. */
    static String pendingHandlers(List<HandlerStore.Pending> pending) {
        StringBuilder out = new StringBuilder();
        for (HandlerStore.Pending p : pending) {
            out.append("Pending from an earlier run: ").append(p.host()).append(' ').append(p.step().address())
                    .append(": handler will run (").append(p.command()).append(")\n");
        }
        return out.toString();
    }

    /** With {@code --debug}: the round trips each host took, and how long each phase of the run took. */
    static void debugFigures(CommonOptions options, Connections connections, PhaseTimes times) {
        if (!options.debug) return;
        connections.roundTrips().forEach((host, n) -> System.err.println("debug: " + host + ": " + count(n, "round trip")));
        System.err.println(times.line());
    }

    /** "1 play", "2 plays". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

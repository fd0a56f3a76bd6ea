package dev.pki.cli;

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

    /** A plan with errors or unreachable hosts is not shown as a plan: its problems are, and the command fails. */
    static void failIfBroken(Plan plan) {
        List<Diagnostic> problems = new ArrayList<>(plan.diagnostics());
        plan.unreachable().forEach((host, why) -> problems.add(Diagnostic.error(SourceLocation.UNKNOWN, "host " + host + " is unreachable: " + why)));
        if (problems.stream().anyMatch(Diagnostic::isError)) throw new PkiException(problems);
        if (!problems.isEmpty()) System.err.print(new DiagnosticRenderer(Style.detect(true)).render(problems));
    }

    static void debugRoundTrips(CommonOptions options, Connections connections) {
        if (!options.debug) return;
        connections.roundTrips().forEach((host, n) -> System.err.println("debug: " + host + ": " + n + " round trip" + (n == 1 ? "" : "s")));
    }
}

package dev.pki.cli;

import dev.pki.plan.DependencyGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code pki graph}: the dependency graph of the steps, as Mermaid or DOT. Contacts no host. */
@Command(name = "graph", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Print which step depends on which, as a Mermaid flowchart (default) or Graphviz DOT. Contacts no host.",
                "A typical chain: CA → exported root → trust on each guest → certificates.", ""},
        footer = {"", "Example: pki graph PLAYBOOK --format dot | dot -Tsvg > graph.svg",
                "Exit codes: 0 success, 1 error."})
final class GraphCommand implements Callable<Integer> {

    enum Format { mermaid, dot }

    @Mixin
    CommonOptions options;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid", description = "mermaid (default) or dot.")
    Format format;

    @Override
    public Integer call() {
        Prepared prepared = Prepared.from(options, System.err);
        DependencyGraph graph = DependencyGraph.of(prepared.targets());
        System.out.print(format == Format.dot ? graph.dot() : graph.mermaid());
        return ExitCodes.OK;
    }
}

package dev.pki.cli;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.diag.Suggestions;
import dev.pki.inventory.Host;
import dev.pki.inventory.Inventory;
import dev.pki.inventory.InventoryExport;
import dev.pki.inventory.InventoryLoader;
import dev.pki.render.DiagnosticRenderer;
import dev.pki.render.Style;
import groovy.json.JsonOutput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pki inventory}: the merged inventory as JSON or as a group tree, like {@code ansible-inventory}. Contacts no host. */
@Command(name = "inventory", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Print the merged inventory as JSON or as a group tree, like ansible-inventory. Contacts no host.",
                "Every -i is merged, group_vars/ and host_vars/ are applied and variables are resolved by precedence"
                        + " (docs/inventory.md).", ""},
        footer = {"", "Values of variables whose name contains pass, secret, token or key are shown as (sensitive).",
                "Examples:",
                "  pki inventory -i inventory/phoenix.yml --graph",
                "  pki inventory -i inventory/ --list",
                "  pki inventory -i inventory/phoenix.yml --host ct101 -e out=/tmp/x",
                "Exit codes: 0 success, 1 error."})
final class InventoryCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "A YAML inventory file or a folder of them (repeatable; later ones win per variable)."
                    + " Without one, only 'localhost' exists.")
    List<Path> inventories = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "KEY=VALUE",
            description = "An extra variable (repeatable); overrides the inventory for every host.")
    List<String> extraVars = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--list", description = "Every group and the variables of every host, as JSON (ansible-inventory --list).")
        boolean list;

        @Option(names = "--graph", arity = "0..1", paramLabel = "GROUP", fallbackValue = "all",
                description = "The group tree from GROUP (default: all), with each group's hosts.")
        String graph;

        @Option(names = "--host", paramLabel = "HOST", description = "The variables of one host, as JSON.")
        String host;
    }

    @Option(names = "--no-color", description = "No colour (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    @Option(names = "--debug", description = "Show stack traces.")
    boolean debug;

    @Override
    public Integer call() {
        CommonOptions options = new CommonOptions();
        options.extraVars = extraVars;
        Map<String, Object> extra = options.vars();
        Inventory inventory = inventories.isEmpty() ? Inventory.implicit(extra) : InventoryLoader.load(inventories, extra);
        System.err.print(new DiagnosticRenderer(Style.detect(noColor)).render(inventory.warnings()));
        if (mode.list) {
            System.out.print(json(InventoryExport.list(inventory)));
        } else if (mode.host != null) {
            Host h = inventory.host(mode.host);
            if (h == null) {
                throw new PkiException(Diagnostic.error(SourceLocation.UNKNOWN, "no host '" + mode.host + "' in the inventory")
                        .withSuggestion(Suggestions.didYouMean(mode.host, inventory.hosts().keySet())));
            }
            System.out.print(json(InventoryExport.host(h)));
        } else {
            if (!inventory.tree().containsKey(mode.graph)) {
                throw new PkiException(Diagnostic.error(SourceLocation.UNKNOWN, "--graph: no group '" + mode.graph
                        + "' in the inventory").withSuggestion(Suggestions.didYouMean(mode.graph, inventory.tree().keySet())));
            }
            System.out.print(InventoryExport.graph(inventory, mode.graph));
        }
        return ExitCodes.OK;
    }

    private static String json(Object document) {
        return JsonOutput.prettyPrint(JsonOutput.toJson(document)) + "\n";
    }
}

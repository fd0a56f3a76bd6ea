package dev.pki.cli;

import dev.pki.diag.Diagnostics;
import dev.pki.dsl.PlaybookLoader;
import dev.pki.engine.Targets;
import dev.pki.inventory.Inventory;
import dev.pki.inventory.InventoryLoader;
import dev.pki.plan.Target;
import dev.pki.render.DiagnosticRenderer;
import dev.pki.render.Style;
import dev.pki.resource.Playbook;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every command starts from: the inventory, the loaded playbook and its plays expanded to
 * hosts. Warnings are printed; errors throw before anything touches a target.
 */
record Prepared(Inventory inventory, Playbook playbook, List<Target> targets, Style style) {

    static Prepared from(CommonOptions options, PrintStream err) {
        options.sshOptions();   // a bad option value is reported before anything is loaded
        return of(options.playbook, options.inventories, options.vars(), options.limit, options.strict, options.noColor, err);
    }

    static Prepared of(Path playbookFile, List<Path> inventories, Map<String, Object> extra, String limit, boolean strict,
                       boolean noColor, PrintStream err) {
        Style style = Style.detect(noColor);
        Inventory inventory = inventories.isEmpty() ? Inventory.implicit(extra)
                : InventoryLoader.load(inventories, extra);
        Playbook playbook = PlaybookLoader.load(playbookFile, inventory.globalVars(), inventory);
        Diagnostics diagnostics = new Diagnostics();
        inventory.warnings().forEach(diagnostics::add);
        playbook.warnings().forEach(diagnostics::add);
        List<Target> targets = Targets.expand(playbook, inventory, limit, strict, diagnostics);
        err.print(new DiagnosticRenderer(style).render(diagnostics.all().stream().filter(d -> !d.isError()).toList()));
        List<dev.pki.diag.Diagnostic> errors = diagnostics.all().stream().filter(dev.pki.diag.Diagnostic::isError).toList();
        if (!errors.isEmpty()) throw new dev.pki.diag.PkiException(errors);   // warnings were printed just above
        return new Prepared(inventory, playbook, targets, style);
    }
}

package dev.pki.render;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.pki.model.Sensitive;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import dev.pki.plan.Plan;
import dev.pki.plan.PlannedStep;
import dev.pki.plan.TextDiff;

import java.util.List;
import java.util.Map;

/**
 * A plan as text, in Terraform's shape: one line per change with its symbol, address and reason,
 * attributes and content diffs below, and a summary line.
 */
public final class PlanRenderer {

    private final Style style;

    public PlanRenderer(Style style) {
        this.style = style;
    }

    public String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<PlannedStep>> host : plan.byHost().entrySet()) {
            List<PlannedStep> changes = host.getValue().stream().filter(s -> s.change().changes()).toList();
            if (changes.isEmpty()) continue;
            out.append(style.bold(host.getKey())).append('\n');
            for (PlannedStep s : changes) renderStep(out, s);
            out.append('\n');
        }
        out.append(summary(plan)).append('\n');
        return out.toString();
    }

    public String summary(Plan plan) {
        if (!plan.hasChanges()) return style.green("No changes.") + " The infrastructure matches the playbook.";
        Map<Action, Integer> c = plan.counts();
        return style.bold("Plan:") + " " + c.get(Action.CREATE) + " to create, " + c.get(Action.REPLACE) + " to replace, "
                + c.get(Action.UPDATE) + " to update, " + c.get(Action.DELETE) + " to delete.";
    }

    private void renderStep(StringBuilder out, PlannedStep s) {
        Change c = s.change();
        out.append("  ").append(symbol(c.action())).append(' ').append(style.bold(s.step().address().toString()));
        out.append("  ").append(style.dim("(" + c.action().verb() + (c.reason().isEmpty() ? "" : ": " + c.reason()) + ")")).append('\n');
        if (!c.warning().isEmpty()) out.append("      ").append(style.yellow("! " + c.warning())).append('\n');
        for (AttributeChange a : c.attributes()) out.append("      ").append(attribute(a)).append('\n');
        if (c.content() != null) out.append(diff(c.content()));
        s.step().handler().ifPresent(h -> out.append("      ").append(style.dim("then runs: " + h)).append('\n'));
    }

    private String symbol(Action a) {
        return switch (a) {
            case CREATE -> style.green(" +");
            case UPDATE -> style.yellow(" ~");
            case REPLACE -> style.red("-/+");
            case DELETE -> style.red(" -");
            default -> "  ";
        };
    }

    private String attribute(AttributeChange a) {
        String before = a.sensitive() && a.before() != null ? Sensitive.MARKER : a.before();
        String after = a.sensitive() && a.after() != null && !a.after().startsWith(Sensitive.MARKER) ? Sensitive.MARKER : a.after();
        if (before == null) return a.name() + ": " + style.green(after);
        if (after == null) return a.name() + ": " + style.red(before) + " → (removed)";
        return a.name() + ": " + style.red(before) + " → " + style.green(after);
    }

    /** A unified diff of a file's content, indented under its step. */
    String diff(TextDiff d) {
        List<String> before = d.before() == null ? List.of() : d.before().lines().toList();
        List<String> after = d.after().lines().toList();
        var patch = DiffUtils.diff(before, after);
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(d.before() == null ? "/dev/null" : d.path(), d.path(), before, patch, 2);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String shown = line.startsWith("+") && !line.startsWith("+++") ? style.green(line)
                    : line.startsWith("-") && !line.startsWith("---") ? style.red(line)
                    : line.startsWith("@@") ? style.cyan(line) : style.dim(line);
            out.append("        ").append(shown).append('\n');
        }
        return out.toString();
    }
}

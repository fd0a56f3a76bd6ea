package dev.pki.render;

import dev.pki.plan.Action;

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

    public String render(PlanView plan) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<PlanView.Row>> host : plan.changesByHost().entrySet()) {
            out.append(style.bold(host.getKey())).append('\n');
            out.append(renderRows(host.getValue()));
            out.append('\n');
        }
        out.append(summary(plan)).append('\n');
        return out.toString();
    }

    public String summary(PlanView plan) {
        int unreachable = plan.unreachable().size();
        if (!plan.hasChanges() && unreachable > 0) {
            return style.yellow("No changes on the hosts that could be read; " + unreachable
                    + (unreachable == 1 ? " host was" : " hosts were") + " unreachable: " + String.join(", ", plan.unreachable().keySet()) + ".");
        }
        if (!plan.hasChanges()) return style.green("No changes.") + " The infrastructure matches the playbook.";
        String line = plan.summaryLine();
        return style.bold("Plan:") + line.substring("Plan:".length());
    }

    /** The change lines of some rows, each with its attributes, diff and handler below it. */
    String renderRows(List<PlanView.Row> rows) {
        StringBuilder out = new StringBuilder();
        for (PlanView.Row r : rows) {
            out.append("  ").append(symbol(r.action())).append(' ').append(style.bold(r.address()));
            out.append("  ").append(style.dim("(" + r.action().verb() + (r.reason().isEmpty() ? "" : ": " + r.reason()) + ")")).append('\n');
            if (!r.warning().isEmpty()) out.append("      ").append(style.yellow("! " + r.warning())).append('\n');
            for (PlanView.Attribute a : r.attributes()) out.append("      ").append(attribute(a)).append('\n');
            for (String line : r.diff()) out.append("        ").append(diffLine(line)).append('\n');
            if (!r.handler().isEmpty()) out.append("      ").append(style.dim("then runs: " + r.handler())).append('\n');
        }
        return out.toString();
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

    private String attribute(PlanView.Attribute a) {
        if (a.before() == null) return a.name() + ": " + style.green(a.after());
        if (a.after() == null) return a.name() + ": " + style.red(a.before()) + " → (removed)";
        return a.name() + ": " + style.red(a.before()) + " → " + style.green(a.after());
    }

    private String diffLine(String line) {
        if (line.startsWith("+") && !line.startsWith("+++")) return style.green(line);
        if (line.startsWith("-") && !line.startsWith("---")) return style.red(line);
        return line.startsWith("@@") ? style.cyan(line) : style.dim(line);
    }
}

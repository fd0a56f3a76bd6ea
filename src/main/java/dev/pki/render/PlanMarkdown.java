package dev.pki.render;

import dev.pki.plan.Action;

import java.util.List;
import java.util.Map;

/**
 * The plan for a pull-request comment: a summary table (host × action) and a collapsible
 * {@code <details>} section per host holding the text diff in a {@code diff} code block.
 */
public final class PlanMarkdown {

    private PlanMarkdown() {
    }

    public static String render(PlanView plan) {
        StringBuilder md = new StringBuilder("### pki plan\n\n");
        if (!plan.hasChanges()) {
            md.append("**No changes.** The infrastructure matches the playbook.\n");
            return md.toString();
        }
        Map<String, List<PlanView.Row>> byHost = plan.changesByHost();
        md.append("| Host | Create | Replace | Update | Delete |\n|---|---:|---:|---:|---:|\n");
        for (var e : byHost.entrySet()) {
            md.append("| ").append(escape(e.getKey()));
            for (Action a : List.of(Action.CREATE, Action.REPLACE, Action.UPDATE, Action.DELETE)) {
                md.append(" | ").append(e.getValue().stream().filter(r -> r.action() == a).count());
            }
            md.append(" |\n");
        }
        md.append("\n**").append(plan.summaryLine()).append("**\n\n");
        PlanRenderer text = new PlanRenderer(Style.plain());
        for (var e : byHost.entrySet()) {
            int n = e.getValue().size();
            md.append("<details><summary><code>").append(html(e.getKey())).append("</code> — ").append(n)
                    .append(n == 1 ? " change" : " changes").append("</summary>\n\n```diff\n");
            for (String line : text.renderRows(e.getValue()).split("\n")) md.append(diffMarker(line)).append('\n');
            md.append("```\n\n</details>\n\n");
        }
        return md.toString();
    }

    /** GitHub colours diff blocks by the first character: + green, - red, ! orange; the symbol moves there. */
    private static String diffMarker(String line) {
        String t = line.stripLeading();
        if (t.startsWith("-/+ ")) return "! " + t.substring(4);
        if (t.startsWith("+ ")) return "+ " + t.substring(2);
        if (t.startsWith("~ ")) return "! " + t.substring(2);
        if (t.startsWith("- ")) return "- " + t.substring(2);
        // Lines of a content diff keep their own +/-; everything else is context.
        return line.startsWith("        +") || line.startsWith("        -") ? line.strip().charAt(0) + line.substring(1) : " " + line;
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

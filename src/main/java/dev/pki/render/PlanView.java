package dev.pki.render;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import dev.pki.plan.Plan;
import dev.pki.plan.PlannedStep;
import dev.pki.plan.TextDiff;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as users see it, already masked: the one model behind the text, JSON and Markdown forms,
 * built from a fresh {@link Plan} or read back from a saved plan's JSON. Nothing sensitive is in it.
 */
public record PlanView(List<Row> rows, Map<String, String> unreachable) {

    /** JSON format version: minor versions only add fields. */
    public static final String FORMAT_VERSION = "1.0";

    public record Attribute(String name, String before, String after, boolean sensitive) {
    }

    /** One step on one host. {@code diff} is a unified diff of non-sensitive content, or empty. */
    public record Row(String host, String type, String name, Action action, String reason, String warning,
                      List<Attribute> attributes, List<String> diff, String handler) {

        public String address() {
            return type + " " + name;
        }
    }

    public PlanView {
        rows = List.copyOf(rows);
        unreachable = Map.copyOf(unreachable);
    }

    public static PlanView of(Plan plan) {
        List<Row> rows = new ArrayList<>();
        for (PlannedStep s : plan.steps()) {
            Change c = s.change();
            List<Attribute> attrs = new ArrayList<>();
            for (AttributeChange a : c.attributes()) attrs.add(new Attribute(a.name(), a.shownBefore(), a.shownAfter(), a.sensitive()));
            rows.add(new Row(s.host(), s.step().address().type(), s.step().address().name(), c.action(), c.reason(), c.warning(),
                    attrs, c.content() == null ? List.of() : unifiedDiff(c.content()), s.step().handler().orElse("")));
        }
        return new PlanView(rows, plan.unreachable());
    }

    public boolean hasChanges() {
        return rows.stream().anyMatch(r -> r.action().changes());
    }

    public Map<Action, Integer> counts() {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Action a : Action.values()) counts.put(a, 0);
        rows.forEach(r -> counts.merge(r.action(), 1, Integer::sum));
        return counts;
    }

    /** Rows with changes, grouped by host in plan order. */
    public Map<String, List<Row>> changesByHost() {
        Map<String, List<Row>> map = new LinkedHashMap<>();
        for (Row r : rows) if (r.action().changes()) map.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r);
        return map;
    }

    public String summaryLine() {
        if (!hasChanges()) return "No changes.";
        Map<Action, Integer> c = counts();
        return "Plan: " + c.get(Action.CREATE) + " to create, " + c.get(Action.REPLACE) + " to replace, "
                + c.get(Action.UPDATE) + " to update, " + c.get(Action.DELETE) + " to delete.";
    }

    static List<String> unifiedDiff(TextDiff d) {
        List<String> before = d.before() == null ? List.of() : d.before().lines().toList();
        List<String> after = d.after().lines().toList();
        return UnifiedDiffUtils.generateUnifiedDiff(d.before() == null ? "/dev/null" : d.path(), d.path(), before,
                DiffUtils.diff(before, after), 2);
    }
}

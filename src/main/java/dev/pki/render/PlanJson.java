package dev.pki.render;

import dev.pki.plan.Action;
import groovy.json.JsonOutput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan as versioned JSON (docs/plan-json.md, docs/plan-schema.json). Minor format versions only
 * add fields. Sensitive values are already masked in the {@link PlanView}.
 */
public final class PlanJson {

    private PlanJson() {
    }

    public static String render(PlanView plan, String pkiVersion) {
        return JsonOutput.prettyPrint(JsonOutput.toJson(document(plan, pkiVersion))) + "\n";
    }

    /** The document as maps and lists, in a stable key order. */
    public static Map<String, Object> document(PlanView plan, String pkiVersion) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format_version", PlanView.FORMAT_VERSION);
        doc.put("pki_version", pkiVersion);
        List<Object> changes = new ArrayList<>();
        for (PlanView.Row r : plan.rows()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("host", r.host());
            c.put("address", r.address());
            c.put("type", r.type());
            c.put("name", r.name());
            c.put("action", actionName(r.action()));
            c.put("reason", r.reason());
            if (!r.warning().isEmpty()) c.put("warning", r.warning());
            List<Object> attrs = new ArrayList<>();
            for (PlanView.Attribute a : r.attributes()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", a.name());
                m.put("before", a.before());
                m.put("after", a.after());
                m.put("sensitive", a.sensitive());
                attrs.add(m);
            }
            c.put("attributes", attrs);
            if (!r.diff().isEmpty()) c.put("content_diff", String.join("\n", r.diff()) + "\n");
            if (!r.handler().isEmpty()) c.put("handler", r.handler());
            changes.add(c);
        }
        doc.put("changes", changes);
        Map<String, Object> summary = new LinkedHashMap<>();
        plan.counts().forEach((a, n) -> summary.put(actionName(a), n));
        doc.put("summary", summary);
        doc.put("unreachable", new LinkedHashMap<>(plan.unreachable()));
        return doc;
    }

    /** Reads a document written by {@link #document} back into a view (for {@code pki show}). */
    @SuppressWarnings("unchecked")
    public static PlanView read(Map<String, Object> doc) {
        List<PlanView.Row> rows = new ArrayList<>();
        for (Object o : (List<Object>) doc.get("changes")) {
            Map<String, Object> c = (Map<String, Object>) o;
            List<PlanView.Attribute> attrs = new ArrayList<>();
            for (Object a : (List<Object>) c.get("attributes")) {
                Map<String, Object> m = (Map<String, Object>) a;
                attrs.add(new PlanView.Attribute((String) m.get("name"), (String) m.get("before"), (String) m.get("after"),
                        Boolean.TRUE.equals(m.get("sensitive"))));
            }
            String diff = (String) c.getOrDefault("content_diff", "");
            rows.add(new PlanView.Row((String) c.get("host"), (String) c.get("type"), (String) c.get("name"), action((String) c.get("action")),
                    (String) c.get("reason"), (String) c.getOrDefault("warning", ""), attrs,
                    diff.isEmpty() ? List.of() : diff.lines().toList(), (String) c.getOrDefault("handler", "")));
        }
        return new PlanView(rows, (Map<String, String>) doc.getOrDefault("unreachable", Map.of()));
    }

    /** {@code create}, {@code update}, {@code replace}, {@code delete}, {@code no-op}. */
    public static String actionName(Action a) {
        return a == Action.NOOP ? "no-op" : a.name().toLowerCase(Locale.ROOT);
    }

    static Action action(String name) {
        return "no-op".equals(name) ? Action.NOOP : Action.valueOf(name.toUpperCase(Locale.ROOT));
    }
}

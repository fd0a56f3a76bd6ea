package dev.pki.cli;

import dev.pki.render.PlanJson;
import dev.pki.render.PlanMarkdown;
import dev.pki.render.PlanRenderer;
import dev.pki.render.PlanView;
import dev.pki.render.Style;

/** How a plan is printed: {@code --format text|json|markdown}. */
enum OutputFormat {
    text, json, markdown;

    String render(PlanView plan, Style style) {
        return switch (this) {
            case text -> new PlanRenderer(style).render(plan);
            case json -> PlanJson.render(plan, Main.VERSION);
            case markdown -> PlanMarkdown.render(plan);
        };
    }
}

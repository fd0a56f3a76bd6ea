package dev.pki.render;

import dev.pki.apply.ApplyListener;
import dev.pki.apply.HostRecap;
import dev.pki.apply.StepOutcome;
import dev.pki.plan.Change;
import dev.pki.resource.Resource;

import java.io.PrintStream;
import java.util.Map;

/** Apply progress line by line (safe with several hosts at once) and the recap at the end. */
public final class ApplyRenderer implements ApplyListener {

    private final Style style;
    private final PrintStream out;

    public ApplyRenderer(Style style, PrintStream out) {
        this.style = style;
        this.out = out;
    }

    @Override
    public synchronized void stepStarted(String host, Resource step, Change change) {
        out.println(host + ": " + step.address() + ": " + progressive(change.action().verb()) + "...");
    }

    @Override
    public synchronized void stepFinished(String host, Resource step, StepOutcome outcome, String message) {
        String text = switch (outcome) {
            case CHANGED -> style.yellow("changed");
            case OK -> style.green("ok");
            case FAILED -> style.red("failed") + ": " + message;
            case SKIPPED -> style.dim("skipped");
        };
        out.println(host + ": " + step.address() + ": " + text);
    }

    @Override
    public synchronized void handlerFinished(String host, Resource step, String command, boolean ok, String message) {
        out.println(host + ": " + step.address() + ": handler " + (ok ? style.green("ran") : style.red("failed: " + message)) + " (" + command + ")");
    }

    @Override
    public synchronized void hostUnreachable(String host, String message) {
        out.println(host + ": " + style.red("unreachable") + ": " + message);
    }

    /** create → creating, update → updating. */
    private static String progressive(String verb) {
        return (verb.endsWith("e") ? verb.substring(0, verb.length() - 1) : verb) + "ing";
    }

    public String recap(Map<String, HostRecap> recap) {
        StringBuilder b = new StringBuilder("\n").append(style.bold("Recap")).append('\n');
        int width = recap.keySet().stream().mapToInt(String::length).max().orElse(4);
        for (var e : recap.entrySet()) {
            HostRecap r = e.getValue();
            String name = String.format("%-" + width + "s", e.getKey());
            b.append("  ").append(r.hasFailed() ? style.red(name) : r.changed() > 0 ? style.yellow(name) : style.green(name));
            b.append(String.format("  ok=%-3d changed=%-3d failed=%-3d unreachable=%d", r.ok(), r.changed(), r.failed(), r.isUnreachable() ? 1 : 0));
            if (!r.message().isEmpty()) b.append("  ").append(style.red(r.message()));
            b.append('\n');
        }
        return b.toString();
    }
}

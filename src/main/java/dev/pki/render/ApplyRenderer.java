package dev.pki.render;

import dev.pki.apply.ApplyListener;
import dev.pki.apply.HostRecap;
import dev.pki.apply.StepOutcome;
import dev.pki.plan.Change;
import dev.pki.resource.Resource;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Apply progress and the recap. Events are printed one per line (safe with many hosts at once);
 * on a terminal a status line below them shows steps done and what each running host is doing.
 */
public final class ApplyRenderer implements ApplyListener {

    private static final String CLEAR_LINE = "\r\033[K";
    private static final int STATUS_WIDTH = 120;

    private final Style style;
    private final PrintStream out;
    private final boolean live;
    private final Map<String, String> running = new TreeMap<>();
    private int stepsTotal;
    private int stepsDone;

    public ApplyRenderer(Style style, PrintStream out, boolean live) {
        this.style = style;
        this.out = out;
        this.live = live;
    }

    public ApplyRenderer(Style style, PrintStream out) {
        this(style, out, false);
    }

    @Override
    public synchronized void started(int hosts, int steps) {
        stepsTotal = steps;
    }

    @Override
    public synchronized void stepRunning(String host, Resource step) {
        running.put(host, step.address().toString());
        redraw();
    }

    @Override
    public synchronized void batchStarted(String pattern, int index, int count, List<String> hosts) {
        line(style.bold("hosts('" + pattern + "'): batch " + index + " of " + count + " (" + hosts.size() + (hosts.size() == 1 ? " host)" : " hosts)")));
    }

    @Override
    public synchronized void stopped(String why) {
        line(style.red("Stopping: " + why + "; no further hosts are started."));
    }

    @Override
    public synchronized void stepStarted(String host, Resource step, Change change) {
        line(host + ": " + step.address() + ": " + progressive(change.action().verb()) + "...");
    }

    @Override
    public synchronized void stepFinished(String host, Resource step, StepOutcome outcome, String message) {
        stepsDone++;
        running.remove(host);
        String text = switch (outcome) {
            case CHANGED -> style.yellow("changed");
            case OK -> style.green("ok");
            case FAILED -> style.red("failed") + ": " + message;
            case SKIPPED -> style.dim("skipped");
        };
        line(host + ": " + step.address() + ": " + text);
    }

    @Override
    public synchronized void handlerFinished(String host, Resource step, String command, boolean ok, String message) {
        line(host + ": " + step.address() + ": handler " + (ok ? style.green("ran") : style.red("failed: " + message)) + " (" + command + ")");
    }

    @Override
    public synchronized void hostUnreachable(String host, String message) {
        running.remove(host);
        line(host + ": " + style.red("unreachable") + ": " + message);
    }

    /** Prints an event line; on a terminal, the status line is cleared first and drawn again below. */
    private void line(String text) {
        if (live) out.print(CLEAR_LINE);
        out.println(text);
        redraw();
    }

    private void redraw() {
        if (!live || running.isEmpty()) return;
        StringBuilder status = new StringBuilder("[" + stepsDone + "/" + stepsTotal + " steps] ");
        String sep = "";
        for (var e : running.entrySet()) {
            status.append(sep).append(e.getKey()).append(": ").append(e.getValue());
            sep = " · ";
        }
        String shown = status.length() > STATUS_WIDTH ? status.substring(0, STATUS_WIDTH - 1) + "…" : status.toString();
        out.print(CLEAR_LINE + style.dim(shown));
        out.flush();
    }

    /** create → creating, update → updating. */
    private static String progressive(String verb) {
        return (verb.endsWith("e") ? verb.substring(0, verb.length() - 1) : verb) + "ing";
    }

    public synchronized String recap(Map<String, HostRecap> recap) {
        if (live) out.print(CLEAR_LINE);
        StringBuilder b = new StringBuilder("\n").append(style.bold("Recap")).append('\n');
        int width = recap.keySet().stream().mapToInt(String::length).max().orElse(4);
        for (var e : recap.entrySet()) {
            HostRecap r = e.getValue();
            String name = String.format("%-" + width + "s", e.getKey());
            b.append("  ").append(r.hasFailed() ? style.red(name) : r.changed() > 0 ? style.yellow(name) : style.green(name));
            b.append(String.format("  ok=%-3d changed=%-3d failed=%-3d unreachable=%-3d skipped=%d", r.ok(), r.changed(), r.failed(),
                    r.isUnreachable() ? 1 : 0, r.skipped()));
            if (!r.message().isEmpty()) b.append("  ").append(style.red(r.message()));
            b.append('\n');
        }
        return b.toString();
    }
}

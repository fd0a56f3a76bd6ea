package dev.pki.resource.container;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.facts.CommandOutput;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;
import dev.pki.model.Address;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.PlanContext;
import dev.pki.resource.Resource;
import dev.pki.transport.Command;
import dev.pki.transport.FileAttrs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's bind mounts and running state, on the host that runs it. Reads (in the host's one
 * fact round trip) the LXC config file and {@code lxc-info -s}, or {@code pct config} and
 * {@code pct status}, and whether {@code pct} exists when the platform is not given; plans the
 * mount changes, a restart (if running) and a start (if {@code ensure 'running'}); applies them.
 */
record ContainerResource(Address address, SourceLocation location, ContainerSpec spec) implements Resource {

    /** Read-only: whether this host is a Proxmox VE node. */
    static final Fact.CommandFact HAS_PCT = new Fact.CommandFact(List.of("sh", "-c", "command -v pct"));

    private static final Pattern LXC_STATE = Pattern.compile("State:\\s*(\\S+)");
    private static final Pattern PCT_STATUS = Pattern.compile("status:\\s*(\\S+)");

    /** What apply does: write the LXC config (if {@code config} is set), then run the commands in order. */
    record Work(String configPath, byte[] config, FileAttrs attrs, List<Step> steps) {
        Work {
            steps = List.copyOf(steps);
        }
    }

    /** One command and what it is for, for error messages. */
    record Step(String what, Command command) {
    }

    /** What the facts say: running or not, the mount changes, and how to make them. */
    private record Observed(boolean running, List<MountChange> mounts, byte[] config, FileAttrs attrs, List<Step> steps) {
    }

    String id() {
        return spec.id();
    }

    String configPath() {
        return "/var/lib/lxc/" + id() + "/config";
    }

    Fact.CommandFact lxcInfo() {
        return new Fact.CommandFact(List.of("lxc-info", "-n", id(), "-s"));
    }

    Fact.CommandFact pctConfig() {
        return new Fact.CommandFact(List.of("pct", "config", id()));
    }

    Fact.CommandFact pctStatus() {
        return new Fact.CommandFact(List.of("pct", "status", id()));
    }

    @Override
    public Set<Fact> facts() {
        Set<Fact> facts = new LinkedHashSet<>();
        spec.mounts().forEach(m -> facts.add(Fact.path(m.source())));
        // Without a platform both sets are read: facts cannot depend on other facts, and a missing
        // tool only makes its fragment fail, inside the same round trip.
        if (spec.platform() != Platform.PCT) {
            facts.add(Fact.content(configPath()));
            facts.add(lxcInfo());
        }
        if (spec.platform() != Platform.LXC) {
            facts.add(pctConfig());
            facts.add(pctStatus());
        }
        if (spec.platform() == null) facts.add(HAS_PCT);
        return facts;
    }

    @Override
    public Change plan(FactSet facts, PlanContext context) {
        Platform platform = spec.platform() != null ? spec.platform() : facts.command(HAS_PCT).ok() ? Platform.PCT : Platform.LXC;
        Map<String, Boolean> files = sources(facts, context);
        Observed o = platform == Platform.LXC ? lxc(facts, context, files) : pct(facts, context);

        List<AttributeChange> attrs = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (MountChange mc : o.mounts()) {
            attrs.add(AttributeChange.of("mount " + mc.target(), mc.before() == null ? "(none)" : mc.before(), mc.after()));
            why.add("mount " + mc.target() + (mc.before() == null ? " added" : " changed"));
        }
        List<Step> steps = new ArrayList<>(o.steps());
        boolean restart = !o.mounts().isEmpty() && o.running() && spec.restart();
        boolean start = spec.ensureRunning() && !o.running();
        if (start) {
            attrs.add(AttributeChange.of("state", "stopped", "running"));
            why.add("stopped → running");
        }
        if (restart) steps.addAll(platform == Platform.LXC ? lxcRestart() : List.of(pct("restart", "reboot")));
        if (start) steps.addAll(platform == Platform.LXC ? lxcStart() : List.of(pct("start", "start")));
        if (attrs.isEmpty()) return Change.noop();

        Change change = Change.of(Action.UPDATE, String.join(", ", why), attrs)
                .withDetail(new Work(configPath(), o.config(), o.attrs(), steps));
        if (restart) return change.withWarning("container " + id() + " is running and will be restarted");
        if (!o.mounts().isEmpty() && o.running()) {
            return change.withWarning("container " + id() + " is running; the mount change takes effect at its next restart (restart false)");
        }
        return change;
    }

    /** Checks that every source exists (now or after an earlier step); true for sources that are files. */
    private Map<String, Boolean> sources(FactSet facts, PlanContext context) {
        Map<String, Boolean> files = new LinkedHashMap<>();
        for (BindMount m : spec.mounts()) {
            PathState s = context.path(facts, m.source());
            if (!s.exists()) {
                throw new PkiException(location, "bind mount source " + m.source() + " does not exist on " + context.host()
                        + "; create it in an earlier step, e.g. directory '" + m.source() + "'");
            }
            if (!s.isDirectory() && !s.isFile()) {
                throw new PkiException(location, "bind mount source " + m.source() + " on " + context.host() + " is neither a directory nor a file");
            }
            files.put(m.target(), s.isFile());
        }
        return files;
    }

    private Observed lxc(FactSet facts, PlanContext context, Map<String, Boolean> files) {
        PathState config = context.path(facts, configPath());
        if (!config.exists()) throw notFound(context, "no " + configPath());
        if (!config.readable() || config.content() == null) {
            throw new PkiException(location, "cannot read " + configPath() + " on " + context.host());
        }
        CommandOutput info = facts.command(lxcInfo());
        if (!info.ok()) {
            if (info.exitCode() == 127) throw missingTool(context, "lxc-info", info);
            if (info.err().contains("doesn't exist")) throw notFound(context, "lxc-info: " + lastLine(info));
            throw new PkiException(location, "could not read the state of container " + id() + " on " + context.host() + ": " + lastLine(info));
        }
        Matcher state = LXC_STATE.matcher(info.out());
        boolean running = !(state.find() && state.group(1).equals("STOPPED"));
        LxcConfig.Edit edit;
        try {
            edit = LxcConfig.edit(new String(config.content(), StandardCharsets.ISO_8859_1), spec.mounts(), files);
        } catch (LxcConfig.Conflict e) {
            throw new PkiException(location, "container " + id() + " on " + context.host() + ": " + e.getMessage()
                    + " in " + configPath() + "; remove that line or mount elsewhere");
        }
        if (edit.text() == null) return new Observed(running, List.of(), null, null, List.of());
        byte[] bytes = edit.text().getBytes(StandardCharsets.ISO_8859_1);
        context.simulate(configPath(), PathState.file(config.mode(), config.owner(), config.group(), bytes));
        FileAttrs attrs = new FileAttrs(config.owner(), config.group(), config.mode().isEmpty() ? "0644" : config.mode());
        return new Observed(running, edit.changes(), bytes, attrs, List.of());
    }

    private Observed pct(FactSet facts, PlanContext context) {
        if (!id().matches("[0-9]+")) {
            throw new PkiException(location, "container '" + id() + "' on " + context.host() + ": Proxmox VE container IDs are numbers, e.g. container('103')");
        }
        CommandOutput config = facts.command(pctConfig());
        if (!config.ok()) {
            if (config.exitCode() == 127) throw missingTool(context, "pct", config);
            if (config.err().contains("does not exist")) throw notFound(context, "pct: " + lastLine(config));
            throw new PkiException(location, "could not read the config of container " + id() + " on " + context.host() + ": " + lastLine(config));
        }
        CommandOutput status = facts.command(pctStatus());
        if (!status.ok()) {
            throw new PkiException(location, "could not read the status of container " + id() + " on " + context.host() + ": " + lastLine(status));
        }
        Matcher m = PCT_STATUS.matcher(status.out());
        boolean running = m.find() && m.group(1).equals("running");
        PctConfig.Edit edit;
        try {
            edit = PctConfig.edit(id(), config.out(), spec.mounts());
        } catch (PctConfig.Conflict e) {
            throw new PkiException(location, e.getMessage() + " (on " + context.host() + ")");
        }
        List<Step> steps = edit.commands().stream().map(c -> new Step("set a mount point of container " + id(), c)).toList();
        return new Observed(running, edit.changes(), null, null, steps);
    }

    private List<Step> lxcStart() {
        return List.of(new Step("start container " + id(), Command.of("lxc-start", "-n", id(), "-d")),
                // lxc-start returns once the container is started; wait so that the next steps find it RUNNING.
                new Step("wait for container " + id() + " to run", Command.of("lxc-wait", "-n", id(), "-s", "RUNNING", "-t", "60")));
    }

    private List<Step> lxcRestart() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("stop container " + id(), Command.of("lxc-stop", "-n", id())));
        steps.addAll(lxcStart());
        return steps;
    }

    private Step pct(String what, String verb) {
        return new Step(what + " container " + id(), Command.of("pct", verb, id()));
    }

    private PkiException notFound(PlanContext context, String why) {
        return new PkiException(location, "container " + id() + " does not exist on " + context.host() + " (" + why + ")");
    }

    private PkiException missingTool(PlanContext context, String tool, CommandOutput out) {
        return new PkiException(location, tool + " is not available on " + context.host() + " (needed for container " + id() + "): " + lastLine(out));
    }

    private static String lastLine(CommandOutput out) {
        String text = (out.err().isBlank() ? out.out() : out.err()).strip();
        String[] lines = text.split("\n");
        return lines[lines.length - 1].isBlank() ? "exit code " + out.exitCode() : lines[lines.length - 1].strip();
    }

    @Override
    public void apply(FactSet facts, Change change, ApplyContext context) {
        Work work = (Work) change.detail();
        if (work.config() != null) context.remote().write(work.configPath(), work.config(), work.attrs());
        for (Step step : work.steps()) context.remote().run(step.what(), step.command());
    }
}

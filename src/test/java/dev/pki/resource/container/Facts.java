package dev.pki.resource.container;

import dev.pki.diag.SourceLocation;
import dev.pki.facts.CommandOutput;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;
import dev.pki.model.Address;
import dev.pki.plan.Change;
import dev.pki.resource.Outputs;
import dev.pki.resource.PlanContext;
import dev.pki.transport.Command;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Canned facts for container plans: what a host would answer, as data. */
final class Facts {

    static final String SRC = "/mnt/pve/quickOS/lxc-persistent-data/103/ssl";
    static final String DST = "/etc/step-ca/ssl";

    private final Map<Fact, Object> answers = new HashMap<>();

    static Facts host() {
        return new Facts().path(SRC, PathState.directory("0700", "root", "root"));
    }

    Facts path(String path, PathState state) {
        answers.put(Fact.path(path), state);
        return this;
    }

    Facts lxcConfig(String id, String content) {
        answers.put(Fact.content("/var/lib/lxc/" + id + "/config"),
                PathState.file("0640", "root", "root", content.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    Facts noLxcConfig(String id) {
        answers.put(Fact.content("/var/lib/lxc/" + id + "/config"), PathState.ABSENT);
        return this;
    }

    Facts command(List<String> argv, int code, String out, String err) {
        answers.put(new Fact.CommandFact(argv), new CommandOutput(code, bytes(out), bytes(err)));
        return this;
    }

    Facts lxcState(String id, String state) {
        return command(List.of("lxc-info", "-n", id, "-s"), 0, "State:          " + state + "\n", "");
    }

    Facts pct(String id, String config, String status) {
        return command(List.of("pct", "config", id), 0, config, "")
                .command(List.of("pct", "status", id), 0, "status: " + status + "\n", "");
    }

    Facts hasPct(boolean present) {
        return command(List.of("sh", "-c", "command -v pct"), present ? 0 : 127, present ? "/usr/sbin/pct\n" : "", "");
    }

    FactSet build() {
        return new FactSet(answers);
    }

    static ContainerResource resource(String id, Platform platform, boolean restart, boolean ensureRunning, BindMount... mounts) {
        return new ContainerResource(new Address("container", id), SourceLocation.UNKNOWN,
                new ContainerSpec(id, List.of(mounts), restart, ensureRunning, platform));
    }

    static PlanContext context() {
        return new PlanContext("pve", Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC), new Outputs());
    }

    static ContainerResource.Work work(Change change) {
        return (ContainerResource.Work) change.detail();
    }

    /** The commands apply runs, as argument lists. */
    static List<List<String>> commands(Change change) {
        return work(change).steps().stream().map(ContainerResource.Step::command).map(Command::argv).toList();
    }

    /** The config text apply writes, or null. */
    static String config(Change change) {
        byte[] c = work(change).config();
        return c == null ? null : new String(c, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Facts() {
    }
}

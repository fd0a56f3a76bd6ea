package dev.pki.resource.trust;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;
import dev.pki.model.Address;
import dev.pki.model.Value;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import dev.pki.plan.TextDiff;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.PlanContext;
import dev.pki.resource.Resource;
import dev.pki.transport.Command;
import dev.pki.transport.ExecResult;
import dev.pki.transport.FileAttrs;
import dev.pki.transport.TransportException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CA's root certificate as a trust anchor in a host's system store: the anchor file in the
 * layout's directory, then the layout's update command. {@code anchorFile} ends in {@code .crt}.
 */
record TrustResource(Address address, SourceLocation location, String caName, Value root, String anchorFile,
                     String onChange) implements Resource {

    static final Fact OS_RELEASE = Fact.content("/etc/os-release");
    /** os-release(5): /etc/os-release, falling back to /usr/lib/os-release. */
    static final Fact OS_RELEASE_FALLBACK = Fact.content("/usr/lib/os-release");
    /** Which update tools exist, with the sbin directories a non-root PATH may lack. */
    static final Fact.ProgramFact TOOLS = Fact.programs("update-ca-certificates", "update-ca-trust", "trust");
    static final FileAttrs ANCHOR_ATTRS = new FileAttrs("root", "root", "0644");
    static final FileAttrs DIRECTORY_ATTRS = new FileAttrs("root", "root", "0755");

    /** What apply needs from the plan: where to write, whether to create the directory, how to update, what to restore. */
    record Planned(TrustLayout layout, String anchor, List<String> update, boolean createDirectory, byte[] previous) {
    }

    @Override
    public Set<String> requires() {
        return Set.of("ca:" + caName);
    }

    @Override
    public Set<Fact> facts() {
        Set<Fact> facts = new LinkedHashSet<>(List.of(OS_RELEASE, OS_RELEASE_FALLBACK, TOOLS));
        for (String dir : TrustLayout.directories()) {
            facts.add(Fact.path(dir));
            facts.add(Fact.content(dir + "/" + anchorFile));
        }
        return facts;
    }

    @Override
    public Change plan(FactSet facts, PlanContext context) {
        String host = context.host();
        OsRelease os = osRelease(facts);
        Map<String, String> tools = facts.programs(TOOLS);
        TrustLayout layout = TrustLayout.detect(os, tools.keySet()).orElseThrow(() -> new PkiException(location,
                "no known trust store layout on " + host + " (" + os.describe() + "); supported: " + TrustLayout.SUPPORTED));
        String toolPath = tools.get(layout.tool());
        if (toolPath == null) {
            throw new PkiException(location, layout.tool() + " not found on " + host + " (" + layout.id()
                    + " layout); install the ca-certificates package");
        }
        String anchor = layout.directory() + "/" + anchorFile;
        PathState actual = context.path(facts, anchor);
        if (actual.exists() && !actual.isFile()) {
            throw new PkiException(location, "trust anchor " + anchor + " exists on " + host + " but is not a regular file");
        }
        boolean createDirectory = !context.path(facts, layout.directory()).isDirectory();
        Optional<String> wanted = context.outputs().resolve(root);
        byte[] bytes = wanted.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
        context.simulate(anchor, PathState.file(ANCHOR_ATTRS.mode(), "root", "root", bytes));

        Action action;
        String reason;
        if (!actual.exists()) {
            action = Action.CREATE;
            reason = "not trusted yet";
        } else if (wanted.isEmpty()) {
            action = Action.UPDATE;
            reason = "the root of ca('" + caName + "') is known after apply";
        } else if (!Arrays.equals(actual.content(), bytes)) {
            action = Action.UPDATE;
            reason = actual.readable() ? "anchor differs from the root of ca('" + caName + "')" : "anchor is unreadable";
        } else {
            return Change.noop();
        }
        List<AttributeChange> attrs = new ArrayList<>();
        attrs.add(AttributeChange.set("anchor", anchor));
        if (createDirectory) attrs.add(AttributeChange.set("directory", layout.directory() + " (created, 0755)"));
        String before = actual.exists() ? actual.text().orElse("") : null;
        if (wanted.isEmpty()) {
            attrs.add(AttributeChange.of("content", before == null ? null : "(" + before.length() + " bytes)", AttributeChange.KNOWN_AFTER_APPLY));
        }
        attrs.add(AttributeChange.set("then runs", layout.commandLine()));
        Change change = Change.of(action, reason, attrs)
                .withDetail(new Planned(layout, anchor, layout.command(toolPath), createDirectory, actual.exists() ? actual.content() : null));
        // Certificates are public, so the diff is shown in full.
        return wanted.isPresent() ? change.withContent(new TextDiff(anchor, before, wanted.get())) : change;
    }

    static OsRelease osRelease(FactSet facts) {
        for (Fact f : List.of(OS_RELEASE, OS_RELEASE_FALLBACK)) {
            Optional<String> text = facts.path(((Fact.PathFact) f).path()).text();
            if (text.isPresent()) return OsRelease.parse(text.get());
        }
        return OsRelease.UNKNOWN;
    }

    @Override
    public void apply(FactSet facts, Change change, ApplyContext context) {
        Planned p = (Planned) change.detail();
        String pem = context.outputs().resolve(root)
                .orElseThrow(() -> new PkiException(location, "root certificate of ca('" + caName + "') is still unknown"));
        var remote = context.remote();
        if (p.createDirectory()) remote.mkdir(p.layout().directory(), DIRECTORY_ATTRS);
        remote.write(p.anchor(), pem.getBytes(StandardCharsets.UTF_8), ANCHOR_ATTRS);
        ExecResult result = remote.transport().exec(Command.of(p.update()));
        if (result.ok()) return;
        // Put the anchor back as it was: the next plan then shows the same change and the update
        // runs again, instead of a changed anchor that never made it into the bundle.
        String restored = restore(p, context);
        throw new PkiException(location, p.layout().commandLine() + " failed on " + context.host() + " (exit "
                + result.exitCode() + "): " + result.errorLine() + "; " + restored);
    }

    private static String restore(Planned p, ApplyContext context) {
        try {
            if (p.previous() == null) context.remote().run("remove " + p.anchor(), Command.of("rm", "-f", "--", p.anchor()));
            else context.remote().write(p.anchor(), p.previous(), ANCHOR_ATTRS);
            context.remote().flush();   // now, to say whether it worked
            return "the anchor was put back as it was, so the next apply tries again";
        } catch (TransportException e) {
            return "putting the anchor back failed too: " + e.getMessage();
        }
    }

    @Override
    public Optional<String> handler() {
        return Optional.ofNullable(onChange);
    }
}

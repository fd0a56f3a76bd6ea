package dev.pki.resource.certificate;

import dev.pki.model.TargetPath;
import dev.pki.crypto.Keys;
import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;
import dev.pki.model.Address;
import dev.pki.model.Sensitive;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import dev.pki.resource.Ahead;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.Ownership;
import dev.pki.resource.ParentDirectories;
import dev.pki.resource.PlanContext;
import dev.pki.resource.Resource;
import dev.pki.resource.ca.CaHandle;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A leaf certificate and its key, issued in-process by a CA of the playbook. */
record CertificateResource(Address address, SourceLocation location, CertificateSpec spec) implements Resource {

    /** What apply has to do, decided by plan: create directories, issue, rewrite chain files, fix ownership. */
    record Work(List<String> createDirs, boolean issue, List<String> rewrite, boolean fixOwnership) {
    }

    @Override
    public Set<Fact> facts() {
        Set<Fact> facts = new LinkedHashSet<>();
        for (String path : paths()) facts.add(Fact.content(path));
        facts.addAll(ParentDirectories.of(paths()).facts());
        return facts;
    }

    private List<String> paths() {
        List<String> paths = new ArrayList<>(List.of(spec.cert(), spec.key()));
        if (spec.chain() != null) paths.add(spec.chain());
        if (spec.fullchain() != null) paths.add(spec.fullchain());
        return paths;
    }

    @Override
    public Change plan(FactSet facts, PlanContext context) {
        PathState cert = context.path(facts, spec.cert());
        PathState key = context.path(facts, spec.key());
        Optional<CaHandle> issuer = context.outputs().get(spec.issuer().handleKey(), CaHandle.class);
        Renewal.Verdict verdict = Renewal.check(spec, cert, key, issuer, context.now());
        if (verdict.reason().isPresent()) {
            // Open the CA's key now, while nothing has changed anywhere: a wrong passphrase stops the plan.
            issuer.ifPresent(CaHandle::checkSigner);
            boolean nothingThere = !cert.exists() && !key.exists();
            Action action = nothingThere ? Action.CREATE : Action.REPLACE;
            List<String> dirs = ParentDirectories.of(paths()).planCreate(facts, context);
            List<AttributeChange> attrs = issueAttributes();
            attrs.addAll(ParentDirectories.attributes(dirs));
            return Change.of(action, verdict.reason().get(), attrs).withDetail(new Work(dirs, true, List.of(), false));
        }
        CaHandle ca = issuer.orElseThrow();
        List<String> rewrite = new ArrayList<>();
        List<AttributeChange> attrs = new ArrayList<>();
        if (spec.chain() != null && !sameText(context.path(facts, spec.chain()), ca.intermediatePem())) {
            rewrite.add(spec.chain());
            attrs.add(AttributeChange.of("chain", describe(context.path(facts, spec.chain())), "intermediate certificate"));
        }
        if (spec.fullchain() != null && !sameText(context.path(facts, spec.fullchain()), cert.text().orElse("") + ca.intermediatePem())) {
            rewrite.add(spec.fullchain());
            attrs.add(AttributeChange.of("fullchain", describe(context.path(facts, spec.fullchain())), "certificate + intermediate"));
        }
        List<AttributeChange> ownership = new ArrayList<>(spec.keyOwnership().differences("key ", key));
        ownership.addAll(spec.certOwnership().differences("cert ", cert));
        for (String p : java.util.Arrays.asList(spec.chain(), spec.fullchain())) {
            if (p != null && !rewrite.contains(p)) ownership.addAll(spec.certOwnership().differences(TargetPath.fileName(p) + " ", context.path(facts, p)));
        }
        attrs.addAll(ownership);
        List<String> dirs = rewrite.isEmpty() ? List.of() : ParentDirectories.of(rewrite).planCreate(facts, context);
        attrs.addAll(ParentDirectories.attributes(dirs));
        // A warning (renewal due but capped by the issuer) goes with a no-op too; the planner reports it.
        if (attrs.isEmpty()) return Change.noop().withWarning(verdict.warning());
        String why = !rewrite.isEmpty() ? rewrite.stream().map(TargetPath::fileName).collect(Collectors.joining(", ")) + " out of date"
                : Ownership.describe(ownership);
        return Change.of(Action.UPDATE, why, attrs).withWarning(verdict.warning())
                .withDetail(new Work(dirs, false, rewrite, !ownership.isEmpty()));
    }

    private List<AttributeChange> issueAttributes() {
        List<AttributeChange> attrs = new ArrayList<>();
        attrs.add(AttributeChange.set("issuer", spec.issuer().toString()));
        attrs.add(AttributeChange.set("commonName", spec.commonName()));
        attrs.add(AttributeChange.set("sans", String.join(", ", spec.sans())));
        attrs.add(AttributeChange.set("usage", Renewal.names(spec.usages())));
        attrs.add(AttributeChange.set("keyType", spec.keyType().id()));
        attrs.add(AttributeChange.set("validity", spec.validity().toString()));
        attrs.add(AttributeChange.set("notAfter", AttributeChange.KNOWN_AFTER_APPLY));
        attrs.add(new AttributeChange("key", null, Sensitive.MARKER + " " + spec.key() + " mode " + spec.keyOwnership().mode(), true));
        attrs.add(AttributeChange.set("cert", spec.cert()));
        return attrs;
    }

    @Override
    public void apply(FactSet facts, Change change, ApplyContext context) {
        Work work = (Work) change.detail();
        CaHandle ca = context.outputs().get(spec.issuer().handleKey(), CaHandle.class)
                .orElseThrow(() -> new PkiException(location, spec.issuer() + " is not available to sign " + spec.name()));
        var remote = context.remote();
        String certPem;
        ParentDirectories.create(remote, work.createDirs());
        if (work.issue()) {
            Instant now = context.now();
            Issued issued = context.ahead().take(aheadId(context.host()), Issued.class)
                    .filter(done -> done.fits(ca, now)).orElseGet(() -> Issued.now(spec, ca, now));
            // Key first, so the pair on disk is never a new certificate with an old key.
            remote.write(spec.key(), utf8(Keys.toPem(issued.keys().getPrivate())), spec.keyOwnership().attrs());
            remote.write(spec.cert(), utf8(issued.certPem()), spec.certOwnership().attrs());
            certPem = issued.certPem();
        } else {
            certPem = context.path(facts, spec.cert()).text().orElse("");
            if (work.fixOwnership()) {
                remote.setAttributes(spec.key(), spec.keyOwnership().attrs());
                remote.setAttributes(spec.cert(), spec.certOwnership().attrs());
            }
        }
        if (spec.chain() != null && (work.issue() || work.rewrite().contains(spec.chain()) || work.fixOwnership())) {
            remote.write(spec.chain(), utf8(ca.intermediatePem()), spec.certOwnership().attrs());
        }
        if (spec.fullchain() != null && (work.issue() || work.rewrite().contains(spec.fullchain()) || work.fixOwnership())) {
            remote.write(spec.fullchain(), utf8(certPem + ca.intermediatePem()), spec.certOwnership().attrs());
        }
    }

    /** A certificate to issue: its key generated and signed ahead, once its issuer is there. */
    @Override
    public void prepare(Change change, PlanContext context, Ahead ahead) {
        if (!(change.detail() instanceof Work work) || !work.issue()) return;
        Clock clock = context.clock();
        ahead.start(aheadId(context.host()), context.outputs().published(spec.issuer().handleKey(), CaHandle.class),
                ca -> Issued.now(spec, ca, clock.instant()));
    }

    private String aheadId(String host) {
        return host + " " + address();
    }

    @Override
    public Set<String> requires() {
        return Set.of(spec.issuer().handleKey());
    }

    @Override
    public Optional<String> handler() {
        return Optional.ofNullable(spec.onRenew());
    }

    private static boolean sameText(PathState file, String text) {
        return file.isFile() && Arrays.equals(file.content(), utf8(text));
    }

    private static String describe(PathState file) {
        return file.isFile() ? "(differs)" : null;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

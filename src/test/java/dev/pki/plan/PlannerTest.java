package dev.pki.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pki.diag.Diagnostic;
import dev.pki.dsl.PlaybookLoader;
import dev.pki.facts.Fact;
import dev.pki.facts.FactGatherer;
import dev.pki.facts.FactSet;
import dev.pki.resource.Ahead;
import dev.pki.resource.Outputs;
import dev.pki.resource.Play;
import dev.pki.resource.PlanContext;
import dev.pki.resource.Playbook;
import dev.pki.resource.Resource;
import dev.pki.transport.LocalTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static final String LAB = """
            def out = vars.out
            hosts('localhost') {
                directory "$out/missing/parent/ssl"
                ca('lab') {
                    dir "$out/ca"
                    passphraseFile "$out/ca/secrets/passphrase.txt"
                }
                directory "$out/trust"
                file("$out/trust/lab_root_ca.crt") {
                    content ca('lab').rootCertificate
                }
                directory "$out/nginx"
                certificate('nginx.internal') {
                    issuer ca('lab')
                    sans 'nginx.internal', '10.0.0.12'
                    cert "$out/nginx/nginx.crt"
                    key  "$out/nginx/nginx.key"
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void plan_freshMachine_createsEverythingWithoutErrors() throws IOException {
        Plan plan = plan(LAB);

        assertEquals(List.of(), plan.diagnostics());
        assertFalse(plan.hasErrors());
        assertEquals(List.of(
                "+ directory " + dir + "/missing/parent/ssl",
                "+ ca lab",
                "+ directory " + dir + "/trust",
                "+ file " + dir + "/trust/lab_root_ca.crt",
                "+ directory " + dir + "/nginx",
                "+ certificate nginx.internal"), summary(plan));
        assertEquals(List.of("localhost"), List.copyOf(plan.byHost().keySet()));
        assertEquals(6, plan.counts().get(Action.CREATE));
    }

    @Test
    void prepare_onlyACertificateToIssue_givesWorkAhead() throws IOException {
        Plan plan = plan(LAB);
        Outputs outputs = new Outputs();
        try (Ahead ahead = Ahead.onSpareCores()) {
            List<String> expecting = new ArrayList<>();
            for (PlannedStep s : plan.steps()) {
                s.step().prepare(s.change(), new PlanContext(s.host(), CLOCK, outputs), ahead);
                s.step().prepare(Change.noop(), new PlanContext("other", CLOCK, outputs), ahead);   // nothing to do: nothing to prepare
                if (ahead.expects(s.host() + " " + s.step().address())) expecting.add(s.step().address().toString());
                assertFalse(ahead.expects("other " + s.step().address()));
            }
            assertEquals(List.of("certificate nginx.internal"), expecting, "the CA makes its own keys when it applies");
        }
    }

    @Test
    void plan_directoryUnderMissingParent_isCreateWithMode() throws IOException {
        Change change = change(plan(LAB), "directory " + dir + "/missing/parent/ssl");

        assertEquals(Action.CREATE, change.action());
        assertEquals("does not exist", change.reason());
        assertEquals(List.of(AttributeChange.set("mode", "0755")), change.attributes());
    }

    @Test
    void plan_fileWithRootOfCaNotYetCreated_hasContentKnownAfterApply() throws IOException {
        Change change = change(plan(LAB), "file " + dir + "/trust/lab_root_ca.crt");

        assertEquals(Action.CREATE, change.action());
        AttributeChange content = attribute(change, "content");
        assertNull(content.before());
        assertEquals(AttributeChange.KNOWN_AFTER_APPLY, content.after());
        assertNull(change.content(), "no text diff for content nobody knows yet");
    }

    @Test
    void plan_existingFileWithRootOfCaNotYetCreated_isUpdateKnownAfterApply() throws IOException {
        Files.createDirectories(dir.resolve("trust"));
        Files.writeString(dir.resolve("trust/lab_root_ca.crt"), "old root\n");
        Files.setPosixFilePermissions(dir.resolve("trust/lab_root_ca.crt"), PosixFilePermissions.fromString("rw-r--r--"));

        Change change = change(plan(LAB), "file " + dir + "/trust/lab_root_ca.crt");

        assertEquals(Action.UPDATE, change.action());
        assertEquals("content comes from ca('lab').rootCertificate, known after apply", change.reason());
        AttributeChange content = attribute(change, "content");
        assertEquals("(9 bytes)", content.before());
        assertEquals(AttributeChange.KNOWN_AFTER_APPLY, content.after());
    }

    @Test
    void plan_certificateWithCaCreatedInSameRun_isCreate() throws IOException {
        Change change = change(plan(LAB), "certificate nginx.internal");

        assertEquals(Action.CREATE, change.action());
        assertEquals("certificate file " + dir + "/nginx/nginx.crt is missing", change.reason());
        assertEquals("ca('lab')", attribute(change, "issuer").after());
        assertEquals("nginx.internal, 10.0.0.12", attribute(change, "sans").after());
        assertEquals(AttributeChange.KNOWN_AFTER_APPLY, attribute(change, "notAfter").after());
        assertTrue(attribute(change, "key").sensitive());
    }

    @Test
    void plan_certificateFilesPresentButCaCreatedInSameRun_isReplaceBecauseOfNewIssuer() throws IOException {
        // Any readable pair would do; a key that does not match is reported before the issuer.
        Files.createDirectories(dir.resolve("nginx"));
        var keys = dev.pki.crypto.Keys.generate(dev.pki.crypto.KeyType.EC_P256);
        var root = dev.pki.crypto.Signer.selfSignedRoot("CN=Old", keys, CLOCK.instant(), CLOCK.instant().plusSeconds(86400), 0);
        Files.writeString(dir.resolve("nginx/nginx.crt"), dev.pki.crypto.Certs.toPem(root));
        Files.writeString(dir.resolve("nginx/nginx.key"), dev.pki.crypto.Keys.toPem(keys.getPrivate()));

        Change change = change(plan(LAB), "certificate nginx.internal");

        assertEquals(Action.REPLACE, change.action());
        assertEquals("issuer ca('lab') is created in this run", change.reason());
    }

    @Test
    void plan_existingDirectoryWithOtherMode_isUpdateNamingTheMode() throws IOException {
        Files.createDirectories(dir.resolve("trust"));
        Files.setPosixFilePermissions(dir.resolve("trust"), PosixFilePermissions.fromString("rwxrwxrwx"));

        Change change = change(plan(LAB), "directory " + dir + "/trust");

        assertEquals(Action.UPDATE, change.action());
        assertEquals("mode 0777 → 0755", change.reason());
        assertEquals(List.of(AttributeChange.of("mode", "0777", "0755")), change.attributes());
    }

    @Test
    void plan_fileWithSameContentAndMode_isNoop() throws IOException {
        Path file = Files.writeString(dir.resolve("motd"), "hello\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Plan plan = plan("""
                hosts('localhost') {
                    file("${vars.out}/motd") { content 'hello\\n' }
                }
                """);

        assertEquals(Action.NOOP, change(plan, "file " + file).action());
        assertFalse(plan.hasChanges());
    }

    @Test
    void plan_fileInDirectoryCreatedByEarlierStep_isPlannedAgainstSimulation() throws IOException {
        Plan plan = plan("""
                hosts('localhost') {
                    directory "${vars.out}/new"
                    file("${vars.out}/new/a.txt") { content 'a'; mode '0600' }
                }
                """);

        Change file = change(plan, "file " + dir + "/new/a.txt");
        assertEquals(Action.CREATE, file.action());
        assertEquals(new TextDiff(dir + "/new/a.txt", null, "a"), file.content());
        assertTrue(file.attributes().contains(AttributeChange.set("mode", "0600")));
    }

    @Test
    void plan_caDeclaredInLaterBlock_isDiagnosedNotThrown() throws IOException {
        Plan plan = plan("""
                hosts('localhost') {
                    file("${vars.out}/root.crt") { content ca('lab').rootCertificate }
                }
                hosts('localhost') {
                    ca('lab') { dir "${vars.out}/ca"; passphraseFile "${vars.out}/pass" }
                }
                """);

        assertTrue(plan.hasErrors());
        assertEquals(1, plan.diagnostics().size());
        Diagnostic d = plan.diagnostics().get(0);
        assertTrue(d.summary().contains("uses ca('lab'), which no earlier step declares"), d.summary());
        assertEquals(2, d.location().line());
    }

    @Test
    void plan_unreachableHost_isLeftOutAndReported_withoutFailingThePlan() throws IOException {
        Playbook playbook = load(LAB);
        List<Target> targets = targets(playbook);

        Plan plan = Planner.plan(targets, Map.of(), Map.of("localhost", "connection refused"), CLOCK);

        assertEquals(List.of(), plan.steps());
        // Other hosts are still planned and applied; the commands report the host and exit 1.
        assertFalse(plan.hasErrors());
        assertEquals(Map.of("localhost", "connection refused"), plan.unreachable());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Plan plan(String playbookText) throws IOException {
        Playbook playbook = load(playbookText);
        List<Target> targets = targets(playbook);
        LocalTransport transport = new LocalTransport();
        FactSet facts = FactGatherer.gather(transport, facts(playbook));
        assertEquals(1, transport.roundTrips());
        return Planner.plan(targets, Map.of("localhost", facts), Map.of(), CLOCK);
    }

    private Playbook load(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("playbook.groovy"), text);
        return PlaybookLoader.load(file, Map.of("out", dir.toString()));
    }

    private static List<Target> targets(Playbook playbook) {
        return playbook.plays().stream().map(p -> new Target(p, List.of("localhost"))).toList();
    }

    private static Set<Fact> facts(Playbook playbook) {
        Set<Fact> facts = new LinkedHashSet<>();
        for (Play play : playbook.plays()) for (Resource step : play.steps()) facts.addAll(step.facts());
        return facts;
    }

    private static List<String> summary(Plan plan) {
        List<String> out = new ArrayList<>();
        for (PlannedStep s : plan.steps()) out.add(s.change().action().symbol() + " " + s.step().address());
        return out;
    }

    private static Change change(Plan plan, String address) {
        Optional<PlannedStep> step = plan.steps().stream().filter(s -> s.step().address().toString().equals(address)).findFirst();
        return step.orElseThrow(() -> new AssertionError("no step " + address + " in " + summary(plan) + " " + plan.diagnostics())).change();
    }

    private static AttributeChange attribute(Change change, String name) {
        return change.attributes().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no attribute " + name + " in " + change.attributes()));
    }
}

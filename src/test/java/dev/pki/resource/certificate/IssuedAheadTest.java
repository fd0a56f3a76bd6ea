package dev.pki.resource.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pki.crypto.CertView;
import dev.pki.crypto.Certs;
import dev.pki.crypto.IssuingCa;
import dev.pki.crypto.KeyType;
import dev.pki.crypto.Keys;
import dev.pki.crypto.Signer;
import dev.pki.crypto.Usage;
import dev.pki.diag.SourceLocation;
import dev.pki.model.Address;
import dev.pki.model.Lifetime;
import dev.pki.model.Mode;
import dev.pki.plan.Action;
import dev.pki.plan.Change;
import dev.pki.resource.Ahead;
import dev.pki.resource.Outputs;
import dev.pki.resource.Ownership;
import dev.pki.resource.PlanContext;
import dev.pki.resource.ca.CaHandle;
import dev.pki.resource.ca.TestCaRefs;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A certificate to issue is keyed and signed ahead, once its issuer is published, and used only when it fits. */
class IssuedAheadTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final CertificateSpec SPEC = new CertificateSpec("web.internal", TestCaRefs.of("lab"), "web.internal",
            List.of("web.internal", "10.0.0.7"), EnumSet.of(Usage.SERVER), KeyType.EC_P256, Lifetime.days(90), Duration.ofDays(30),
            "/srv/web.crt", "/srv/web.key", null, null, new Ownership("", "", new Mode("0600")), null);
    private static final CertificateResource STEP = new CertificateResource(new Address("certificate", "web.internal"),
            SourceLocation.UNKNOWN, SPEC);
    private static final Change ISSUE = Change.of(Action.CREATE, "certificate file /srv/web.crt is missing", List.of())
            .withDetail(new CertificateResource.Work(List.of(), true, List.of(), false));

    private static CaHandle lab;
    private static CaHandle other;

    @BeforeAll
    static void cas() {
        lab = ca("CN=Lab Intermediate CA");
        other = ca("CN=Lab Intermediate CA");   // the same name, another key: another CA
    }

    private static CaHandle ca(String intermediateDn) {
        KeyPair rootKeys = Keys.generate(KeyType.EC_P256);
        KeyPair keys = Keys.generate(KeyType.EC_P256);
        X509Certificate root = Signer.selfSignedRoot("CN=Lab Root CA", rootKeys, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3650)), 1);
        X509Certificate intermediate = Signer.intermediate(intermediateDn, keys.getPublic(), root, rootKeys.getPrivate(),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1825)), 0);
        return CaHandle.unlocked("lab", "ct103", root, IssuingCa.of(intermediate, keys.getPrivate()));
    }

    /** A fixed clock that says which threads asked it the time, and when the first did. */
    private static final class WatchedClock extends Clock {
        final Set<String> askedBy = ConcurrentHashMap.newKeySet();
        final CountDownLatch asked = new CountDownLatch(1);

        @Override
        public Instant instant() {
            askedBy.add(Thread.currentThread().getName());
            asked.countDown();
            return NOW;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void prepare_waitsForTheIssuer_thenSignsOnASpareCore() throws Exception {
        WatchedClock clock = new WatchedClock();
        Outputs outputs = new Outputs();
        try (Ahead ahead = Ahead.onSpareCores()) {
            STEP.prepare(ISSUE, new PlanContext("web", clock, outputs), ahead);
            outputs.put("ca:lab", Outputs.UNKNOWN);   // planned, not yet created: nothing to sign with
            assertFalse(clock.asked.await(200, TimeUnit.MILLISECONDS), "no work before the issuer exists");

            outputs.put("ca:lab", lab);
            assertTrue(clock.asked.await(10, TimeUnit.SECONDS), "work starts once the issuer is published");
            Issued issued = ahead.take("web certificate web.internal", Issued.class).orElseThrow();

            assertEquals(Set.of("pki-ahead"), clock.askedBy);
            assertTrue(issued.fits(lab, NOW));
            X509Certificate cert = Certs.fromPem(issued.certPem());
            cert.verify(lab.intermediate().getPublicKey());
            CertView view = CertView.of(cert);
            assertEquals(List.of("web.internal"), view.dnsNames());
            assertEquals(List.of("10.0.0.7"), view.ipAddresses());
            assertEquals(NOW.minus(Duration.ofMinutes(1)), view.notBefore());
            assertEquals(NOW.plus(Duration.ofDays(90)), view.notAfter());
            assertTrue(Keys.samePublicKey(issued.keys().getPublic(), cert.getPublicKey()));
            assertFalse(ahead.expects("web certificate web.internal"), "taken once");
        }
    }

    @Test
    void take_beforeTheIssuerIsPublished_isEmpty_theStepSignsItself() {
        try (Ahead ahead = Ahead.onSpareCores()) {
            Outputs outputs = new Outputs();
            STEP.prepare(ISSUE, new PlanContext("web", Clock.fixed(NOW, ZoneOffset.UTC), outputs), ahead);
            assertEquals(Optional.empty(), ahead.take("web certificate web.internal", Issued.class));
            outputs.put("ca:lab", lab);   // too late: claimed by the step, nothing runs
        }
    }

    @Test
    void prepare_nothingToIssue_startsNothing() {
        try (Ahead ahead = Ahead.onSpareCores()) {
            STEP.prepare(Change.noop(), new PlanContext("web", Clock.systemUTC(), new Outputs()), ahead);
            assertFalse(ahead.expects("web certificate web.internal"));
        }
    }

    @Test
    void fits_onlyTheSameIntermediate_andOnlyWhileFresh() {
        Issued issued = Issued.now(SPEC, lab, NOW);

        assertTrue(issued.fits(lab, NOW.plus(Issued.FRESH)));
        assertFalse(issued.fits(lab, NOW.plus(Issued.FRESH).plusMillis(1)), "waited too long: signed again");
        assertFalse(issued.fits(other, NOW), "another CA with the same names");
    }

    @Test
    void issued_isCutToTheIntermediatesEnd_andNeverShowsTheKey() {
        CertificateSpec longLived = new CertificateSpec("web.internal", TestCaRefs.of("lab"), "web.internal", List.of("web.internal"),
                EnumSet.of(Usage.SERVER), KeyType.EC_P256, Lifetime.years(10), Duration.ofDays(30), "/srv/web.crt", "/srv/web.key",
                null, null, new Ownership("", "", new Mode("0600")), null);
        Issued issued = Issued.now(longLived, lab, NOW);

        assertEquals(lab.intermediate().getNotAfter().toInstant(), CertView.of(Certs.fromPem(issued.certPem())).notAfter());
        String shown = issued.toString();
        assertFalse(shown.contains("PRIVATE") || shown.contains(Keys.toPem(issued.keys().getPrivate())), shown);
    }
}

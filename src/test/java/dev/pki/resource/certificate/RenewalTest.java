package dev.pki.resource.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pki.crypto.Certs;
import dev.pki.crypto.KeyType;
import dev.pki.crypto.IssuingCa;
import dev.pki.crypto.Keys;
import dev.pki.crypto.LeafRequest;
import dev.pki.crypto.Signer;
import dev.pki.crypto.Usage;
import dev.pki.facts.PathState;
import dev.pki.model.Lifetime;
import dev.pki.model.Mode;
import dev.pki.resource.Ownership;
import dev.pki.resource.ca.CaHandle;
import dev.pki.resource.ca.TestCaRefs;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalTest {

    private static final Instant ISSUED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant NOT_AFTER = ISSUED.plus(Duration.ofDays(90));
    private static final String CERT = "/etc/nginx/ssl/nginx.crt";
    private static final String KEY = "/etc/nginx/ssl/nginx.key";
    private static final List<String> SANS = List.of("nginx.internal", "www.internal", "10.0.0.12", "2001:db8::1");

    private static CaHandle lab;
    private static CaHandle otherCa;
    private static CaHandle impostor;
    private static KeyPair leafKeys;
    private static String leafPem;

    @BeforeAll
    static void buildCas() {
        lab = ca("lab", "CN=Lab Root CA, O=Lab", "CN=Lab Intermediate CA, O=Lab");
        otherCa = ca("other", "CN=Other Root CA", "CN=Other Intermediate CA");
        // Same names as lab's, different keys: still another CA.
        impostor = ca("lab", "CN=Lab Root CA, O=Lab", "CN=Lab Intermediate CA, O=Lab");
        leafKeys = Keys.generate(KeyType.EC_P256);
        leafPem = leaf(lab, "nginx.internal", SANS, EnumSet.of(Usage.SERVER));
    }

    private static CaHandle ca(String name, String rootDn, String intermediateDn) {
        KeyPair rootKeys = Keys.generate(KeyType.EC_P256);
        KeyPair intermediateKeys = Keys.generate(KeyType.EC_P256);
        X509Certificate root = Signer.selfSignedRoot(rootDn, rootKeys, ISSUED, ISSUED.plus(Duration.ofDays(3650)), 1);
        X509Certificate intermediate = Signer.intermediate(intermediateDn, intermediateKeys.getPublic(), root,
                rootKeys.getPrivate(), ISSUED, ISSUED.plus(Duration.ofDays(1825)), 0);
        return CaHandle.unlocked(name, "ct103", root, IssuingCa.of(intermediate, intermediateKeys.getPrivate()));
    }

    private static String leaf(CaHandle ca, String cn, List<String> sans, Set<Usage> usages) {
        LeafRequest request = new LeafRequest(cn, sans, usages, leafKeys.getPublic(), ISSUED, NOT_AFTER);
        return Certs.toPem(Signer.leaf(request, ca.signer()));
    }

    /** Everything Renewal looks at, starting from a certificate that needs nothing. */
    private static final class Case {
        String commonName = "nginx.internal";
        List<String> sans = SANS;
        Set<Usage> usages = EnumSet.of(Usage.SERVER);
        KeyType keyType = KeyType.EC_P256;
        Duration renewBefore = Duration.ofHours(12);
        PathState cert = file(leafPem);
        PathState key = file(Keys.toPem(leafKeys.getPrivate()));
        Optional<CaHandle> issuer = Optional.of(lab);
        Instant now = ISSUED.plus(Duration.ofDays(1));

        Case with(Consumer<Case> change) {
            change.accept(this);
            return this;
        }

        Optional<String> reason() {
            return verdict().reason();
        }

        Renewal.Verdict verdict() {
            CertificateSpec spec = new CertificateSpec("nginx.internal", TestCaRefs.of("lab"), commonName, sans, usages, keyType,
                    Lifetime.days(90), renewBefore, CERT, KEY, null, null, new Ownership("", "", new Mode("0600")), null);
            return Renewal.check(spec, cert, key, issuer, now);
        }
    }

    private static PathState file(String text) {
        return PathState.file("0600", "root", "root", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> reason(Consumer<Case> change) {
        return new Case().with(change).reason();
    }

    @Test
    void reason_goodCertificate_isEmpty() {
        assertEquals(Optional.empty(), new Case().reason());
    }

    @Test
    void reason_everythingWrong_reportsEachReasonInOrderAsProblemsAreFixed() {
        Case c = new Case().with(x -> {
            x.cert = PathState.ABSENT;
            x.key = PathState.ABSENT;
            x.issuer = Optional.empty();
            x.keyType = KeyType.EC_P384;
            x.commonName = "web.internal";
            x.sans = List.of("web.internal");
            x.usages = EnumSet.of(Usage.CLIENT);
            x.now = NOT_AFTER.plus(Duration.ofDays(3));
        });
        List<String> seen = new ArrayList<>();
        List<Consumer<Case>> fixes = List.of(
                x -> x.cert = file("garbage"),
                x -> x.key = file("garbage"),
                x -> x.cert = file(leafPem),
                x -> x.key = file(Keys.toPem(Keys.generate(KeyType.EC_P256).getPrivate())),
                x -> x.key = file(Keys.toPem(leafKeys.getPrivate())),
                x -> x.issuer = Optional.of(otherCa),
                x -> x.issuer = Optional.of(lab),
                x -> x.keyType = KeyType.EC_P256,
                x -> x.commonName = "nginx.internal",
                x -> x.sans = SANS,
                x -> x.usages = EnumSet.of(Usage.SERVER),
                x -> x.now = NOT_AFTER.minus(Duration.ofHours(9)),
                x -> x.now = ISSUED.plus(Duration.ofDays(1)));
        seen.add(c.reason().orElse("none"));
        for (Consumer<Case> fix : fixes) seen.add(c.with(fix).reason().orElse("none"));

        assertEquals(List.of(
                "certificate file " + CERT + " is missing",
                "key file " + KEY + " is missing",
                "certificate file " + CERT + " is unreadable",
                "key file " + KEY + " is unreadable",
                "key does not match certificate",
                "issuer ca('lab') is created in this run",
                "issued by another CA",
                "key type ec-p256 → ec-p384",
                "common name nginx.internal → web.internal",
                "SANs differ: +web.internal -10.0.0.12 -2001:db8::1 -nginx.internal -www.internal",
                "usages server → client",
                "expired 3d ago",
                "expires in 9h < renewBefore 12h",
                "none"), seen);
    }

    @Test
    void reason_certMissing_isFirstEvenWithKeyMissing() {
        assertEquals(Optional.of("certificate file " + CERT + " is missing"), reason(c -> {
            c.cert = PathState.ABSENT;
            c.key = PathState.ABSENT;
        }));
    }

    @Test
    void reason_certIsADirectory_countsAsMissing() {
        assertEquals(Optional.of("certificate file " + CERT + " is missing"), reason(c -> c.cert = PathState.directory("0755", "root", "root")));
    }

    @Test
    void reason_keyMissing_isReported() {
        assertEquals(Optional.of("key file " + KEY + " is missing"), reason(c -> c.key = PathState.ABSENT));
    }

    @Test
    void reason_certUnreadableByTarget_isUnreadable() {
        PathState unreadable = new PathState(PathState.Kind.FILE, "0000", "root", "root", null, false);
        assertEquals(Optional.of("certificate file " + CERT + " is unreadable"), reason(c -> c.cert = unreadable));
    }

    @Test
    void reason_keyHoldsACertificate_isUnreadable() {
        assertEquals(Optional.of("key file " + KEY + " is unreadable"), reason(c -> c.key = file(leafPem)));
    }

    @Test
    void reason_keyOfOtherPair_isMismatch() {
        String otherKey = Keys.toPem(Keys.generate(KeyType.EC_P256).getPrivate());
        assertEquals(Optional.of("key does not match certificate"), reason(c -> c.key = file(otherKey)));
    }

    @Test
    void reason_issuerCreatedInThisRun_isReported() {
        assertEquals(Optional.of("issuer ca('lab') is created in this run"), reason(c -> c.issuer = Optional.empty()));
    }

    @Test
    void reason_issuedByOtherCa_isReported() {
        assertEquals(Optional.of("issued by another CA"), reason(c -> c.issuer = Optional.of(otherCa)));
    }

    @Test
    void reason_caWithSameNamesButOtherKey_isAnotherCa() {
        assertEquals(Optional.of("issued by another CA"), reason(c -> c.issuer = Optional.of(impostor)));
    }

    @Test
    void reason_keyTypeChanged_namesBothTypes() {
        assertEquals(Optional.of("key type ec-p256 → rsa-2048"), reason(c -> c.keyType = KeyType.RSA_2048));
    }

    @Test
    void reason_commonNameChanged_namesBoth() {
        assertEquals(Optional.of("common name nginx.internal → nginx.lab"), reason(c -> c.commonName = "nginx.lab"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nginx.internal www.internal 10.0.0.12 2001:db8::1 api.internal | +api.internal",
            "nginx.internal 10.0.0.12 2001:db8::1                          | -www.internal",
            "nginx.internal www2.internal 10.0.0.12 2001:db8::1            | +www2.internal -www.internal",
            "nginx.internal www.internal 10.0.0.13 2001:db8::1             | +10.0.0.13 -10.0.0.12",
            "nginx.internal www.internal 10.0.0.12 2001:db8::2             | +2001:db8::2 -2001:db8::1",
    })
    void reason_sansDiffer_listsAddedThenRemoved(String wanted, String difference) {
        assertEquals(Optional.of("SANs differ: " + difference), reason(c -> c.sans = List.of(wanted.split(" "))));
    }

    @Test
    void reason_sanAddedAndOldRemoved_showsBoth() {
        String withOld = leaf(lab, "nginx.internal", List.of("nginx.internal", "old"), EnumSet.of(Usage.SERVER));
        assertEquals(Optional.of("SANs differ: +www.internal -old"), reason(c -> {
            c.cert = file(withOld);
            c.sans = List.of("nginx.internal", "www.internal");
        }));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "www.internal 2001:db8::1 10.0.0.12 nginx.internal",                  // order does not matter
            "nginx.internal www.internal 10.0.0.12 2001:DB8:0:0:0:0:0:1",         // IPv6 written out in full
            "nginx.internal www.internal 10.0.0.12 2001:0db8:0000::0001",         // leading zeros
            "NGINX.internal WWW.INTERNAL 10.0.0.12 2001:db8::1",                  // DNS names are case-insensitive
            "nginx.internal www.internal www.internal 10.0.0.12 2001:db8::1",     // duplicates
    })
    void reason_sansWrittenDifferently_isNoDifference(String wanted) {
        assertEquals(Optional.empty(), reason(c -> c.sans = List.of(wanted.split(" "))));
    }

    @Test
    void reason_usagesChanged_namesBoth() {
        assertEquals(Optional.of("usages server → server, client"), reason(c -> c.usages = EnumSet.of(Usage.SERVER, Usage.CLIENT)));
    }

    @Test
    void reason_expiresWithinRenewBefore_saysHowSoon() {
        assertEquals(Optional.of("expires in 9h < renewBefore 12h"), reason(c -> c.now = NOT_AFTER.minus(Duration.ofHours(9))));
    }

    @Test
    void reason_expiresJustAfterRenewBefore_isEmpty() {
        assertEquals(Optional.empty(), reason(c -> c.now = NOT_AFTER.minus(Duration.ofHours(12)).minusSeconds(1)));
    }

    @Test
    void reason_expiresExactlyAtRenewBefore_renews() {
        assertTrue(reason(c -> c.now = NOT_AFTER.minus(Duration.ofHours(12))).orElse("").startsWith("expires in 12h"));
    }

    @ParameterizedTest
    @CsvSource({
            "PT5H,  5h",
            "P3D,   3d",
            "PT30M, 30m",
    })
    void reason_expired_saysHowLongAgo(Duration ago, String text) {
        assertEquals(Optional.of("expired " + text + " ago"), reason(c -> c.now = NOT_AFTER.plus(ago)));
    }

    /** A leaf of lab ending {@code before} its intermediate does, as issuing cuts it when the intermediate ends sooner. */
    private static String leafEndingBeforeIntermediate(Duration before) {
        Instant end = lab.intermediate().getNotAfter().toInstant().minus(before);
        LeafRequest request = new LeafRequest("nginx.internal", SANS, EnumSet.of(Usage.SERVER), leafKeys.getPublic(), end.minus(Duration.ofDays(90)), end);
        return Certs.toPem(Signer.leaf(request, lab.signer()));
    }

    private static final Instant INTERMEDIATE_END = ISSUED.plus(Duration.ofDays(1825));

    @Test
    void check_renewalDueButCappedAtIssuersEnd_warnsInsteadOfRenewing() {
        Renewal.Verdict v = new Case().with(c -> {
            c.cert = file(leafEndingBeforeIntermediate(Duration.ZERO));
            c.renewBefore = Duration.ofDays(30);
            c.now = INTERMEDIATE_END.minus(Duration.ofDays(19));
        }).verdict();

        assertEquals(Optional.empty(), v.reason());
        assertEquals("cannot renew beyond the issuer: ca('lab')'s intermediate expires in 19d", v.warning());
    }

    @Test
    void check_cappedAndIssuerExpired_warnsThatTheIntermediateExpired() {
        Renewal.Verdict v = new Case().with(c -> {
            c.cert = file(leafEndingBeforeIntermediate(Duration.ofSeconds(30)));   // within a minute counts as the same end
            c.now = INTERMEDIATE_END.plus(Duration.ofDays(3));
        }).verdict();

        assertEquals(Optional.empty(), v.reason());
        assertEquals("cannot renew beyond the issuer: ca('lab')'s intermediate expired 3d ago", v.warning());
    }

    @Test
    void check_cappedButSansDiffer_stillReissuesForThatReason() {
        Renewal.Verdict v = new Case().with(c -> {
            c.cert = file(leafEndingBeforeIntermediate(Duration.ZERO));
            c.sans = List.of("nginx.internal");
            c.renewBefore = Duration.ofDays(30);
            c.now = INTERMEDIATE_END.minus(Duration.ofDays(19));
        }).verdict();

        assertEquals(Optional.of("SANs differ: -10.0.0.12 -2001:db8::1 -www.internal"), v.reason());
        assertEquals("", v.warning());
    }

    @Test
    void check_endingWellBeforeIssuer_renewsAsUsual() {
        Renewal.Verdict v = new Case().with(c -> {
            c.cert = file(leafEndingBeforeIntermediate(Duration.ofDays(2)));
            c.renewBefore = Duration.ofDays(30);
            c.now = INTERMEDIATE_END.minus(Duration.ofDays(21));
        }).verdict();

        assertEquals(Optional.of("expires in 19d < renewBefore 30d"), v.reason());
        assertEquals("", v.warning());
    }

    @Test
    void reason_defaultRenewBeforeOfThirdOfValidity_renewsAtTwoThirds() {
        Duration third = Lifetime.days(90).third();
        assertEquals(Optional.empty(), reason(c -> {
            c.renewBefore = third;
            c.now = ISSUED.plus(Duration.ofDays(59));
        }));
        assertEquals(Optional.of("expires in 29d < renewBefore 30d"), reason(c -> {
            c.renewBefore = third;
            c.now = ISSUED.plus(Duration.ofDays(61));
        }));
    }
}

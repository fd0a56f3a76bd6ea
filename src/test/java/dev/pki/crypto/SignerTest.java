package dev.pki.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignerTest {

    private static final Instant NOW = Fixtures.NOW;

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void chain_everyKeyType_signaturesVerify(KeyType type) throws Exception {
        Fixtures.Chain chain = Fixtures.chain(type);

        chain.root().verify(chain.rootKeys().getPublic());
        chain.intermediate().verify(chain.rootKeys().getPublic());
        chain.leaf().verify(chain.intermediateKeys().getPublic());
        assertEquals(chain.root().getSubjectX500Principal(), chain.intermediate().getIssuerX500Principal());
        assertEquals(chain.intermediate().getSubjectX500Principal(), chain.leaf().getIssuerX500Principal());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void chain_everyKeyType_usesSignatureAlgorithmOfIssuerKey(KeyType type) {
        String expected = switch (type) {
            case EC_P256 -> "SHA256WITHECDSA";
            case EC_P384 -> "SHA384WITHECDSA";
            case ED25519 -> "ED25519";
            default -> "SHA256WITHRSA";
        };
        assertEquals(expected, Fixtures.chain(type).leaf().getSigAlgName().toUpperCase());
    }

    @Test
    void root_issuerDn_isByteExactCopyOfSubject() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        assertArrayEquals(chain.root().getSubjectX500Principal().getEncoded(),
                chain.intermediate().getIssuerX500Principal().getEncoded());
        assertArrayEquals(chain.intermediate().getSubjectX500Principal().getEncoded(),
                chain.leaf().getIssuerX500Principal().getEncoded());
    }

    @Test
    void root_subject_followsRfc4514OrderLikeTheJdk() {
        X509Certificate root = Fixtures.chain(KeyType.EC_P256).root();
        assertEquals("CN=Lab Root CA,O=Lab", root.getSubjectX500Principal().getName());
    }

    @Test
    void root_extensions_matchCaProfile() {
        X509Certificate root = Fixtures.chain(KeyType.EC_P256).root();
        assertEquals(1, root.getBasicConstraints());
        assertTrue(root.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.19", "2.5.29.15")));
        boolean[] ku = root.getKeyUsage(); // digitalSignature(0), keyCertSign(5), cRLSign(6)
        assertTrue(ku[0] && ku[5] && ku[6]);
        assertFalse(ku[2]);
        CertView view = CertView.of(root);
        assertEquals(view.subjectKeyId(), view.authorityKeyId());
    }

    @Test
    void root_negativePathLen_meansUnlimited() {
        KeyPair keys = Fixtures.keys(KeyType.EC_P256)[0];
        X509Certificate root = Signer.selfSignedRoot("CN=Unlimited", keys, NOW, NOW.plusSeconds(3600), -1);
        assertEquals(Integer.MAX_VALUE, root.getBasicConstraints());
        assertEquals(-1, CertView.of(root).pathLen());
        assertTrue(CertView.of(root).ca());
    }

    @Test
    void intermediate_authorityKeyId_isRootSubjectKeyId() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        assertEquals(CertView.of(chain.root()).subjectKeyId(), CertView.of(chain.intermediate()).authorityKeyId());
        assertEquals(CertView.of(chain.intermediate()).subjectKeyId(), CertView.of(chain.leaf()).authorityKeyId());
    }

    @Test
    void leaf_ecKey_hasDigitalSignatureOnlyAndIsNotCa() {
        X509Certificate leaf = Fixtures.chain(KeyType.EC_P256).leaf();
        boolean[] ku = leaf.getKeyUsage();
        assertTrue(ku[0]);
        assertFalse(ku[2], "keyEncipherment is for RSA keys only");
        assertEquals(-1, leaf.getBasicConstraints());
        assertTrue(leaf.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.19", "2.5.29.15")));
        assertFalse(leaf.getCriticalExtensionOIDs().contains("2.5.29.17"));
        assertFalse(leaf.getCriticalExtensionOIDs().contains("2.5.29.37"));
    }

    @Test
    void leaf_rsaKey_addsKeyEncipherment() {
        boolean[] ku = Fixtures.chain(KeyType.RSA_2048).leaf().getKeyUsage();
        assertTrue(ku[0] && ku[2]);
    }

    @Test
    void leaf_sanOnlyRepeatingCn_isStillWritten() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        X509Certificate leaf = issue(chain, "host.internal", List.of("host.internal"), Set.of(Usage.SERVER));
        assertEquals(List.of("host.internal"), CertView.of(leaf).dnsNames());
    }

    @Test
    void leaf_noSans_usesHostLikeCommonNameAsSan() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        assertEquals(List.of("db.internal"), CertView.of(issue(chain, "db.internal", List.of(), Set.of(Usage.SERVER))).dnsNames());
        CertView person = CertView.of(issue(chain, "Jane Doe", List.of(), Set.of(Usage.CLIENT)));
        assertTrue(person.dnsNames().isEmpty() && person.ipAddresses().isEmpty());
        assertEquals("Jane Doe", person.commonName());
    }

    @Test
    void leaf_duplicateSans_areWrittenOnce() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        CertView view = CertView.of(issue(chain, "a.internal", List.of("a.internal", "a.internal", "10.0.0.1"), Set.of(Usage.SERVER)));
        assertEquals(List.of("a.internal"), view.dnsNames());
        assertEquals(List.of("10.0.0.1"), view.ipAddresses());
    }

    @Test
    void leaf_invalidSan_throws() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        CryptoException e = assertThrows(CryptoException.class,
                () -> issue(chain, "x", List.of("not a host"), Set.of(Usage.SERVER)));
        assertTrue(e.getMessage().contains("not a host"), e.getMessage());
    }

    @Test
    void issuer_notCa_throws() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        CryptoException e = assertThrows(CryptoException.class, () -> IssuingCa.of(chain.leaf(), chain.leafKeys().getPrivate()));
        assertTrue(e.getMessage().contains("not a CA certificate"), e.getMessage());
    }

    @Test
    void issuer_keyNotMatchingIssuerCert_throws() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        CryptoException e = assertThrows(CryptoException.class,
                () -> IssuingCa.of(chain.intermediate(), chain.rootKeys().getPrivate()));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void leaf_notAfterBeforeNotBefore_throws() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        LeafRequest request = new LeafRequest("x.internal", List.of(), Set.of(Usage.SERVER),
                chain.leafKeys().getPublic(), NOW, NOW.minusSeconds(1));
        assertThrows(CryptoException.class, () -> Signer.leaf(request, chain.issuing()));
    }

    @Test
    void leafRequest_noUsages_throws() {
        KeyPair keys = Fixtures.keys(KeyType.EC_P256)[2];
        assertThrows(CryptoException.class, () -> request("x.internal", List.of(), Set.of(), keys));
    }

    @Test
    void leaf_thousandSerials_areDistinctPositiveAndAbout128Bits() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        LeafRequest request = request("s.internal", List.of(), Set.of(Usage.SERVER), chain.leafKeys());
        Set<BigInteger> serials = new HashSet<>();
        int nearly128 = 0;
        for (int i = 0; i < 1000; i++) {
            BigInteger serial = Signer.leaf(request, chain.issuing())
                    .getSerialNumber();
            assertTrue(serial.signum() > 0, "serial must be positive");
            assertTrue(serial.bitLength() <= 128, "serial has " + serial.bitLength() + " bits");
            if (serial.bitLength() >= 120) {
                nearly128++;
            }
            serials.add(serial);
        }
        assertEquals(1000, serials.size());
        assertTrue(nearly128 > 990, "only " + nearly128 + " serials had >= 120 bits");
    }

    @Test
    void validity_subSecondInstants_areTruncatedToSeconds() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        LeafRequest request = new LeafRequest("t.internal", List.of(), Set.of(Usage.SERVER),
                chain.leafKeys().getPublic(), NOW.plusMillis(999), NOW.plus(Duration.ofDays(1)).plusMillis(1));
        CertView view = CertView.of(Signer.leaf(request, chain.issuing()));
        assertEquals(NOW, view.notBefore());
        assertEquals(NOW.plus(Duration.ofDays(1)), view.notAfter());
    }

    private static X509Certificate issue(Fixtures.Chain chain, String cn, List<String> sans, Set<Usage> usages) {
        return Signer.leaf(request(cn, sans, usages, chain.leafKeys()), chain.issuing());
    }

    private static LeafRequest request(String cn, List<String> sans, Set<Usage> usages, KeyPair keys) {
        return new LeafRequest(cn, sans, usages, keys.getPublic(), NOW, NOW.plus(Duration.ofDays(90)));
    }
}

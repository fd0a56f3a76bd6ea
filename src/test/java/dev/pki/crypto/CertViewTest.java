package dev.pki.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertViewTest {

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void of_chain_reportsKeyTypeUsagesSansAndPathLen(KeyType type) {
        Fixtures.Chain chain = Fixtures.chain(type);
        CertView root = CertView.of(chain.root());
        CertView intermediate = CertView.of(chain.intermediate());
        CertView leaf = CertView.of(chain.leaf());

        assertEquals(type, root.keyType());
        assertEquals(type, intermediate.keyType());
        assertEquals(type, leaf.keyType());

        assertTrue(root.ca());
        assertEquals(1, root.pathLen());
        assertTrue(intermediate.ca());
        assertEquals(0, intermediate.pathLen());
        assertFalse(leaf.ca());
        assertEquals(-1, leaf.pathLen());

        assertEquals(Set.of(), root.usages());
        assertEquals(Set.of(Usage.SERVER), leaf.usages());
        assertEquals(List.of("nginx.internal", "www.internal"), leaf.dnsNames());
        assertEquals(List.of("10.0.0.12", "2001:db8::1"), leaf.ipAddresses());

        assertEquals("CN=Lab Root CA,O=Lab", root.subject());
        assertEquals(root.subject(), root.issuer());
        assertEquals(root.subject(), intermediate.issuer());
        assertEquals("CN=nginx.internal", leaf.subject());
        assertEquals("CN=Lab Intermediate CA,O=Lab", leaf.issuer());
        assertEquals("nginx.internal", leaf.commonName());
        assertEquals("Lab Root CA", root.commonName());

        assertEquals(chain.leaf().getSerialNumber(), leaf.serial());
        assertEquals(Fixtures.NOW, leaf.notBefore());
        assertEquals(Fixtures.NOW.plus(Duration.ofDays(90)), leaf.notAfter());
        assertTrue(leaf.subjectKeyId().matches("[0-9a-f]{40}"), leaf.subjectKeyId());
        assertEquals(intermediate.subjectKeyId(), leaf.authorityKeyId());
    }

    @Test
    void of_clientAndServerUsages_reportsBoth() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        LeafRequest request = new LeafRequest("both.internal", List.of(), Set.of(Usage.CLIENT, Usage.SERVER),
                chain.leafKeys().getPublic(), Fixtures.NOW, Fixtures.NOW.plus(Duration.ofDays(1)));
        CertView view = CertView.of(Signer.leaf(request, chain.issuing()));
        assertEquals(Set.of(Usage.SERVER, Usage.CLIENT), view.usages());
    }

    @Test
    void collections_areImmutable() {
        CertView view = CertView.of(Fixtures.chain(KeyType.EC_P256).leaf());
        assertThrows(UnsupportedOperationException.class, () -> view.dnsNames().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> view.usages().add(Usage.CLIENT));
    }

    @Test
    void commonName_subjectWithoutCn_isEmpty() {
        CertView view = CertView.of(Signer.selfSignedRoot("O=No Name", Fixtures.keys(KeyType.EC_P256)[0],
                Fixtures.NOW, Fixtures.NOW.plusSeconds(60), 0));
        assertEquals("", view.commonName());
        assertEquals("O=No Name", view.subject());
    }

    /**
     * BouncyCastle would run Miller-Rabin rounds on every RSA public key it builds, to refuse a
     * prime modulus: ~25 ms a key on the quick compiler, in every plan. pki turns that test off
     * (it never encrypts to or trusts a foreign key), so a certificate whose modulus is prime is
     * read like any other: proof that reading RSA certificates costs no primality test.
     */
    @Test
    void of_anRsaKeyWithAPrimeModulus_isReadWithoutAPrimalityTest() throws Exception {
        BigInteger prime = BigInteger.probablePrime(2048, new SecureRandom());
        var spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(prime, BigInteger.valueOf(65537)));
        KeyPair issuer = Fixtures.keys(KeyType.EC_P256)[0];
        var holder = new X509v3CertificateBuilder(new X500Name("CN=issuer"), BigInteger.ONE, Date.from(Fixtures.NOW),
                Date.from(Fixtures.NOW.plus(Duration.ofDays(1))), new X500Name("CN=prime.internal"), spki)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.provider()).build(issuer.getPrivate()));
        X509Certificate cert = Certs.fromPem(
                "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(holder.getEncoded()) + "\n-----END CERTIFICATE-----\n");

        CertView view = CertView.of(cert);

        assertEquals(KeyType.RSA_2048, view.keyType());
        assertEquals("CN=prime.internal", view.subject());
    }
}

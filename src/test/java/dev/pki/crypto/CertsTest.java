package dev.pki.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertsTest {

    @Test
    void toPem_singleCertificate_roundTrips() {
        X509Certificate root = Fixtures.chain(KeyType.EC_P256).root();
        String pem = Certs.toPem(root);
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertTrue(pem.endsWith("-----END CERTIFICATE-----\n"));
        assertTrue(pem.lines().allMatch(line -> line.length() <= 64), "lines wrap at 64 characters");
        assertEquals(root, Certs.fromPem(pem));
    }

    @Test
    void toPem_chain_concatenatesInOrder() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.ED25519);
        List<X509Certificate> certs = List.of(chain.leaf(), chain.intermediate(), chain.root());
        String pem = Certs.toPem(certs);
        assertEquals(Certs.toPem(chain.leaf()) + Certs.toPem(chain.intermediate()) + Certs.toPem(chain.root()), pem);
        assertEquals(certs, Certs.allFromPem(pem));
        assertEquals(chain.leaf(), Certs.fromPem(pem));
    }

    @Test
    void allFromPem_skipsPrivateKeysAndText() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        String pem = "subject=CN=nginx.internal\n" + Keys.toPem(chain.leafKeys().getPrivate()) + Certs.toPem(chain.leaf());
        assertEquals(List.of(chain.leaf()), Certs.allFromPem(pem));
    }

    @Test
    void allFromPem_noCertificate_isEmpty() {
        assertEquals(List.of(), Certs.allFromPem("nothing here"));
    }

    @Test
    void fromPem_noCertificate_throws() {
        CryptoException e = assertThrows(CryptoException.class, () -> Certs.fromPem("nothing here"));
        assertEquals("not a PEM certificate", e.getMessage());
    }

    @Test
    void fromPem_corruptBlock_throws() {
        assertThrows(CryptoException.class,
                () -> Certs.fromPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    }
}

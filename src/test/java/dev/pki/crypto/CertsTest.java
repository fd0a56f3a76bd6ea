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

    @Test
    void fromPem_ofTextThisProcessWrote_isTheCertificateWritten_otherTextIsParsed() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P384);
        String pem = Certs.toPem(chain.leaf());
        org.junit.jupiter.api.Assertions.assertSame(chain.leaf(), Certs.fromPem(pem));
        // The same certificate in other text (CRLF line ends) is parsed, and equal.
        String crlf = pem.replace("\n", "\r\n");
        X509Certificate parsed = Certs.fromPem(crlf);
        org.junit.jupiter.api.Assertions.assertNotSame(chain.leaf(), parsed);
        assertEquals(chain.leaf(), parsed);
        assertEquals(CertView.of(chain.leaf()), CertView.of(parsed), "views of equal certificates are equal");
        // A malformed body is still an error, whatever was remembered before.
        assertThrows(CryptoException.class, () -> Certs.fromPem(pem.replace(pem.substring(100, 140), "!!!!")));
    }
}

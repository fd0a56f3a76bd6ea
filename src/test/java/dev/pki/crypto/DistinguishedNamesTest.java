package dev.pki.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class DistinguishedNamesTest {

    @Test
    void normalize_userDn_equalsIssuedRootSubject() {
        X509Certificate root = Fixtures.chain(KeyType.EC_P256).root();
        String expected = DistinguishedNames.normalize("CN=Lab Root CA, O=Lab");
        assertEquals(expected, DistinguishedNames.normalize(CertView.of(root).subject()));
        assertEquals(expected, DistinguishedNames.normalize(root.getSubjectX500Principal().getName()));
    }

    @Test
    void normalize_whitespaceAndTypeCase_ignored() {
        assertEquals("CN=Lab Root CA,O=Lab", DistinguishedNames.normalize("  cn = Lab Root CA ,o=Lab "));
    }

    @Test
    void normalize_orderAndValues_matter() {
        assertNotEquals(DistinguishedNames.normalize("CN=A, O=B"), DistinguishedNames.normalize("O=B, CN=A"));
        assertNotEquals(DistinguishedNames.normalize("CN=A"), DistinguishedNames.normalize("CN=a"));
    }

    @Test
    void normalize_escapedComma_keptInValue() {
        assertEquals("CN=Doe\\, Jane", DistinguishedNames.normalize("CN=Doe\\, Jane"));
    }

    @Test
    void normalize_invalidDn_throwsNamingProblem() {
        assertTrue(assertThrows(CryptoException.class, () -> DistinguishedNames.normalize("FOO=bar")).getMessage()
                .contains("unknown attribute type 'FOO'"));
        assertTrue(assertThrows(CryptoException.class, () -> DistinguishedNames.normalize("Lab Root CA")).getMessage()
                .contains("TYPE=value"));
        assertTrue(assertThrows(CryptoException.class, () -> DistinguishedNames.normalize("CN=, O=Lab")).getMessage()
                .contains("CN has an empty value"));
        assertThrows(CryptoException.class, () -> DistinguishedNames.normalize(""));
    }

    @Test
    void isValid_goodAndBad() {
        assertTrue(DistinguishedNames.isValid("CN=Phoenix Root CA"));
        assertTrue(DistinguishedNames.isValid("CN=x, OU=Ops, O=Lab, L=Berlin, C=DE"));
        assertFalse(DistinguishedNames.isValid("CN=a,,O=b"));
        assertFalse(DistinguishedNames.isValid(null));
    }

    @Test
    void root_invalidSubject_rejected() {
        assertThrows(CryptoException.class, () -> Signer.selfSignedRoot("not a dn", Fixtures.keys(KeyType.EC_P256)[0],
                Fixtures.NOW, Fixtures.NOW.plusSeconds(60), 1));
    }
}

package dev.pki.crypto;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeysTest {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void toPem_plain_roundTrips(KeyType type) {
        KeyPair keys = Fixtures.keys(type)[0];
        String pem = Keys.toPem(keys.getPrivate());

        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), pem);
        assertTrue(pem.endsWith("-----END PRIVATE KEY-----\n"));
        assertFalse(Keys.isEncrypted(pem));
        PrivateKey read = Keys.fromPem(pem, null);
        assertEquals(pem, Keys.toPem(read));
        assertTrue(Keys.matches(read, keys.getPublic()));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void toEncryptedPem_withPassphrase_roundTrips(KeyType type) {
        KeyPair keys = Fixtures.keys(type)[0];
        String pem = Keys.toEncryptedPem(keys.getPrivate(), PASSPHRASE);

        assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"), pem);
        assertTrue(Keys.isEncrypted(pem));
        PrivateKey read = Keys.fromPem(pem, PASSPHRASE);
        assertTrue(Keys.matches(read, keys.getPublic()));
    }

    @Test
    void toEncryptedPem_sameKeyTwice_usesFreshSalt() {
        PrivateKey key = Fixtures.keys(KeyType.EC_P256)[0].getPrivate();
        assertNotEquals(Keys.toEncryptedPem(key, PASSPHRASE), Keys.toEncryptedPem(key, PASSPHRASE));
    }

    @Test
    void fromPem_wrongPassphrase_throwsWrongPassphrase() {
        String pem = Keys.toEncryptedPem(Fixtures.keys(KeyType.EC_P256)[0].getPrivate(), PASSPHRASE);
        String wrong = "tr0ub4dor-and-3";

        WrongPassphraseException e = assertThrows(WrongPassphraseException.class,
                () -> Keys.fromPem(pem, wrong.toCharArray()));
        assertEquals("wrong passphrase for the encrypted key", e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertFalse(message.contains(wrong), message);
            assertFalse(message.contains(new String(PASSPHRASE)), message);
        }
    }

    @Test
    void fromPem_encryptedWithoutPassphrase_saysPassphraseNeeded() {
        String pem = Keys.toEncryptedPem(Fixtures.keys(KeyType.EC_P256)[0].getPrivate(), PASSPHRASE);

        CryptoException e = assertThrows(CryptoException.class, () -> Keys.fromPem(pem, null));
        assertFalse(e instanceof WrongPassphraseException);
        assertTrue(e.getMessage().contains("passphrase is needed"), e.getMessage());
    }

    @Test
    void fromPem_garbage_throwsNotAPemPrivateKey() {
        for (String garbage : new String[] {"", "hello", "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n"}) {
            CryptoException e = assertThrows(CryptoException.class, () -> Keys.fromPem(garbage, null));
            assertEquals("not a PEM private key", e.getMessage());
        }
    }

    @Test
    void fromPem_certificateOnly_throwsNotAPemPrivateKey() {
        String certPem = Certs.toPem(Fixtures.chain(KeyType.EC_P256).root());
        CryptoException e = assertThrows(CryptoException.class, () -> Keys.fromPem(certPem, null));
        assertEquals("not a PEM private key", e.getMessage());
    }

    @Test
    void fromPem_keyAfterCertificate_findsKey() {
        Fixtures.Chain chain = Fixtures.chain(KeyType.EC_P256);
        String combined = Certs.toPem(chain.leaf()) + Keys.toPem(chain.leafKeys().getPrivate());
        assertTrue(Keys.matches(Keys.fromPem(combined, null), chain.leafKeys().getPublic()));
    }

    @Test
    void toEncryptedPem_emptyPassphrase_throws() {
        PrivateKey key = Fixtures.keys(KeyType.EC_P256)[0].getPrivate();
        assertThrows(CryptoException.class, () -> Keys.toEncryptedPem(key, new char[0]));
    }

    @Test
    void isEncrypted_garbage_isFalse() {
        assertFalse(Keys.isEncrypted("not pem at all"));
        assertFalse(Keys.isEncrypted(null));
    }

    @Test
    void holdsPrivateKey_plainOrEncrypted_withoutAPassphrase_notEmptyGarbageOrACertificate() {
        KeyPair keys = Fixtures.keys(KeyType.EC_P256)[0];
        assertTrue(Keys.holdsPrivateKey(Keys.toPem(keys.getPrivate())));
        assertTrue(Keys.holdsPrivateKey(Keys.toEncryptedPem(keys.getPrivate(), PASSPHRASE)));
        assertFalse(Keys.holdsPrivateKey(""));
        assertFalse(Keys.holdsPrivateKey("garbage\n"));
        String cert = Certs.toPem(Signer.selfSignedRoot("CN=Root", keys, java.time.Instant.now(), java.time.Instant.now().plusSeconds(3600), 1));
        assertFalse(Keys.holdsPrivateKey(cert), "a certificate is not a key");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void matches_ownPair_isTrue_otherKeyOfSameType_isFalse(KeyType type) {
        KeyPair[] keys = Fixtures.keys(type);
        assertTrue(Keys.matches(keys[0].getPrivate(), keys[0].getPublic()));
        assertFalse(Keys.matches(keys[0].getPrivate(), keys[1].getPublic()));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void matches_keysFromElsewhere_derivesThePublicKey(KeyType type) {
        KeyPair[] keys = Fixtures.foreignKeys(type);
        assertTrue(Keys.matches(keys[0].getPrivate(), keys[0].getPublic()));
        assertFalse(Keys.matches(keys[0].getPrivate(), keys[1].getPublic()));
        assertFalse(Keys.matches(keys[0].getPrivate(), Fixtures.keys(type)[0].getPublic()));
    }

    @Test
    void matches_comparesKeysByValue_notByEncoding() throws Exception {
        KeyPair keys = Fixtures.keys(KeyType.EC_P256)[0];
        // The same public key with a compressed point, as some certificates carry it.
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        byte[] point = ((org.bouncycastle.jce.interfaces.ECPublicKey) keys.getPublic()).getQ().getEncoded(true);
        byte[] spki = new SubjectPublicKeyInfo(info.getAlgorithm(), point).getEncoded();
        PublicKey compressed = KeyFactory.getInstance("EC", BouncyCastle.provider()).generatePublic(new X509EncodedKeySpec(spki));
        assertTrue(spki.length < keys.getPublic().getEncoded().length, "the encoding is compressed");
        assertTrue(Keys.matches(keys.getPrivate(), compressed));
        assertFalse(Keys.matches(Fixtures.keys(KeyType.EC_P256)[1].getPrivate(), compressed));
    }

    @Test
    void matches_differentAlgorithms_isFalse() {
        assertFalse(Keys.matches(Fixtures.keys(KeyType.RSA_2048)[0].getPrivate(), Fixtures.keys(KeyType.EC_P256)[0].getPublic()));
        assertFalse(Keys.matches(Fixtures.keys(KeyType.EC_P256)[0].getPrivate(), Fixtures.keys(KeyType.EC_P384)[0].getPublic()));
        assertFalse(Keys.matches(Fixtures.keys(KeyType.ED25519)[0].getPrivate(), Fixtures.keys(KeyType.EC_P256)[0].getPublic()));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void publicKeyOf_anyType_equalsGeneratedPublicKey(KeyType type) {
        KeyPair keys = Fixtures.foreignKeys(type)[0];
        assertArrayEquals(keys.getPublic().getEncoded(), Keys.publicKeyOf(keys.getPrivate()).getEncoded());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void publicKeyOf_keyReadFromPem_equalsGeneratedPublicKey(KeyType type) {
        KeyPair keys = Fixtures.foreignKeys(type)[1];
        PrivateKey read = Keys.fromPem(Keys.toPem(keys.getPrivate()), null);
        assertArrayEquals(keys.getPublic().getEncoded(), Keys.publicKeyOf(read).getEncoded());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void publicKeyOf_keyGeneratedHere_readBackFromPem_isRememberedNotDerived(KeyType type) {
        KeyPair generated = Fixtures.keys(type)[2];
        PrivateKey read = Keys.fromPem(Keys.toPem(generated.getPrivate()), null);
        assertEquals(generated.getPublic(), GeneratedKeys.publicKeyOf(Keys.toPem(read)), "the key written and read back is the one generated");
        assertEquals(generated.getPublic(), Keys.publicKeyOf(read));
        assertEquals(null, GeneratedKeys.publicKeyOf(Keys.toPem(Fixtures.foreignKeys(type)[0].getPrivate())),
                "a key made elsewhere is not remembered");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void publicKeyOfPem_keyWrittenHere_orFromElsewhere_isItsPublicKey(KeyType type) {
        KeyPair generated = Fixtures.keys(type)[0];
        String written = Keys.toPem(generated.getPrivate());
        assertEquals(generated.getPublic(), GeneratedKeys.publicKeyOf(written), "remembered when generated");
        assertEquals(generated.getPublic(), Keys.publicKeyOfPem(written));
        KeyPair foreign = Fixtures.foreignKeys(type)[0];
        String other = Keys.toPem(foreign.getPrivate());
        assertEquals(null, GeneratedKeys.publicKeyOf(other));
        assertTrue(Keys.samePublicKey(Keys.publicKeyOfPem(other), foreign.getPublic()), "derived from the key read");
        assertFalse(Keys.samePublicKey(Keys.publicKeyOfPem(other), generated.getPublic()));
    }

    @Test
    void publicKeyOfPem_unreadableOrEncrypted_throws() {
        assertThrows(CryptoException.class, () -> Keys.publicKeyOfPem("garbage"));
        String encrypted = Keys.toEncryptedPem(Fixtures.keys(KeyType.EC_P256)[1].getPrivate(), PASSPHRASE);
        assertThrows(CryptoException.class, () -> Keys.publicKeyOfPem(encrypted));
    }

    @Test
    void newPassphrase_is43CharsOfBase64UrlAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String passphrase = Keys.newPassphrase();
            assertTrue(passphrase.matches("[A-Za-z0-9_-]{43}"), passphrase);
            seen.add(passphrase);
        }
        assertEquals(100, seen.size());
    }
}

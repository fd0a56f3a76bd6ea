package dev.pki.resource.ca;

import dev.pki.crypto.IssuingCa;
import dev.pki.crypto.KeyType;
import dev.pki.crypto.Keys;
import dev.pki.crypto.Signer;
import dev.pki.crypto.WrongPassphraseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The signing key is opened on demand, once per handle and once per process for the same key and passphrase. */
class CaHandleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static X509Certificate root;
    private static X509Certificate intermediate;
    private static KeyPair intermediateKeys;
    private static String encryptedPem;

    @BeforeAll
    static void ca() {
        KeyPair rootKeys = Keys.generate(KeyType.EC_P256);
        intermediateKeys = Keys.generate(KeyType.EC_P256);
        root = Signer.selfSignedRoot("CN=Root", rootKeys, NOW, NOW.plus(Duration.ofDays(3650)), 1);
        intermediate = Signer.intermediate("CN=Intermediate", intermediateKeys.getPublic(), root, rootKeys.getPrivate(),
                NOW, NOW.plus(Duration.ofDays(1825)), 0);
        encryptedPem = Keys.toEncryptedPem(intermediateKeys.getPrivate(), "right".toCharArray());
    }

    @Test
    void signer_opensTheKeyOnFirstUseOnly() {
        AtomicInteger opened = new AtomicInteger();
        CaHandle handle = CaHandle.locked("lab", "ct103", root, intermediate, () -> {
            opened.incrementAndGet();
            return IssuingCa.of(intermediate, intermediateKeys.getPrivate());
        }, () -> false);
        assertEquals(0, opened.get(), "nothing is opened until a step asks");
        IssuingCa first = handle.signer();
        assertSame(first, handle.signer());
        assertEquals(1, opened.get());
    }

    @Test
    void signer_failureIsThrownToEveryCaller() {
        AtomicInteger tries = new AtomicInteger();
        CaHandle handle = CaHandle.locked("lab", "ct103", root, intermediate, () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("wrong passphrase");
        }, () -> false);
        assertThrows(IllegalStateException.class, handle::signer);
        assertThrows(IllegalStateException.class, handle::signer);
        assertEquals(2, tries.get());
    }

    @Test
    void openedKeys_sameKeyAndPassphrase_decryptOnce_otherPassphrase_decryptsAgainAndFails() {
        OpenedKeys.forgetAll();
        AtomicInteger decrypted = new AtomicInteger();
        java.util.function.Function<char[], IssuingCa> open = passphrase -> OpenedKeys.open(encryptedPem, passphrase, intermediate, () -> {
            decrypted.incrementAndGet();
            return IssuingCa.of(intermediate, Keys.fromPem(encryptedPem, passphrase));
        });
        IssuingCa first = open.apply("right".toCharArray());
        assertSame(first, open.apply("right".toCharArray()));
        assertEquals(1, decrypted.get());
        assertThrows(WrongPassphraseException.class, () -> open.apply("wrong".toCharArray()));
        assertThrows(WrongPassphraseException.class, () -> open.apply("wrong".toCharArray()));
        assertEquals(3, decrypted.get(), "a failure is not remembered");
    }

    /** pki's daemon: keys go after each run; a later plan's passphrase check trusts only what opened before. */
    @Test
    void afterForgetAll_keysAreDecryptedAgain_butAPlansCheckOfAKeyThatOpenedIsNot() {
        OpenedKeys.forgetAll();
        String encryptedPem = Keys.toEncryptedPem(intermediateKeys.getPrivate(), "right".toCharArray()); // a new salt: an id no other test made
        AtomicInteger decrypted = new AtomicInteger();
        java.util.function.Function<char[], CaHandle> handle = passphrase -> CaHandle.locked("lab", "ct103", root, intermediate,
                () -> OpenedKeys.open(encryptedPem, passphrase, intermediate, () -> {
                    decrypted.incrementAndGet();
                    return IssuingCa.of(intermediate, Keys.fromPem(encryptedPem, passphrase));
                }),
                () -> OpenedKeys.openedBefore(encryptedPem, passphrase, intermediate));
        handle.apply("right".toCharArray()).checkSigner();
        assertEquals(1, decrypted.get(), "the first check opens the key");

        OpenedKeys.forgetAll();   // the run ended
        handle.apply("right".toCharArray()).checkSigner();
        assertEquals(1, decrypted.get(), "the same key, passphrase and intermediate opened before: not decrypted again");
        handle.apply("right".toCharArray()).signer();
        assertEquals(2, decrypted.get(), "signing needs the key, which was forgotten");

        assertThrows(WrongPassphraseException.class, () -> handle.apply("wrong".toCharArray()).checkSigner());
        X509Certificate other = Signer.selfSignedRoot("CN=Other", Keys.generate(KeyType.EC_P256), NOW, NOW.plus(Duration.ofDays(10)), 1);
        assertFalse(OpenedKeys.openedBefore(encryptedPem, "right".toCharArray(), other), "another intermediate is another id");
        OpenedKeys.forgetAll();
    }

    @Test
    void toString_neverShowsTheKey() {
        CaHandle handle = CaHandle.unlocked("lab", "ct103", root, IssuingCa.of(intermediate, intermediateKeys.getPrivate()));
        handle.signer();
        assertEquals("ca('lab') on ct103", handle.toString());
        assertFalse(handle.signer().toString().contains(Keys.toPem(intermediateKeys.getPrivate()).split("\n")[1]));
    }
}

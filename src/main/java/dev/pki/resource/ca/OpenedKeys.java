package dev.pki.resource.ca;

import dev.pki.crypto.IssuingCa;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * CA signing keys already opened in this process, by (encrypted key file, passphrase). {@code pki
 * apply} plans and then applies, and both may need to sign; a CA created by apply is read back by
 * its verification. Each would pay the 100,000-round key derivation again for a key that is already
 * in memory. The id hashes the key text and the passphrase together, so a changed file or a wrong
 * passphrase misses and is decrypted (and refused) as before: a hit means exactly what a successful
 * decryption would have meant.
 */
public final class OpenedKeys {

    private static final Map<String, IssuingCa> OPENED = new ConcurrentHashMap<>();

    private OpenedKeys() {
    }

    /** The signer for this key and passphrase: remembered, or made by {@code open} (whose failure is thrown and not remembered). */
    static IssuingCa open(String encryptedPem, char[] passphrase, Supplier<IssuingCa> open) {
        return OPENED.computeIfAbsent(id(encryptedPem, passphrase), id -> open.get());
    }

    /** Remembers a signer whose encrypted key was just written (a new CA). */
    static void remember(String encryptedPem, char[] passphrase, IssuingCa signer) {
        OPENED.put(id(encryptedPem, passphrase), signer);
    }

    /**
     * Forgets every opened key. A process that serves more than one run (pki's daemon) calls it
     * after each, so a decrypted CA key never outlives the run that opened it.
     */
    public static void forgetAll() {
        OPENED.clear();
    }

    private static String id(String encryptedPem, char[] passphrase) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(encryptedPem.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            ByteBuffer secret = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
            sha.update(secret.duplicate());
            if (secret.hasArray()) Arrays.fill(secret.array(), (byte) 0);
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}

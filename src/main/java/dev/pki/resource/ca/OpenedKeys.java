package dev.pki.resource.ca;

import dev.pki.crypto.IssuingCa;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * CA signing keys already opened in this process, by (encrypted key file, passphrase, intermediate
 * certificate). {@code pki apply} plans and then applies, and both may need to sign; a CA created by
 * apply is read back by its verification. Each would pay the 100,000-round key derivation again for
 * a key that is already in memory. The id hashes the key text, the passphrase and the certificate
 * together, so a changed file or a wrong passphrase misses and is decrypted (and refused) as before:
 * a hit means exactly what a successful decryption would have meant.
 *
 * <p>A process serving several runs (pki's daemon) calls {@link #forgetAll()} after each: the keys
 * go, and only the ids of those that opened stay, so that a later plan's passphrase check
 * ({@link CaHandle#checkSigner()}) need not decrypt again. An id is a digest; whoever could read it
 * in the daemon's memory could read the daemon's environment or the passphrase file as well.
 */
public final class OpenedKeys {

    private static final int MAX_REMEMBERED_IDS = 1024;
    private static final Map<String, IssuingCa> OPENED = new ConcurrentHashMap<>();
    private static final Set<String> OPENED_BEFORE = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_REMEMBERED_IDS;
                }
            }));

    private OpenedKeys() {
    }

    /** The signer for this key and passphrase: remembered, or made by {@code open} (whose failure is thrown and not remembered). */
    static IssuingCa open(String encryptedPem, char[] passphrase, X509Certificate intermediate, Supplier<IssuingCa> open) {
        String id = id(encryptedPem, passphrase, intermediate);
        IssuingCa signer = OPENED.computeIfAbsent(id, i -> open.get());
        OPENED_BEFORE.add(id);
        return signer;
    }

    /** Whether this key opened with this passphrase for this intermediate in this process, in this run or an earlier one. */
    static boolean openedBefore(String encryptedPem, char[] passphrase, X509Certificate intermediate) {
        return OPENED_BEFORE.contains(id(encryptedPem, passphrase, intermediate));
    }

    /** Remembers a signer whose encrypted key was just written (a new CA). */
    static void remember(String encryptedPem, char[] passphrase, X509Certificate intermediate, IssuingCa signer) {
        String id = id(encryptedPem, passphrase, intermediate);
        OPENED.put(id, signer);
        OPENED_BEFORE.add(id);
    }

    /**
     * Forgets every opened key. A process that serves more than one run (pki's daemon) calls it
     * after each, so a decrypted CA key never outlives the run that opened it.
     */
    public static void forgetAll() {
        OPENED.clear();
    }

    private static String id(String encryptedPem, char[] passphrase, X509Certificate intermediate) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(encryptedPem.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(intermediate.getEncoded());
            sha.update((byte) 0);
            ByteBuffer secret = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
            sha.update(secret.duplicate());
            if (secret.hasArray()) Arrays.fill(secret.array(), (byte) 0);
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate has an encoding", e);
        }
    }
}

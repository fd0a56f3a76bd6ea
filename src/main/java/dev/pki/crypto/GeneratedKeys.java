package dev.pki.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public keys of the key pairs this process generated, by a digest of the key's PEM text as
 * {@link Keys#toPem} writes it. Apply verifies every certificate it issued by reading the key back
 * and checking it against the certificate: parsing the key and, for EC, deriving its public key (a
 * scalar multiplication, as costly as generating the key). A key read back with exactly the text
 * written has the public key generated with it; any other key misses and is parsed and derived as
 * before, so a hit means what the derivation would have said.
 */
final class GeneratedKeys {

    /** Enough for any one run's issuance; past it the memo starts over rather than grow without bound. */
    private static final int LIMIT = 20_000;
    private static final Map<String, PublicKey> PUBLIC = new ConcurrentHashMap<>();

    private GeneratedKeys() {
    }

    static void remember(String pem, PublicKey pub) {
        if (PUBLIC.size() >= LIMIT) PUBLIC.clear();
        PUBLIC.put(digest(pem), pub);
    }

    /** The public key generated with the key of this PEM text in this process, or null. */
    static PublicKey publicKeyOf(String pem) {
        return PUBLIC.get(digest(pem));
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}

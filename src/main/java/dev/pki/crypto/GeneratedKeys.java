package dev.pki.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The public keys of the key pairs this process generated, by a digest of the private key's
 * PKCS#8 encoding. Apply verifies every certificate it issued by reading the key back and checking
 * it against the certificate; for an EC key, deriving the public key costs a scalar multiplication,
 * as much as generating the key did. A key read back with exactly the bytes generated has the
 * public key generated with it; any other key misses and is derived as before, so a hit means what
 * the derivation would have said.
 */
final class GeneratedKeys {

    /** Enough for any one run's issuance; past it the memo starts over rather than grow without bound. */
    private static final int LIMIT = 20_000;
    private static final Map<String, PublicKey> PUBLIC = new ConcurrentHashMap<>();

    private GeneratedKeys() {
    }

    static void remember(PrivateKeyInfo priv, PublicKey pub) {
        if (PUBLIC.size() >= LIMIT) PUBLIC.clear();
        PUBLIC.put(id(priv), pub);
    }

    /** The public key generated with this private key in this process, or null. */
    static PublicKey publicKeyOf(PrivateKeyInfo priv) {
        return PUBLIC.get(id(priv));
    }

    private static String id(PrivateKeyInfo priv) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(priv.getEncoded()));
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new CryptoException("cannot encode the private key", e);
        }
    }
}

package dev.pki.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The public keys of the key pairs this process generated, by a digest of the private key's PKCS#8
 * encoding and by a digest of the PEM text written for it. Apply verifies every certificate it
 * issued by reading the key back and checking it against the certificate: parsing the key and,
 * for EC, deriving its public key (a scalar multiplication, as costly as generating the key). A key
 * read back with exactly the bytes written has the public key generated with it; any other key
 * misses and is parsed and derived as before, so a hit means what the derivation would have said.
 */
final class GeneratedKeys {

    /** Enough for any one run's issuance; past it the memo starts over rather than grow without bound. */
    private static final int LIMIT = 20_000;
    private static final Map<String, PublicKey> PUBLIC = new ConcurrentHashMap<>();
    /** The same, by a digest of the PEM text pki wrote for the key (what apply reads back). */
    private static final Map<String, PublicKey> PUBLIC_BY_PEM = new ConcurrentHashMap<>();

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

    static void rememberPem(String pem, PublicKey pub) {
        if (PUBLIC_BY_PEM.size() >= LIMIT) PUBLIC_BY_PEM.clear();
        PUBLIC_BY_PEM.put(digest(pem.getBytes(StandardCharsets.UTF_8)), pub);
    }

    /** The public key generated with the key whose PEM text this process wrote, or null. */
    static PublicKey publicKeyOfPem(String pem) {
        return PUBLIC_BY_PEM.get(digest(pem.getBytes(StandardCharsets.UTF_8)));
    }

    private static String id(PrivateKeyInfo priv) {
        try {
            return digest(priv.getEncoded());
        } catch (java.io.IOException e) {
            throw new CryptoException("cannot encode the private key", e);
        }
    }

    private static String digest(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}

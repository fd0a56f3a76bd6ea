package dev.pki.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Predicate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Private keys: generation, PEM encoding (plain and encrypted), decoding and pairing checks.
 * Password-based encryption is PKCS#8 PBES2 (see {@link #toEncryptedPem}).
 */
public final class Keys {

    private Keys() {}

    /** Generates a fresh key pair of the given type with the BouncyCastle provider. */
    public static KeyPair generate(KeyType type) {
        try {
            KeyPairGenerator generator;
            switch (type.family()) {
                case EC -> {
                    generator = KeyPairGenerator.getInstance("EC", BouncyCastle.provider());
                    generator.initialize(new ECGenParameterSpec(type.curveName()), BouncyCastle.RANDOM);
                }
                case RSA -> {
                    generator = KeyPairGenerator.getInstance("RSA", BouncyCastle.provider());
                    generator.initialize(new RSAKeyGenParameterSpec(type.bits(), RSAKeyGenParameterSpec.F4),
                            BouncyCastle.RANDOM);
                }
                default -> generator = KeyPairGenerator.getInstance("Ed25519", BouncyCastle.provider());
            }
            KeyPair pair = generator.generateKeyPair();
            GeneratedKeys.remember(toPem(pair.getPrivate()), pair.getPublic());
            return pair;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot generate a " + type.id() + " key", e);
        }
    }

    /** Unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public static String toPem(PrivateKey key) {
        return toPem(privateKeyInfo(key));
    }

    private static String toPem(PrivateKeyInfo info) {
        try {
            return Pem.encode("PRIVATE KEY", info.getEncoded());
        } catch (IOException e) {
            throw new CryptoException("cannot encode the private key", e);
        }
    }

    /**
     * Encrypted PKCS#8 PEM ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----}): PBES2 with AES-256-CBC,
     * PBKDF2-HMAC-SHA256, a random salt and 100,000 iterations.
     * Readable by {@code openssl pkey -passin}.
     */
    public static String toEncryptedPem(PrivateKey key, char[] passphrase) {
        return EncryptedKeys.encrypt(privateKeyInfo(key), passphrase);
    }

    /**
     * Reads the first private key in PEM text. Accepts {@code PRIVATE KEY}, {@code ENCRYPTED PRIVATE
     * KEY} and the legacy {@code EC PRIVATE KEY} / {@code RSA PRIVATE KEY} forms (also when
     * legacy-encrypted); other blocks, such as {@code EC PARAMETERS}, are skipped.
     *
     * @param passphraseOrNull needed only if the key is encrypted
     * @throws WrongPassphraseException if the key is encrypted and the passphrase is wrong
     * @throws CryptoException if the key is encrypted and no passphrase was given, or the text holds
     *     no private key
     */
    public static PrivateKey fromPem(String pem, char[] passphraseOrNull) {
        for (Object o : Pem.readAll(pem, "not a PEM private key")) {
            PrivateKeyInfo info = EncryptedKeys.toPrivateKeyInfo(o, passphraseOrNull);
            if (info != null) {
                try {
                    return converter().getPrivateKey(info);
                } catch (PEMException | RuntimeException e) {
                    throw new CryptoException("unsupported or malformed private key", e);
                }
            }
        }
        throw new CryptoException("not a PEM private key");
    }

    /**
     * Whether the PEM text holds a private key, plain or encrypted, without decrypting it; false for
     * an empty file or garbage.
     */
    public static boolean holdsPrivateKey(String pem) {
        return anyPemObject(pem, EncryptedKeys::isPrivateKey);
    }

    /** Whether the PEM text holds an encrypted private key (PKCS#8 or legacy); false for garbage. */
    public static boolean isEncrypted(String pem) {
        return anyPemObject(pem, EncryptedKeys::isEncrypted);
    }

    /** Whether any object of the PEM text is {@code wanted}; false for text that is not PEM. */
    private static boolean anyPemObject(String pem, Predicate<Object> wanted) {
        try {
            return Pem.readAll(pem, "not PEM").stream().anyMatch(wanted);
        } catch (CryptoException e) {
            return false;
        }
    }

    /**
     * Whether the two keys form a pair: derives the public key of {@code priv} (one scalar
     * multiplication for EC, none for RSA) and compares it with {@code pub} by value, not by
     * encoding (a certificate may carry a compressed point or explicit curve parameters). A third of
     * the cost of signing and verifying a challenge, and as conclusive. Keys of different
     * algorithms, or that cannot be read, simply do not match.
     */
    public static boolean matches(PrivateKey priv, PublicKey pub) {
        PublicKey derived;
        try {
            derived = publicKeyOf(priv);
        } catch (CryptoException e) {
            return false;
        }
        return samePublicKey(derived, pub);
    }

    /**
     * The public key of the unencrypted private key in PEM text, as {@link #publicKeyOf} derives it
     * (for the PEM of a key this process generated and wrote, the public key generated with it);
     * null when it cannot be derived.
     *
     * @throws CryptoException if the text holds no private key that can be read without a passphrase
     */
    public static PublicKey publicKeyOfPem(String pem) {
        PublicKey generated = GeneratedKeys.publicKeyOf(pem);
        if (generated != null) return generated;
        PrivateKey key = fromPem(pem, null);
        try {
            return publicKeyOf(key);
        } catch (CryptoException e) {
            return null;
        }
    }

    /** Whether two public keys are the same key, compared by value (see {@link #matches}). */
    public static boolean samePublicKey(PublicKey derived, PublicKey pub) {
        if (derived instanceof ECPublicKey a && pub instanceof ECPublicKey b) {
            return a.getW().equals(b.getW()) && a.getParams().getCurve().equals(b.getParams().getCurve())
                    && a.getParams().getGenerator().equals(b.getParams().getGenerator())
                    && a.getParams().getOrder().equals(b.getParams().getOrder());
        }
        if (derived instanceof RSAPublicKey a && pub instanceof RSAPublicKey b) {
            return a.getModulus().equals(b.getModulus()) && a.getPublicExponent().equals(b.getPublicExponent());
        }
        // Ed25519: one encoding only (RFC 8410), so the bytes are the key.
        return derived.getAlgorithm().equalsIgnoreCase(pub.getAlgorithm()) && Arrays.equals(derived.getEncoded(), pub.getEncoded());
    }

    /**
     * Derives the public key from a private key: EC by multiplying the generator by the private
     * scalar, RSA from the CRT parameters, Ed25519 from the seed; for a key this process generated,
     * the public key generated with it (see {@link GeneratedKeys}).
     *
     * @throws CryptoException for keys without enough information (RSA without CRT parameters) or
     *     of unsupported algorithms
     */
    public static PublicKey publicKeyOf(PrivateKey priv) {
        PrivateKeyInfo info = privateKeyInfo(priv);
        PublicKey generated = GeneratedKeys.publicKeyOf(toPem(info));
        if (generated != null) return generated;
        AsymmetricKeyParameter publicParams;
        try {
            AsymmetricKeyParameter p = PrivateKeyFactory.createKey(info);
            if (p instanceof ECPrivateKeyParameters ec) {
                var q = new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()).normalize();
                publicParams = new ECPublicKeyParameters(q, ec.getParameters());
            } else if (p instanceof RSAPrivateCrtKeyParameters rsa) {
                publicParams = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
            } else if (p instanceof Ed25519PrivateKeyParameters ed) {
                publicParams = ed.generatePublicKey();
            } else {
                throw new CryptoException("cannot derive the public key of a " + priv.getAlgorithm() + " key");
            }
            return converter().getPublicKey(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicParams));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CryptoException ce) {
                throw ce;
            }
            throw new CryptoException("cannot derive the public key of a " + priv.getAlgorithm() + " key", e);
        }
    }

    /** A new random passphrase: 32 bytes from SecureRandom, base64url without padding (43 chars). */
    public static String newPassphrase() {
        byte[] bytes = new byte[32];
        BouncyCastle.RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The key as a version-1 PKCS#8 structure. Version 2 (BC's default for Ed25519, which embeds
     * the public key) is avoided because older tools reject it; the public key is derivable anyway.
     */
    static PrivateKeyInfo privateKeyInfo(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new CryptoException("the private key cannot be exported (no PKCS#8 encoding)");
        }
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(encoded);
            return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey(), info.getAttributes());
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("malformed private key encoding", e);
        }
    }

    static JcaPEMKeyConverter converter() {
        return new JcaPEMKeyConverter().setProvider(BouncyCastle.provider());
    }
}

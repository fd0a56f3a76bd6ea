package dev.pki.crypto;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

/**
 * The key types {@code pki} generates and accepts. The {@link #id() ids} are a user-facing contract
 * (the DSL's {@code keyType 'ec-p256'}), so they never change.
 */
public enum KeyType {
    EC_P256("ec-p256", Family.EC, "secp256r1", 256, "SHA256withECDSA"),
    EC_P384("ec-p384", Family.EC, "secp384r1", 384, "SHA384withECDSA"),
    RSA_2048("rsa-2048", Family.RSA, null, 2048, "SHA256withRSA"),
    RSA_3072("rsa-3072", Family.RSA, null, 3072, "SHA256withRSA"),
    RSA_4096("rsa-4096", Family.RSA, null, 4096, "SHA256withRSA"),
    ED25519("ed25519", Family.ED25519, null, 255, "Ed25519");

    /** The default key type, as in step-ca and cert-manager. */
    public static final KeyType DEFAULT = EC_P256;

    /** Algorithm families; package-private because only this package cares how keys are made. */
    enum Family { EC, RSA, ED25519 }

    private final String id;
    private final Family family;
    private final String curveName;
    private final int bits;
    private final String signatureAlgorithm;

    KeyType(String id, Family family, String curveName, int bits, String signatureAlgorithm) {
        this.id = id;
        this.family = family;
        this.curveName = curveName;
        this.bits = bits;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The user-facing id, e.g. {@code "ec-p256"}. */
    public String id() {
        return id;
    }

    /** The key type with this id, if any (exact, case-sensitive match). */
    public static Optional<KeyType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** All ids in declaration order, for error messages and documentation. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(KeyType::id).toList();
    }

    /**
     * Detects the key type of a public key: RSA by modulus size, EC by curve (P-256 or P-384),
     * and Ed25519.
     *
     * @throws CryptoException if the key is of no supported type (e.g. RSA-1024, secp256k1)
     */
    public static KeyType of(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int modulusBits = rsa.getModulus().bitLength();
            for (KeyType t : values()) {
                if (t.family == Family.RSA && t.bits == modulusBits) {
                    return t;
                }
            }
            throw new CryptoException("unsupported key type: RSA with a " + modulusBits + "-bit modulus");
        }
        if (key instanceof ECPublicKey ec) {
            ECParameterSpec params = ec.getParams();
            for (KeyType t : values()) {
                if (t.family == Family.EC && params != null && t.isCurveOf(params)) {
                    return t;
                }
            }
            throw new CryptoException("unsupported key type: EC on a curve other than P-256 or P-384");
        }
        if (isEd25519(key)) {
            return ED25519;
        }
        throw new CryptoException("unsupported key type: " + key.getAlgorithm());
    }

    Family family() {
        return family;
    }

    /** The JCA curve name for EC types, {@code null} otherwise. */
    String curveName() {
        return curveName;
    }

    /** RSA modulus size; for EC the field size; 255 for Ed25519. */
    int bits() {
        return bits;
    }

    /** The signature algorithm a CA with a key of this type signs with. */
    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    // The curve order identifies the curve unambiguously (P-256 and secp256k1 share a field size).
    private boolean isCurveOf(ECParameterSpec params) {
        BigInteger order = ECNamedCurveTable.getByName(curveName).getN();
        return params.getCurve().getField().getFieldSize() == bits && params.getOrder().equals(order);
    }

    // Works for both BC's and the JDK's Ed25519 keys, whose algorithm names differ.
    private static boolean isEd25519(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            return false;
        }
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(encoded);
            return EdECObjectIdentifiers.id_Ed25519.equals(spki.getAlgorithm().getAlgorithm());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

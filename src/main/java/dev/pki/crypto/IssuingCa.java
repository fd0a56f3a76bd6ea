package dev.pki.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A CA certificate with its private key, checked once to be usable for signing: the certificate
 * says CA:TRUE and the key is its pair. {@link Signer#leaf} takes one, so a thousand leaves of
 * one CA pay for the check once, not a thousand times — and for what every leaf copies from the
 * CA certificate (its subject, its key identifier), which would otherwise be parsed out of it for
 * each leaf. {@link #toString()} never shows the key.
 */
public final class IssuingCa {

    private final X509Certificate cert;
    private final PrivateKey key;
    private final X500Name subject;
    private final byte[] keyId;

    private IssuingCa(X509Certificate cert, PrivateKey key) {
        this.cert = cert;
        this.key = key;
        this.subject = Signer.issuerName(cert);
        this.keyId = Signer.authorityKeyId(cert);
    }

    /**
     * @throws CryptoException if {@code cert} is not a CA certificate or {@code key} is not its key
     */
    public static IssuingCa of(X509Certificate cert, PrivateKey key) {
        if (cert.getBasicConstraints() < 0) {
            throw new CryptoException("the issuer certificate is not a CA certificate");
        }
        if (!Keys.matches(key, cert.getPublicKey())) {
            throw new CryptoException("the issuer key does not match the issuer certificate");
        }
        return new IssuingCa(cert, key);
    }

    public X509Certificate cert() {
        return cert;
    }

    PrivateKey key() {
        return key;
    }

    /** The CA's subject, byte-exact: a leaf's issuer name. */
    X500Name subject() {
        return subject;
    }

    /** The CA's key identifier: a leaf's authority key identifier. */
    byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public String toString() {
        return "IssuingCa[" + cert.getSubjectX500Principal().getName() + "]";
    }
}

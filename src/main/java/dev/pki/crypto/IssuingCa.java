package dev.pki.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A CA certificate with its private key, checked once to be usable for signing: the certificate
 * says CA:TRUE and the key is its pair. {@link Signer#leaf} takes one, so a thousand leaves of
 * one CA pay for the check once, not a thousand times. {@link #toString()} never shows the key.
 */
public final class IssuingCa {

    private final X509Certificate cert;
    private final PrivateKey key;

    private IssuingCa(X509Certificate cert, PrivateKey key) {
        this.cert = cert;
        this.key = key;
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

    @Override
    public String toString() {
        return "IssuingCa[" + cert.getSubjectX500Principal().getName() + "]";
    }
}

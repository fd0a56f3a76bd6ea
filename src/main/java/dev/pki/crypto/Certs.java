package dev.pki.crypto;

import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/** PEM encoding and decoding of X.509 certificates. */
public final class Certs {

    private Certs() {}

    /**
     * Registers the provider and loads the certificate parser: ~50 ms of class loading that nearly
     * every run needs, done ahead on a spare core (see the CLI's start-up).
     */
    public static void warmUp() {
        BouncyCastle.provider();
        new JcaX509CertificateConverter().setProvider(BouncyCastle.provider());
    }

    /** One {@code -----BEGIN CERTIFICATE-----} block, ending in a newline. */
    public static String toPem(X509Certificate cert) {
        try {
            String pem = Pem.encode("CERTIFICATE", cert.getEncoded());
            DecodedCerts.remember(pem, cert);
            return pem;
        } catch (CertificateEncodingException e) {
            throw new CryptoException("cannot encode the certificate", e);
        }
    }

    /** The certificates' PEM blocks concatenated in list order (leaf first for a chain file). */
    public static String toPem(List<X509Certificate> chain) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate cert : chain) {
            out.append(toPem(cert));
        }
        return out.toString();
    }

    /**
     * The first certificate in PEM text.
     *
     * @throws CryptoException if the text holds no certificate or is malformed
     */
    public static X509Certificate fromPem(String pem) {
        X509Certificate known = DecodedCerts.certificate(pem);
        if (known != null) return known;
        List<X509Certificate> all = allFromPem(pem);
        if (all.isEmpty()) {
            throw new CryptoException("not a PEM certificate");
        }
        DecodedCerts.remember(pem, all.get(0));
        return all.get(0);
    }

    /**
     * All certificates in PEM text, in order; other blocks (keys, parameters) are skipped. Empty if
     * the text holds no certificate.
     *
     * @throws CryptoException if a block is malformed
     */
    public static List<X509Certificate> allFromPem(String pem) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BouncyCastle.provider());
        List<X509Certificate> certs = new ArrayList<>();
        for (Object o : Pem.readAll(pem, "not a PEM certificate")) {
            if (o instanceof X509CertificateHolder holder) {
                try {
                    certs.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new CryptoException("malformed certificate", e);
                }
            }
        }
        return certs;
    }
}

package dev.pki.crypto;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues certificates following the step-ca / CA/Browser-baseline profile.
 *
 * <ul>
 *   <li>Signature algorithm by issuer key: P-256 → SHA256withECDSA, P-384 → SHA384withECDSA,
 *       RSA → SHA256withRSA, Ed25519 → Ed25519.</li>
 *   <li>Serials: 128 random bits from SecureRandom, positive.</li>
 *   <li>CAs: basicConstraints critical CA:TRUE with pathLen; keyUsage critical keyCertSign, cRLSign,
 *       digitalSignature; SKI; AKI (a root's AKI is its own SKI).</li>
 *   <li>Leaves: subject CN only; basicConstraints critical CA:FALSE; keyUsage critical
 *       digitalSignature (+ keyEncipherment for RSA keys); EKU and SAN non-critical; SKI; AKI.</li>
 *   <li>A child's issuer DN is copied byte-exactly from the issuer certificate's subject, so chains
 *       verify in every implementation.</li>
 * </ul>
 *
 * <p>Validity instants are used as given, truncated to whole seconds; back-dating notBefore for
 * clock skew is the caller's job.
 */
public final class Signer {

    private Signer() {}

    /**
     * A self-signed root CA certificate.
     *
     * @param subjectDn RFC 4514 DN, e.g. {@code "CN=Lab Root CA, O=Lab"}
     * @param pathLen   maximum number of intermediate CAs below this root; negative for no limit
     */
    public static X509Certificate selfSignedRoot(String subjectDn, KeyPair keys, Instant notBefore, Instant notAfter,
                                                 int pathLen) {
        X500Name subject = DistinguishedNames.parse(subjectDn);
        byte[] ski = subjectKeyId(keys.getPublic());
        X509v3CertificateBuilder builder = builder(subject, subject, keys.getPublic(), notBefore, notAfter);
        addCaExtensions(builder, pathLen, ski, ski);
        return sign(builder, keys.getPrivate(), keys.getPublic());
    }

    /**
     * An intermediate CA certificate signed by {@code issuerCert}/{@code issuerKey}.
     *
     * @param pathLen maximum number of CAs below this one (0: it signs only leaves); negative for no limit
     */
    public static X509Certificate intermediate(String subjectDn, PublicKey subjectKey, X509Certificate issuerCert,
                                               PrivateKey issuerKey, Instant notBefore, Instant notAfter, int pathLen) {
        X500Name subject = DistinguishedNames.parse(subjectDn);
        IssuingCa.of(issuerCert, issuerKey); // checks the issuer; once per CA, so no need to keep it
        X509v3CertificateBuilder builder = builder(issuerName(issuerCert), subject, subjectKey, notBefore, notAfter);
        addCaExtensions(builder, pathLen, subjectKeyId(subjectKey), authorityKeyId(issuerCert));
        return sign(builder, issuerKey, issuerCert.getPublicKey());
    }

    /** A leaf (end-entity) certificate as described by {@code req}, signed by the issuing CA. */
    public static X509Certificate leaf(LeafRequest req, IssuingCa issuer) {
        X509Certificate issuerCert = issuer.cert();
        // Built attribute by attribute, not parsed: a CN may contain ',' or '='.
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, req.commonName()).build();
        X509v3CertificateBuilder builder =
                builder(issuer.subject(), subject, req.publicKey(), req.notBefore(), req.notAfter());
        boolean rsa = KeyType.of(req.publicKey()).family() == KeyType.Family.RSA;
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // keyEncipherment only for RSA: that is the only key type that can do RSA key transport.
            int keyUsage = KeyUsage.digitalSignature | (rsa ? KeyUsage.keyEncipherment : 0);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(req));
            GeneralNames sans = subjectAltNames(req);
            if (sans != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, sans);
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new SubjectKeyIdentifier(subjectKeyId(req.publicKey())));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuer.keyId()));
        } catch (CertIOException e) {
            throw new CryptoException("cannot build the certificate extensions", e);
        }
        return sign(builder, issuer.key(), issuerCert.getPublicKey());
    }

    /** A positive serial with 128 bits of randomness (CA/B requires at least 64). */
    static BigInteger randomSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, BouncyCastle.RANDOM);
        } while (serial.signum() == 0); // zero is not a valid serial; 2^-128 odds, but be exact
        return serial;
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey subjectKey,
                                                    Instant notBefore, Instant notAfter) {
        Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
        Instant to = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (!to.isAfter(from)) {
            throw new CryptoException("notAfter " + to + " is not after notBefore " + from);
        }
        return new JcaX509v3CertificateBuilder(issuer, randomSerial(), Date.from(from), Date.from(to), subject,
                subjectKey);
    }

    private static void addCaExtensions(X509v3CertificateBuilder builder, int pathLen, byte[] ski, byte[] aki) {
        try {
            builder.addExtension(Extension.basicConstraints, true,
                    pathLen < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLen));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(ski));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(aki));
        } catch (CertIOException e) {
            throw new CryptoException("cannot build the certificate extensions", e);
        }
    }

    private static ExtendedKeyUsage extendedKeyUsage(LeafRequest req) {
        List<KeyPurposeId> purposes = new ArrayList<>();
        for (Usage usage : req.usages()) { // EnumSet order: stable encoding
            purposes.add(usage == Usage.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth);
        }
        return new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new));
    }

    /** The SAN extension value, or null if there is nothing valid to put in it. */
    private static GeneralNames subjectAltNames(LeafRequest req) {
        LinkedHashSet<String> names = new LinkedHashSet<>(req.sans());
        if (names.isEmpty()) {
            try {
                return new GeneralNames(SubjectAltNames.toGeneralName(req.commonName()));
            } catch (CryptoException e) {
                return null; // a CN like "Jane Doe" (client certificate) is no host name
            }
        }
        return new GeneralNames(names.stream().map(SubjectAltNames::toGeneralName).toArray(GeneralName[]::new));
    }

    // Byte-exact copy of the issuer's subject: re-encoding a parsed string could change string
    // types or order, and then openssl would not chain the certificates.
    static X500Name issuerName(X509Certificate issuerCert) {
        return holder(issuerCert).getSubject();
    }

    /** The issuer's SKI if it has one, else computed from its key (RFC 5280 method 1, like openssl). */
    static byte[] authorityKeyId(X509Certificate issuerCert) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(holder(issuerCert).getExtensions());
        return ski != null ? ski.getKeyIdentifier() : subjectKeyId(issuerCert.getPublicKey());
    }

    private static byte[] subjectKeyId(PublicKey key) {
        try {
            return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key).getKeyIdentifier();
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoException("SHA-1 unavailable for the subject key identifier", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey, PublicKey issuerPublic) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(KeyType.of(issuerPublic).signatureAlgorithm())
                    .setProvider(BouncyCastle.provider())
                    .setSecureRandom(BouncyCastle.RANDOM)
                    .build(issuerKey);
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.provider())
                    .getCertificate(builder.build(signer));
        } catch (OperatorCreationException | CertificateException e) {
            throw new CryptoException("cannot sign the certificate", e);
        }
    }

    static X509CertificateHolder holder(X509Certificate cert) {
        try {
            return new JcaX509CertificateHolder(cert);
        } catch (CertificateException e) {
            throw new CryptoException("malformed certificate", e);
        }
    }
}

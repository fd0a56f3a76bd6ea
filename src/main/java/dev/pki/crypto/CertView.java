package dev.pki.crypto;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.encoders.Hex;

/**
 * A parsed, read-only view of a certificate for planning decisions.
 *
 * @param subject        RFC 4514 form, most specific RDN first (see {@link DistinguishedNames})
 * @param issuer         RFC 4514 form
 * @param serial         the serial number
 * @param notBefore      start of validity
 * @param notAfter       end of validity
 * @param dnsNames       DNS names of the SAN extension, in certificate order
 * @param ipAddresses    IP addresses of the SAN extension, canonical text (see {@link SubjectAltNames})
 * @param usages         usages named by the extended key usage (others are ignored); empty without EKU
 * @param keyType        the type of the certified public key
 * @param ca             whether basicConstraints says CA:TRUE
 * @param pathLen        the CA's path length constraint; -1 if none/unlimited or not a CA
 * @param subjectKeyId   lower-case hex without separators, "" if absent
 * @param authorityKeyId lower-case hex without separators (the key identifier), "" if absent
 */
public record CertView(String subject, String issuer, BigInteger serial, Instant notBefore, Instant notAfter,
                       List<String> dnsNames, List<String> ipAddresses, Set<Usage> usages, KeyType keyType,
                       boolean ca, int pathLen, String subjectKeyId, String authorityKeyId) {

    /** Copies the collections so a view is immutable. */
    public CertView {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        EnumSet<Usage> copy = EnumSet.noneOf(Usage.class);
        copy.addAll(usages);
        usages = Collections.unmodifiableSet(copy);
    }

    /**
     * Parses a certificate.
     *
     * @throws CryptoException if the certificate is malformed or its key type is unsupported
     */
    public static CertView of(X509Certificate cert) {
        return DecodedCerts.view(cert, CertView::read);
    }

    private static CertView read(X509Certificate cert) {
        X509CertificateHolder holder = Signer.holder(cert);
        Extensions extensions = holder.getExtensions();
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        GeneralNames sans = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        if (sans != null) {
            for (GeneralName name : sans.getNames()) {
                if (name.getTagNo() == GeneralName.dNSName) {
                    dns.add(((ASN1String) name.getName()).getString());
                } else if (name.getTagNo() == GeneralName.iPAddress) {
                    ips.add(SubjectAltNames.formatIp(ASN1OctetString.getInstance(name.getName()).getOctets()));
                }
            }
        }
        BasicConstraints bc = BasicConstraints.fromExtensions(extensions);
        boolean ca = bc != null && bc.isCA();
        int pathLen = ca && bc.getPathLenConstraint() != null ? bc.getPathLenConstraint().intValueExact() : -1;
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(extensions);
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(extensions);
        return new CertView(
                DistinguishedNames.toString(holder.getSubject()),
                DistinguishedNames.toString(holder.getIssuer()),
                holder.getSerialNumber(),
                holder.getNotBefore().toInstant(),
                holder.getNotAfter().toInstant(),
                dns,
                ips,
                usages(ExtendedKeyUsage.fromExtensions(extensions)),
                KeyType.of(cert.getPublicKey()),
                ca,
                pathLen,
                ski == null ? "" : Hex.toHexString(ski.getKeyIdentifier()),
                aki == null || aki.getKeyIdentifier() == null ? "" : Hex.toHexString(aki.getKeyIdentifier()));
    }

    /** The (most specific) CN of the subject, or "" if it has none. */
    public String commonName() {
        try {
            return DistinguishedNames.commonName(new X500Name(Rfc4514Style.INSTANCE, subject));
        } catch (IllegalArgumentException e) {
            return ""; // a hand-built view with a free-form subject
        }
    }

    private static Set<Usage> usages(ExtendedKeyUsage eku) {
        Set<Usage> usages = EnumSet.noneOf(Usage.class);
        if (eku != null) {
            if (eku.hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth)) {
                usages.add(Usage.SERVER);
            }
            if (eku.hasKeyPurposeId(KeyPurposeId.id_kp_clientAuth)) {
                usages.add(Usage.CLIENT);
            }
        }
        return usages;
    }
}

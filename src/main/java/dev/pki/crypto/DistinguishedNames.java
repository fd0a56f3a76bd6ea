package dev.pki.crypto;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Distinguished names as users write them (RFC 4514, e.g. {@code "CN=Lab Root CA, O=Lab"}).
 *
 * <p>The string order is RFC 4514's: the most specific RDN comes first and is encoded last. The
 * subjects of certificates issued by {@link Signer} and the strings in {@link CertView} follow the
 * same convention, so {@code normalize(userDn).equals(normalize(view.subject()))} is the right test
 * for "same name".
 */
public final class DistinguishedNames {

    private DistinguishedNames() {}

    /**
     * The canonical form of a DN: RDN order as written, whitespace around separators dropped,
     * attribute types upper-case (e.g. {@code "CN=Lab Root CA,O=Lab"}), values kept as written
     * (with RFC 4514 escaping).
     *
     * @throws CryptoException naming the problem if the DN cannot be parsed
     */
    public static String normalize(String dn) {
        return Rfc4514Style.INSTANCE.toString(parse(dn));
    }

    /** Whether {@link #normalize} would accept the DN. */
    public static boolean isValid(String dn) {
        try {
            parse(dn);
            return true;
        } catch (CryptoException e) {
            return false;
        }
    }

    /** Parses a user-written DN into the name to encode in a certificate. */
    static X500Name parse(String dn) {
        if (dn == null || dn.isBlank()) {
            throw new CryptoException("invalid distinguished name: it is empty");
        }
        X500Name name;
        try {
            name = new X500Name(Rfc4514Style.INSTANCE, dn);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("invalid distinguished name '" + dn + "': " + describe(e), e);
        }
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (isEmpty(atv.getValue())) {
                    String type = BCStyle.INSTANCE.oidToDisplayName(atv.getType());
                    throw new CryptoException("invalid distinguished name '" + dn + "': "
                            + (type != null ? type : atv.getType().getId()) + " has an empty value");
                }
            }
        }
        return name;
    }

    /** A name in the canonical RFC 4514 form (e.g. a certificate's subject). */
    static String toString(X500Name name) {
        return Rfc4514Style.INSTANCE.toString(name);
    }

    /** The most specific CN of a name, or "" if it has none. */
    static String commonName(X500Name name) {
        RDN[] cns = name.getRDNs(BCStyle.CN);
        return cns.length == 0 ? "" : IETFUtils.valueToString(cns[cns.length - 1].getFirst().getValue());
    }

    private static boolean isEmpty(ASN1Encodable value) {
        return value instanceof ASN1String s && s.getString().isBlank();
    }

    // BC's messages are terse and inconsistent; translate the common ones for users.
    private static String describe(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Unknown object id - ")) {
            String type = message.substring("Unknown object id - ".length()).replace(" - passed to distinguished name", "");
            return "unknown attribute type '" + type.trim() + "'";
        }
        if (message.contains("badly formatted")) {
            return "expected comma-separated TYPE=value pairs";
        }
        return message;
    }
}

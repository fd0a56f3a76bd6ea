package dev.pki.crypto;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameStyle;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * BouncyCastle's attribute vocabulary (CN, O, OU, C, L, ST, E, DC, UID, ...) with RFC 4514 string
 * order: the first RDN of the string is the <em>last</em> in the encoded name, as in the JDK's
 * {@code X500Principal}, keytool and Go. So {@code "CN=Lab Root CA, O=Lab"} encodes as O then CN,
 * and {@code openssl x509 -subject -nameopt RFC2253} prints it back as written.
 */
final class Rfc4514Style extends BCStyle {

    static final X500NameStyle INSTANCE = new Rfc4514Style();

    private Rfc4514Style() {}

    @Override
    public RDN[] fromString(String dirName) {
        RDN[] written = super.fromString(dirName);
        RDN[] encoded = new RDN[written.length];
        for (int i = 0; i < written.length; i++) {
            encoded[written.length - 1 - i] = written[i];
        }
        return encoded;
    }

    /** Canonical text: most specific RDN first, "," between RDNs, upper-case attribute types. */
    @Override
    public String toString(X500Name name) {
        RDN[] rdns = name.getRDNs();
        StringBuffer out = new StringBuffer(); // IETFUtils insists on StringBuffer
        for (int i = rdns.length - 1; i >= 0; i--) {
            IETFUtils.appendRDN(out, rdns[i], defaultSymbols);
            if (i > 0) {
                out.append(',');
            }
        }
        return out.toString();
    }
}

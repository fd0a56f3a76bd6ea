package dev.pki.crypto;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.IPAddress;

/**
 * Subject alternative names as strings: DNS names or IP literals. IP addresses read back from a
 * certificate are always in canonical form (dotted quad; RFC 5952 for IPv6), so callers comparing
 * user-written names with a {@link CertView} should pass both through {@link #canonical}.
 */
public final class SubjectAltNames {

    // Hostname labels, an optional leading wildcard label; '_' tolerated as in many internal zones.
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");

    private SubjectAltNames() {}

    /**
     * The canonical form of a SAN string: IP literals in canonical text form, DNS names lower-case.
     *
     * @throws CryptoException if the string is neither a DNS name nor an IP literal
     */
    public static String canonical(String san) {
        GeneralName name = toGeneralName(san);
        return name.getTagNo() == GeneralName.iPAddress
                ? formatIp(ASN1OctetString.getInstance(name.getName()).getOctets())
                : san.toLowerCase(Locale.ROOT);
    }

    /** Whether the string is an IPv4 or IPv6 literal (no brackets, no zone, no netmask). */
    static boolean isIpAddress(String san) {
        return IPAddress.isValid(san);
    }

    /**
     * Why the string cannot be a SAN, worded for a user ({@code label 'a!b' is not a valid DNS
     * label}), or empty when it is a DNS name or an IP literal. The one definition of a valid SAN.
     */
    public static Optional<String> problem(String san) {
        if (san == null) return Optional.of("not a DNS name or IP address");
        if (isIpAddress(san)) return Optional.empty();
        // Digits and dots only is a mistyped IPv4 address, not a host name (no top-level domain is numeric).
        if (san.matches("[0-9.]+")) return Optional.of("not a valid IPv4 address");
        if (san.length() > 253) return Optional.of("longer than 253 characters");
        if (DNS_NAME.matcher(san).matches()) return Optional.empty();
        if (san.contains(":")) return Optional.of("not a valid IPv6 address");
        String[] labels = san.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            if (i == 0 && labels[i].equals("*") && labels.length > 1) continue;
            if (labels[i].isEmpty()) return Optional.of("has an empty label");
            if (!LABEL.matcher(labels[i]).matches()) {
                return Optional.of("label '" + labels[i] + "' is not a valid DNS label (up to 63 letters, digits, '-' and '_';"
                        + " no '-' at either end)");
            }
        }
        return Optional.of("not a DNS name or IP address");
    }

    /** The SAN entry for a DNS name or IP literal. */
    static GeneralName toGeneralName(String san) {
        Optional<String> problem = problem(san);
        if (problem.isPresent()) throw new CryptoException("invalid subject alternative name '" + san + "': " + problem.get());
        return new GeneralName(isIpAddress(san) ? GeneralName.iPAddress : GeneralName.dNSName, san);
    }

    /** Text form of an IP address from a certificate: dotted quad, or RFC 5952 for IPv6. */
    static String formatIp(byte[] octets) {
        if (octets.length == 4) {
            return (octets[0] & 0xff) + "." + (octets[1] & 0xff) + "." + (octets[2] & 0xff) + "." + (octets[3] & 0xff);
        }
        if (octets.length != 16) {
            throw new CryptoException("malformed IP address in a certificate (" + octets.length + " bytes)");
        }
        if (isIpv4Mapped(octets)) { // RFC 5952 §5: mixed notation for IPv4-mapped addresses
            return "::ffff:" + formatIp(Arrays.copyOfRange(octets, 12, 16));
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((octets[2 * i] & 0xff) << 8) | (octets[2 * i + 1] & 0xff);
        }
        // RFC 5952: compress the first longest run of two or more zero groups.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static boolean isIpv4Mapped(byte[] octets) {
        for (int i = 0; i < 10; i++) {
            if (octets[i] != 0) {
                return false;
            }
        }
        return octets[10] == (byte) 0xff && octets[11] == (byte) 0xff;
    }
}

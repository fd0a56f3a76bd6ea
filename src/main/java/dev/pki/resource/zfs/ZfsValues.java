package dev.pki.resource.zfs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a value as written in a playbook with the value {@code zfs get -p} reports. zfs
 * normalizes some values on {@code zfs set}, so comparing text alone would plan the same change on
 * every run (and fail the after-apply check). Normalizations seen on zfs-fuse and OpenZFS:
 * <ul>
 *   <li>sizes are reported in bytes with {@code -p}: {@code quota=1G} reads back as {@code 1073741824},
 *       {@code quota=none} as {@code 0};</li>
 *   <li>{@code gzip-6} is the default gzip level and reads back as {@code gzip};</li>
 *   <li>a mountpoint's trailing slash is dropped.</li>
 * </ul>
 * Anything else is compared as text, exactly (zfs values are case-sensitive: it rejects {@code ON}).
 */
final class ZfsValues {

    /** zfs's size syntax: a number with an optional binary suffix, {@code 1.5G}, {@code 512k}, {@code 10GB}. */
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGTPEZ]?)(?:i?B)?", Pattern.CASE_INSENSITIVE);
    private static final String SUFFIXES = "KMGTPEZ";

    private ZfsValues() {
    }

    /** True when {@code declared} is what zfs reports as {@code actual} for {@code property}. */
    static boolean same(String property, String declared, String actual) {
        if (actual == null) return false;
        if (declared.equals(actual)) return true;
        if (property.equals("mountpoint")) return path(declared).equals(path(actual));
        if ((property.equals("compression") || property.equals("compress")) && declared.equals("gzip-6")) {
            return actual.equals("gzip");
        }
        if (actual.matches("\\d+")) {
            return bytes(declared).map(b -> b.equals(new BigInteger(actual))).orElse(false);
        }
        return false;
    }

    /** A mountpoint without trailing slashes ({@code /} stays {@code /}). */
    static String path(String p) {
        String s = p;
        while (s.length() > 1 && s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    /** The number of bytes a size means to zfs (1K = 1024), or empty when the text is not a size. */
    static Optional<BigInteger> bytes(String text) {
        if (text.equals("none")) return Optional.of(BigInteger.ZERO);
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        int power = m.group(2).isEmpty() ? 0 : SUFFIXES.indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        // zfs truncates fractional bytes ("1.3K" is 1331).
        return Optional.of(value.toBigInteger());
    }
}

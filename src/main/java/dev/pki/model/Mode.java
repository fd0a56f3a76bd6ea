package dev.pki.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** A permission mode as four octal digits, e.g. {@code 0640}. */
public record Mode(String octal) {

    private static final Pattern OCTAL = Pattern.compile("0?[0-7]{3}|[0-7]{4}");

    public Mode {
        if (!OCTAL.matcher(octal).matches()) throw new IllegalArgumentException("invalid mode " + octal);
        if (octal.length() == 3) octal = "0" + octal;
    }

    /**
     * Parses what a user wrote: {@code '0640'}, {@code '640'}, or the number {@code 0640} (which
     * Groovy reads as octal, so arrives as 416).
     */
    public static Optional<Mode> parse(Object value) {
        String text;
        if (value instanceof Integer i) {
            if (i < 0 || i > 07777) return Optional.empty();
            text = String.format("%04o", i);
        } else if (value instanceof CharSequence s) {
            text = s.toString().strip();
        } else {
            return Optional.empty();
        }
        return OCTAL.matcher(text).matches() ? Optional.of(new Mode(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return octal;
    }
}

package dev.pki.model;

/**
 * A secret (a private key, a passphrase) that must never be printed: {@link #toString()} says
 * {@code (sensitive)}, and only {@link #reveal()} gives the text, for writing it to its target.
 */
public final class Sensitive {

    public static final String MARKER = "(sensitive)";

    private final String secret;

    public Sensitive(String secret) {
        this.secret = secret;
    }

    public String reveal() {
        return secret;
    }

    @Override
    public String toString() {
        return MARKER;
    }
}

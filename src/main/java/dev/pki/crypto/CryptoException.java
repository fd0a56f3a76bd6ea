package dev.pki.crypto;

/**
 * Any failure in this package: bad input, unsupported keys, malformed PEM, failed signing.
 *
 * <p>Unchecked, so callers handle it where they can say something useful. The message is meant for
 * users and logs and therefore never contains key material or passphrases.
 */
public class CryptoException extends RuntimeException {

    /** @param message what went wrong, free of secrets */
    public CryptoException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, free of secrets
     * @param cause   the underlying library failure
     */
    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}

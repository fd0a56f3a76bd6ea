package dev.pki.crypto;

/** An encrypted private key could not be decrypted with the passphrase given. */
public class WrongPassphraseException extends CryptoException {

    /** @param cause the underlying decryption failure (its message carries no secrets) */
    public WrongPassphraseException(Throwable cause) {
        super("wrong passphrase for the encrypted key", cause);
    }
}

package dev.pki.crypto;

import java.io.IOException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemGenerationException;

/** Password-based encryption and decryption of private keys, behind {@link Keys}. */
final class EncryptedKeys {

    /**
     * PBKDF2 iterations for encrypted keys. Generated passphrases have 256 bits of entropy and need
     * no stretching, but users may bring their own weak ones; 100,000 rounds of HMAC-SHA256 cost
     * an attacker that much per guess while decrypting a CA key once per run stays well under a
     * second. (OpenSSL's own default of 2048 is too low by today's guidance.)
     */
    static final int PBKDF2_ITERATIONS = 100_000;

    private EncryptedKeys() {}

    /** PBES2 (AES-256-CBC, PBKDF2-HMAC-SHA256, random salt) encrypted PKCS#8 PEM. */
    static String encrypt(PrivateKeyInfo info, char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new CryptoException("a non-empty passphrase is needed to encrypt a private key");
        }
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setRandom(BouncyCastle.RANDOM) // the salt and IV come from here
                    .setProvider(BouncyCastle.provider())
                    .setPassword(passphrase)
                    .build();
            byte[] der = new PKCS8Generator(info, encryptor).generate().getContent();
            return Pem.encode("ENCRYPTED PRIVATE KEY", der);
        } catch (OperatorCreationException | PemGenerationException e) {
            throw new CryptoException("cannot encrypt the private key", e);
        }
    }

    static boolean isEncrypted(Object pemObject) {
        return pemObject instanceof PKCS8EncryptedPrivateKeyInfo || pemObject instanceof PEMEncryptedKeyPair;
    }

    /** Whether a PEM object is a private key, plain or encrypted (telling needs no passphrase). */
    static boolean isPrivateKey(Object pemObject) {
        return pemObject instanceof PrivateKeyInfo || pemObject instanceof PEMKeyPair || isEncrypted(pemObject);
    }

    /**
     * The private key in a parsed PEM object, decrypted if necessary; {@code null} if the object is
     * not a private key at all (a certificate, EC parameters, ...).
     */
    static PrivateKeyInfo toPrivateKeyInfo(Object pemObject, char[] passphrase) {
        if (pemObject instanceof PrivateKeyInfo info) {
            return info;
        }
        if (pemObject instanceof PEMKeyPair legacy) {
            return legacy.getPrivateKeyInfo();
        }
        if (pemObject instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            return decryptPkcs8(encrypted, requirePassphrase(passphrase));
        }
        if (pemObject instanceof PEMEncryptedKeyPair legacy) {
            return decryptLegacy(legacy, requirePassphrase(passphrase));
        }
        return null;
    }

    private static PrivateKeyInfo decryptPkcs8(PKCS8EncryptedPrivateKeyInfo encrypted, char[] passphrase) {
        try {
            var decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BouncyCastle.provider())
                    .build(passphrase);
            return encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (OperatorCreationException e) {
            throw new CryptoException("unsupported private key encryption", e);
        } catch (PKCSException | RuntimeException e) {
            if (e.getCause() instanceof OperatorCreationException) {
                throw new CryptoException("unsupported private key encryption "
                        + encrypted.getEncryptionAlgorithm().getAlgorithm(), e);
            }
            // A wrong key shows up as bad padding or, rarely, as garbage that fails to parse.
            throw new WrongPassphraseException(e);
        }
    }

    private static PrivateKeyInfo decryptLegacy(PEMEncryptedKeyPair encrypted, char[] passphrase) {
        try {
            var decryptor = new JcePEMDecryptorProviderBuilder()
                    .setProvider(BouncyCastle.provider())
                    .build(passphrase);
            return encrypted.decryptKeyPair(decryptor).getPrivateKeyInfo();
        } catch (IOException | RuntimeException e) {
            throw new WrongPassphraseException(e);
        }
    }

    private static char[] requirePassphrase(char[] passphrase) {
        if (passphrase == null) {
            throw new CryptoException("the private key is encrypted; a passphrase is needed to read it");
        }
        return passphrase;
    }
}

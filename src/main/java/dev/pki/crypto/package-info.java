/**
 * Keys, certificates, PEM and private-key encryption for {@code pki}.
 *
 * <p>This is the only package that touches BouncyCastle; everything else in the project works with
 * the JDK types ({@link java.security.KeyPair}, {@link java.security.cert.X509Certificate}) and the
 * small value types defined here ({@link dev.pki.crypto.KeyType}, {@link dev.pki.crypto.CertView},
 * {@link dev.pki.crypto.LeafRequest}). All work happens in-process on the controller, so targets
 * need neither openssl nor a JVM.
 *
 * <ul>
 *   <li>{@link dev.pki.crypto.Keys}: generate, encode, decode, encrypt and compare private keys.</li>
 *   <li>{@link dev.pki.crypto.Certs}: certificate PEM encoding and decoding.</li>
 *   <li>{@link dev.pki.crypto.Signer}: issue root, intermediate and leaf certificates following
 *       the step-ca / CA/Browser-baseline profile.</li>
 *   <li>{@link dev.pki.crypto.CertView}: a parsed, read-only view for planning decisions.</li>
 *   <li>{@link dev.pki.crypto.DistinguishedNames}: parse, validate and compare RFC 4514 names.</li>
 * </ul>
 *
 * <p>Every failure is a {@link dev.pki.crypto.CryptoException} (unchecked). Messages never contain
 * key material or passphrases, because the engine shows them to users and writes them to logs.
 */
package dev.pki.crypto;

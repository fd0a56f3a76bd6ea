package dev.pki.crypto;

import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one place where the BouncyCastle provider is registered.
 *
 * <p>Every JCA call in this package names this provider explicitly, so results do not depend on
 * which providers the JDK happens to ship or prefer (Ed25519 and PBES2 behave the same everywhere).
 */
final class BouncyCastle {

    /** Shared randomness for keys, salts, serials and challenges; SecureRandom is thread-safe. */
    static final SecureRandom RANDOM = new SecureRandom();

    private BouncyCastle() {}

    /** The provider, registered on first use. */
    static Provider provider() {
        return Holder.PROVIDER;
    }

    // Holder idiom: registration happens lazily, exactly once, without explicit locking.
    private static final class Holder {
        private static final String MR_TESTS = "org.bouncycastle.rsa.max_mr_tests";
        static final Provider PROVIDER = register();

        private static Provider register() {
            // BouncyCastle checks that every RSA public key it builds has a composite modulus, with
            // Miller-Rabin rounds: ~25 ms per key on the quick compiler bin/pki runs, once per key
            // and run, which doubled a converged plan of twenty RSA certificates. The check guards
            // whoever encrypts to, or trusts signatures of, a foreign key; pki does neither: the RSA
            // keys it builds are its own, or read from a target to be compared with each other.
            // The cheap checks (even modulus, small factors, size) still run. A -D on the command
            // line wins.
            if (System.getProperty(MR_TESTS) == null) System.setProperty(MR_TESTS, "0");
            Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
            if (existing != null) {
                return existing;
            }
            // Appended last, so code elsewhere in the JVM keeps the JDK providers as defaults.
            Security.addProvider(new BouncyCastleProvider());
            return Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        }
    }
}

package dev.pki.resource.ca;

import dev.pki.crypto.Certs;
import dev.pki.crypto.IssuingCa;

import java.security.cert.X509Certificate;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A usable CA, published by the {@code ca} step for the steps after it: its certificates and, on
 * demand, its intermediate as a signer. An existing CA's key is decrypted only when a step asks for
 * the signer ({@link #signer()}) — a plan with nothing to sign skips the 100,000-round key
 * derivation — and a step that will sign asks at plan time, so a wrong passphrase still stops the
 * run before anything changes. The key lives in memory only; {@link #toString()} never shows it.
 */
public final class CaHandle {

    private final String name;
    private final String host;
    private final X509Certificate root;
    private final X509Certificate intermediate;
    private Supplier<IssuingCa> unlock;
    private final BooleanSupplier openedBefore;
    private IssuingCa signer;

    private CaHandle(String name, String host, X509Certificate root, X509Certificate intermediate, Supplier<IssuingCa> unlock,
                     BooleanSupplier openedBefore) {
        this.name = name;
        this.host = host;
        this.root = root;
        this.intermediate = intermediate;
        this.unlock = unlock;
        this.openedBefore = openedBefore;
    }

    /** A CA whose signer is ready (a CA created in this run). */
    public static CaHandle unlocked(String name, String host, X509Certificate root, IssuingCa signer) {
        return new CaHandle(name, host, root, signer.cert(), () -> signer, () -> true);
    }

    /**
     * A CA whose signer is made by {@code unlock} at the first {@link #signer()} call (an existing
     * CA: decrypting its key). A failure is thrown to every caller, and retried each time.
     * {@code openedBefore} says whether this process has already opened exactly this key, with this
     * passphrase, for this intermediate ({@link #checkSigner()}).
     */
    public static CaHandle locked(String name, String host, X509Certificate root, X509Certificate intermediate,
                                  Supplier<IssuingCa> unlock, BooleanSupplier openedBefore) {
        return new CaHandle(name, host, root, intermediate, unlock, openedBefore);
    }

    /**
     * Checks at plan time that the signer can be opened, so a wrong passphrase stops the plan: by
     * opening it, unless this process already opened the same key with the same passphrase for the
     * same intermediate in an earlier run (pki's daemon), which is what opening it again would show.
     */
    public synchronized void checkSigner() {
        if (signer == null && !openedBefore.getAsBoolean()) signer();
    }

    /** The intermediate with its private key, checked to be a pair; decrypts the key on first use. */
    public synchronized IssuingCa signer() {
        if (signer == null) {
            signer = unlock.get();
            unlock = null; // nothing keeps the passphrase once the key is open
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate intermediate() {
        return intermediate;
    }

    public String rootPem() {
        return Certs.toPem(root);
    }

    public String intermediatePem() {
        return Certs.toPem(intermediate);
    }

    @Override
    public String toString() {
        return "ca('" + name + "') on " + host;
    }
}

package dev.pki.resource.ca;

import dev.pki.crypto.Certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A usable CA, published by the {@code ca} step for the steps after it: its certificates and its
 * intermediate's private key, decrypted in memory only. {@link #toString()} never shows the key.
 */
public record CaHandle(String name, String host, X509Certificate root, X509Certificate intermediate, PrivateKey signingKey) {

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

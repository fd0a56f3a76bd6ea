package dev.pki.crypto;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Certificates this process has already encoded or decoded, by their PEM text, and the views of
 * them it has already made. Apply reads back every certificate it wrote to verify it, and every
 * certificate's check looks at its issuer's intermediate again: parsing the same bytes again gives
 * the same certificate, so it is taken from here. Certificates are public; the memo is bounded.
 */
final class DecodedCerts {

    /** Apply reads a certificate back right after writing it: a few thousand entries (a few MB) cover any gap. */
    private static final int LIMIT = 4_096;
    private static final Map<String, X509Certificate> BY_PEM = new ConcurrentHashMap<>();
    private static final Map<X509Certificate, CertView> VIEWS = new ConcurrentHashMap<>();

    private DecodedCerts() {
    }

    /** The first certificate of this PEM text, if this process encoded or decoded exactly this text. */
    static X509Certificate certificate(String pem) {
        return BY_PEM.get(pem);
    }

    static void remember(String pem, X509Certificate cert) {
        if (BY_PEM.size() >= LIMIT) BY_PEM.clear();
        BY_PEM.put(pem, cert);
    }

    /** The view of a certificate (certificates are equal when their encodings are). */
    static CertView view(X509Certificate cert, Function<X509Certificate, CertView> make) {
        CertView known = VIEWS.get(cert);
        if (known != null) return known;
        CertView view = make.apply(cert);
        if (VIEWS.size() >= LIMIT) VIEWS.clear();
        VIEWS.put(cert, view);
        return view;
    }
}

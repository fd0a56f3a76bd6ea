package dev.pki.resource.certificate;

import dev.pki.crypto.CertView;
import dev.pki.crypto.Certs;
import dev.pki.crypto.Keys;
import dev.pki.crypto.LeafRequest;
import dev.pki.crypto.Signer;
import dev.pki.resource.ca.CaHandle;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * A new key and the certificate signed for it: made by the certificate step when it applies, or
 * ahead on a spare core ({@link dev.pki.resource.Ahead}) while the steps before it apply. Holds a
 * private key: nothing here is ever printed.
 */
final class Issued {

    /**
     * How long a certificate signed ahead may wait for its step. Its validity then starts and ends
     * at most this much earlier than if the step had signed it — far less than the gap the playbook
     * leaves between validity and renewBefore (at least 20 s), so the step still converges, and
     * nothing a person would notice. Work that waited longer is signed again.
     */
    static final Duration FRESH = Duration.ofSeconds(2);

    private final KeyPair keys;
    private final String certPem;
    private final X509Certificate signedBy;
    private final Instant signedAt;

    private Issued(KeyPair keys, String certPem, X509Certificate signedBy, Instant signedAt) {
        this.keys = keys;
        this.certPem = certPem;
        this.signedBy = signedBy;
        this.signedAt = signedAt;
    }

    /** Generates a key and signs its certificate by {@code ca} as of {@code now}. */
    static Issued now(CertificateSpec spec, CaHandle ca, Instant now) {
        KeyPair keys = Keys.generate(spec.keyType());
        Instant notAfter = spec.validity().addTo(now);
        // A certificate cannot usefully outlive its issuer.
        if (notAfter.isAfter(ca.intermediate().getNotAfter().toInstant())) notAfter = ca.intermediate().getNotAfter().toInstant();
        X509Certificate cert = Signer.leaf(new LeafRequest(spec.commonName(), spec.sans(), spec.usages(), keys.getPublic(),
                now.minus(Duration.ofMinutes(1)), notAfter), ca.signer());
        String pem = Certs.toPem(cert);
        // The step's verification reads the certificate back and plans against its view: made
        // here, where it costs the same, it is not made on the applying thread when this ran ahead.
        CertView.of(cert);
        return new Issued(keys, pem, ca.intermediate(), now);
    }

    /**
     * Whether this can stand for what the step would sign now: signed by the same intermediate
     * certificate (equal encodings) and fresh.
     */
    boolean fits(CaHandle ca, Instant now) {
        return signedBy.equals(ca.intermediate()) && !now.isAfter(signedAt.plus(FRESH));
    }

    KeyPair keys() {
        return keys;
    }

    String certPem() {
        return certPem;
    }

    @Override
    public String toString() {
        return "Issued[signed " + signedAt + " by " + signedBy.getSubjectX500Principal() + "]";
    }
}

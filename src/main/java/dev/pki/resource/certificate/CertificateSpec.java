package dev.pki.resource.certificate;

import dev.pki.crypto.KeyType;
import dev.pki.crypto.Usage;
import dev.pki.model.Lifetime;
import dev.pki.model.Mode;
import dev.pki.resource.Ownership;
import dev.pki.resource.ca.CaRef;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** A certificate as declared. {@code chain} and {@code fullchain} may be null (not written). */
public record CertificateSpec(String name, CaRef issuer, String commonName, List<String> sans, Set<Usage> usages,
                              KeyType keyType, Lifetime validity, Duration renewBefore,
                              String cert, String key, String chain, String fullchain,
                              Ownership keyOwnership, String onRenew) {

    static final Mode CERT_MODE = new Mode("0644");

    /** Certificates, chains and fullchains are public: same owner and group as the key, mode 0644. */
    Ownership certOwnership() {
        return keyOwnership.withMode(CERT_MODE);
    }
}

package dev.pki.crypto;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a leaf certificate to be issued says.
 *
 * <p>{@code sans} are strings: DNS names or IP literals (v4/v6). If {@code sans} is empty, the
 * common name becomes the only SAN (as step-ca does) when it is a valid DNS name or IP literal,
 * because modern TLS clients ignore the CN. {@code notBefore}/{@code notAfter} are used as given
 * (truncated to whole seconds, the precision of X.509 times); back-dating for clock skew is the
 * caller's job.
 *
 * @param commonName the subject CN, not blank
 * @param sans       DNS names and IP literals, in order; duplicates are dropped on issue
 * @param usages     at least one usage, each becomes an extended key usage
 * @param publicKey  the key the certificate certifies
 * @param notBefore  start of validity
 * @param notAfter   end of validity, after {@code notBefore}
 */
public record LeafRequest(String commonName, List<String> sans, Set<Usage> usages, PublicKey publicKey,
                          Instant notBefore, Instant notAfter) {

    /** Copies the collections so the request is immutable and validates what can be validated early. */
    public LeafRequest {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        sans = List.copyOf(sans);
        EnumSet<Usage> copy = EnumSet.noneOf(Usage.class);
        copy.addAll(usages);
        usages = Collections.unmodifiableSet(copy);
        if (commonName.isBlank()) {
            throw new CryptoException("a leaf certificate needs a common name");
        }
        if (usages.isEmpty()) {
            throw new CryptoException("a leaf certificate needs at least one usage (server or client)");
        }
    }
}

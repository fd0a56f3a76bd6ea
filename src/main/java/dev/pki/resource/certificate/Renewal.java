package dev.pki.resource.certificate;

import dev.pki.crypto.CertView;
import dev.pki.crypto.Certs;
import dev.pki.crypto.CryptoException;
import dev.pki.crypto.Keys;
import dev.pki.crypto.SubjectAltNames;
import dev.pki.facts.PathState;
import dev.pki.model.Lifetime;
import dev.pki.resource.ca.CaHandle;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Why a certificate must be (re)issued, checked in a fixed order; the first reason found wins.
 * Pure: takes the files' states, the issuer (empty when the CA is created in this run) and the time.
 */
final class Renewal {

    private Renewal() {
    }

    /** The reason to issue, or empty when the existing certificate is good. */
    static Optional<String> reason(CertificateSpec spec, PathState certFile, PathState keyFile, Optional<CaHandle> issuer, Instant now) {
        if (!certFile.isFile()) return Optional.of("certificate file " + spec.cert() + " is missing");
        if (!keyFile.isFile()) return Optional.of("key file " + spec.key() + " is missing");
        X509Certificate cert;
        PrivateKey key;
        try {
            cert = Certs.fromPem(certFile.text().orElse(""));
        } catch (CryptoException e) {
            return Optional.of("certificate file " + spec.cert() + " is unreadable");
        }
        try {
            key = Keys.fromPem(keyFile.text().orElse(""), null);
        } catch (CryptoException e) {
            return Optional.of("key file " + spec.key() + " is unreadable");
        }
        if (!Keys.matches(key, cert.getPublicKey())) return Optional.of("key does not match certificate");
        CertView view = CertView.of(cert);
        if (issuer.isEmpty()) return Optional.of("issuer " + spec.issuer() + " is created in this run");
        CertView ca = CertView.of(issuer.get().intermediate());
        if (!ca.subjectKeyId().equals(view.authorityKeyId()) || !ca.subject().equals(view.issuer())) {
            return Optional.of("issued by another CA");
        }
        if (view.keyType() != spec.keyType()) return Optional.of("key type " + view.keyType().id() + " → " + spec.keyType().id());
        if (!view.commonName().equals(spec.commonName())) return Optional.of("common name " + view.commonName() + " → " + spec.commonName());
        String sans = sanDifference(view, spec.sans());
        if (!sans.isEmpty()) return Optional.of("SANs differ: " + sans);
        if (!view.usages().equals(spec.usages())) return Optional.of("usages " + names(view.usages()) + " → " + names(spec.usages()));
        Duration left = Duration.between(now, view.notAfter());
        if (left.isNegative() || left.isZero()) return Optional.of("expired " + Lifetime.format(left.negated()) + " ago");
        if (left.compareTo(spec.renewBefore()) <= 0) {
            String relation = left.equals(spec.renewBefore()) ? " = " : " < ";
            return Optional.of("expires in " + Lifetime.format(left) + relation + "renewBefore " + Lifetime.format(spec.renewBefore()));
        }
        return Optional.empty();
    }

    /** {@code server, client}: usages as the playbook writes them. */
    static String names(java.util.Set<dev.pki.crypto.Usage> usages) {
        return String.join(", ", usages.stream().map(u -> u.name().toLowerCase()).toList());
    }

    /** {@code +www.internal -old.internal}, or empty when the sets are equal (order does not matter). */
    static String sanDifference(CertView view, List<String> wanted) {
        TreeSet<String> normalizedActual = new TreeSet<>();
        for (String s : view.dnsNames()) normalizedActual.add(SubjectAltNames.canonical(s));
        normalizedActual.addAll(view.ipAddresses());
        TreeSet<String> want = new TreeSet<>();
        for (String s : wanted) want.add(SubjectAltNames.canonical(s));
        List<String> parts = new ArrayList<>();
        for (String s : want) if (!normalizedActual.contains(s)) parts.add("+" + s);
        for (String s : normalizedActual) if (!want.contains(s)) parts.add("-" + s);
        return String.join(" ", parts);
    }
}

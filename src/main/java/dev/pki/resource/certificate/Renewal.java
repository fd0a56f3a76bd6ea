package dev.pki.resource.certificate;

import dev.pki.crypto.CertView;
import dev.pki.crypto.Certs;
import dev.pki.crypto.CryptoException;
import dev.pki.crypto.Keys;
import dev.pki.crypto.SubjectAltNames;
import dev.pki.facts.PathState;
import dev.pki.model.Lifetime;
import dev.pki.resource.ca.CaHandle;

import java.security.PublicKey;
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

    /** A certificate ending within this of its issuer's end was cut to the issuer's notAfter when issued. */
    static final Duration SAME_END = Duration.ofMinutes(1);

    /** The reason to issue (empty when the existing certificate is good), and a warning when renewal is due but cannot help. */
    record Verdict(Optional<String> reason, String warning) {

        static Verdict issue(String why) {
            return new Verdict(Optional.of(why), "");
        }
    }

    private Renewal() {
    }

    /** The reason to issue, or empty when the existing certificate is good. */
    static Optional<String> reason(CertificateSpec spec, PathState certFile, PathState keyFile, Optional<CaHandle> issuer, Instant now) {
        return check(spec, certFile, keyFile, issuer, now).reason();
    }

    static Verdict check(CertificateSpec spec, PathState certFile, PathState keyFile, Optional<CaHandle> issuer, Instant now) {
        if (!certFile.isFile()) return Verdict.issue("certificate file " + spec.cert() + " is missing");
        if (!keyFile.isFile()) return Verdict.issue("key file " + spec.key() + " is missing");
        X509Certificate cert;
        PublicKey key;
        try {
            cert = Certs.fromPem(certFile.text().orElse(""));
        } catch (CryptoException e) {
            return Verdict.issue("certificate file " + spec.cert() + " is unreadable");
        }
        try {
            key = Keys.publicKeyOfPem(keyFile.text().orElse(""));
        } catch (CryptoException e) {
            return Verdict.issue("key file " + spec.key() + " is unreadable");
        }
        if (key == null || !Keys.samePublicKey(key, cert.getPublicKey())) return Verdict.issue("key does not match certificate");
        CertView view = CertView.of(cert);
        if (issuer.isEmpty()) return Verdict.issue("issuer " + spec.issuer() + " is created in this run");
        CertView ca = CertView.of(issuer.get().intermediate());
        if (!ca.subjectKeyId().equals(view.authorityKeyId()) || !ca.subject().equals(view.issuer())) {
            return Verdict.issue("issued by another CA");
        }
        if (view.keyType() != spec.keyType()) return Verdict.issue("key type " + view.keyType().id() + " → " + spec.keyType().id());
        if (!view.commonName().equals(spec.commonName())) return Verdict.issue("common name " + view.commonName() + " → " + spec.commonName());
        String sans = sanDifference(view, spec.sans());
        if (!sans.isEmpty()) return Verdict.issue("SANs differ: " + sans);
        if (!view.usages().equals(spec.usages())) return Verdict.issue("usages " + names(view.usages()) + " → " + names(spec.usages()));
        Duration left = Duration.between(now, view.notAfter());
        if (left.compareTo(spec.renewBefore()) > 0) return new Verdict(Optional.empty(), "");
        if (Duration.between(view.notAfter(), ca.notAfter()).abs().compareTo(SAME_END) <= 0) {
            // Issuing again would be cut to the same notAfter: every apply would re-issue and never converge.
            Duration caLeft = Duration.between(now, ca.notAfter());
            String when = caLeft.isNegative() || caLeft.isZero() ? "expired " + Lifetime.format(caLeft.negated()) + " ago"
                    : "expires in " + Lifetime.format(caLeft);
            return new Verdict(Optional.empty(), "cannot renew beyond the issuer: " + spec.issuer() + "'s intermediate " + when);
        }
        if (left.isNegative() || left.isZero()) return Verdict.issue("expired " + Lifetime.format(left.negated()) + " ago");
        String relation = left.equals(spec.renewBefore()) ? " = " : " < ";
        return Verdict.issue("expires in " + Lifetime.format(left) + relation + "renewBefore " + Lifetime.format(spec.renewBefore()));
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

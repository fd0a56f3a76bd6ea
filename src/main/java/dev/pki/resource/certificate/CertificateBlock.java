package dev.pki.resource.certificate;

import dev.pki.crypto.KeyType;
import dev.pki.crypto.SubjectAltNames;
import dev.pki.crypto.Usage;
import dev.pki.diag.Suggestions;
import dev.pki.dsl.Block;
import dev.pki.dsl.DslContext;
import dev.pki.model.Lifetime;
import dev.pki.model.Mode;
import dev.pki.resource.ca.CaRef;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Settings of {@code certificate('name') { ... }}; defaults are in docs/dsl.md. */
public final class CertificateBlock extends Block {

    CaRef issuer;
    String commonName;
    final List<String> sans = new ArrayList<>();
    Set<Usage> usages = EnumSet.of(Usage.SERVER);
    KeyType keyType = KeyType.DEFAULT;
    Lifetime validity = Lifetime.days(90);
    Lifetime renewBefore;
    String cert;
    String key;
    String chain;
    String fullchain;
    String owner = "";
    String group = "";
    Mode mode = new Mode("0600");
    String onRenew;

    CertificateBlock(DslContext context) {
        super(context);
    }

    /** The CA that signs: {@code issuer ca('lab')}. */
    public void issuer(Object value) {
        if (value instanceof CaRef ref) issuer = ref;
        else wrongType("issuer", "a CA reference such as ca('lab')", value);
    }

    /** The subject's common name; defaults to the certificate's name. */
    public void commonName(Object value) {
        asText("commonName", value).ifPresent(v -> commonName = v);
    }

    /** DNS names and IP addresses: {@code sans 'a.internal', '10.0.0.12'}. */
    public void sans(Object... values) {
        for (String san : asStrings("sans", values)) {
            // The crypto package decides, so the playbook accepts exactly what a certificate can carry.
            SubjectAltNames.problem(san).ifPresentOrElse(
                    problem -> context().error("invalid SAN '" + san + "' in " + blockName() + ": " + problem, ""),
                    () -> sans.add(san));
        }
    }

    /** {@code 'server'} (default), {@code 'client'}, or both for mTLS. */
    public void usage(Object... values) {
        Set<Usage> parsed = EnumSet.noneOf(Usage.class);
        for (String u : asStrings("usage", values)) {
            switch (u) {
                case "server" -> parsed.add(Usage.SERVER);
                case "client" -> parsed.add(Usage.CLIENT);
                default -> context().error("unknown usage '" + u + "' in " + blockName() + "; expected 'server' or 'client'",
                        Suggestions.didYouMean(u, List.of("server", "client")));
            }
        }
        if (!parsed.isEmpty()) usages = parsed;
    }

    /** One of ec-p256 (default), ec-p384, rsa-2048, rsa-3072, rsa-4096, ed25519. */
    public void keyType(Object value) {
        asText("keyType", value).ifPresent(s -> KeyType.byId(s).ifPresentOrElse(k -> keyType = k,
                () -> context().error("unknown keyType '" + s + "' in " + blockName() + "; expected one of " + String.join(", ", KeyType.ids()),
                        Suggestions.didYouMean(s, KeyType.ids()))));
    }

    public void validity(Object value) {
        asLifetime("validity", value).ifPresent(v -> validity = v);
    }

    public void renewBefore(Object value) {
        asLifetime("renewBefore", value).ifPresent(v -> renewBefore = v);
    }

    public void cert(Object value) {
        asText("cert", value).ifPresent(v -> cert = v);
    }

    public void key(Object value) {
        asText("key", value).ifPresent(v -> key = v);
    }

    public void chain(Object value) {
        asText("chain", value).ifPresent(v -> chain = v);
    }

    public void fullchain(Object value) {
        asText("fullchain", value).ifPresent(v -> fullchain = v);
    }

    public void owner(Object value) {
        asText("owner", value).ifPresent(v -> owner = v);
    }

    public void group(Object value) {
        asText("group", value).ifPresent(v -> group = v);
    }

    /** The key file's mode (default 0600); certificate files are always 0644. */
    public void mode(Object value) {
        asMode("mode", value).ifPresent(v -> mode = v);
    }

    /** A shell command run on the host after the certificate was (re)issued. */
    public void onRenew(Object value) {
        asText("onRenew", value).ifPresent(v -> onRenew = v);
    }

    /** Same as {@link #onRenew}: runs after any change of this step. */
    public void onChange(Object value) {
        onRenew(value);
    }

    @Override
    protected String blockName() {
        return "certificate block";
    }
}

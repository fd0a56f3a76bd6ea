package dev.pki.resource.ca;

import dev.pki.crypto.DistinguishedNames;
import dev.pki.crypto.KeyType;
import dev.pki.diag.Suggestions;
import dev.pki.dsl.Block;
import dev.pki.dsl.DslContext;
import dev.pki.model.Lifetime;

/** {@code root { ... }} and {@code intermediate { ... }} inside a {@code ca} block. */
public final class TierBlock extends Block {

    private final String which;
    String subject;
    Lifetime validity;
    KeyType keyType = KeyType.DEFAULT;

    TierBlock(DslContext context, String which, Lifetime defaultValidity) {
        super(context);
        this.which = which;
        this.validity = defaultValidity;
    }

    /** The subject distinguished name, e.g. {@code 'CN=Lab Root CA, O=Lab'}. */
    public void subject(Object value) {
        asText("subject", value).ifPresent(s -> {
            if (DistinguishedNames.isValid(s)) subject = s;
            else context().error("invalid subject '" + s + "' in " + blockName() + ": expected a distinguished name such as 'CN=Lab Root CA, O=Lab'", "");
        });
    }

    /** How long the certificate is valid: {@code years(10)}. */
    public void validity(Object value) {
        asLifetime("validity", value).ifPresent(v -> validity = v);
    }

    /** One of ec-p256 (default), ec-p384, rsa-2048, rsa-3072, rsa-4096, ed25519. */
    public void keyType(Object value) {
        asText("keyType", value).ifPresent(s -> KeyType.byId(s).ifPresentOrElse(k -> keyType = k,
                () -> context().error("unknown keyType '" + s + "' in " + blockName() + "; expected one of " + String.join(", ", KeyType.ids()),
                        Suggestions.didYouMean(s, KeyType.ids()))));
    }

    @Override
    protected String blockName() {
        return which + " block";
    }
}

package dev.pki.resource.ca;

import dev.pki.dsl.Block;
import dev.pki.dsl.DslContext;
import dev.pki.model.Lifetime;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;

/** Settings of {@code ca('name') { ... }}. */
public final class CaBlock extends Block {

    private final String name;
    String dir;
    String passphraseFile;
    String passphraseEnv;
    final TierBlock root;
    final TierBlock intermediate;

    CaBlock(DslContext context, String name) {
        super(context);
        this.name = name;
        this.root = new TierBlock(context, "root", Lifetime.years(10));
        this.intermediate = new TierBlock(context, "intermediate", Lifetime.years(5));
    }

    /** The directory on the host that holds the CA's certificates and encrypted keys. */
    public void dir(Object value) {
        asText("dir", value).ifPresent(v -> dir = v);
    }

    /** A file on the CA's host holding the passphrase; generated (mode 0600) when the CA is created. */
    public void passphraseFile(Object value) {
        asText("passphraseFile", value).ifPresent(v -> passphraseFile = v);
    }

    /** An environment variable on the controller holding the passphrase (instead of a file). */
    public void passphraseEnv(Object value) {
        asText("passphraseEnv", value).ifPresent(v -> passphraseEnv = v);
    }

    public void root(@DelegatesTo(value = TierBlock.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        CaKeyword.evaluate(context(), root, body);
    }

    public void intermediate(@DelegatesTo(value = TierBlock.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        CaKeyword.evaluate(context(), intermediate, body);
    }

    @Override
    protected String blockName() {
        return "ca block";
    }

    String name() {
        return name;
    }
}

package dev.pki.resource.ca;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.SourceLocation;
import dev.pki.diag.Suggestions;
import dev.pki.dsl.Declaration;
import dev.pki.dsl.DslContext;
import dev.pki.dsl.Keyword;
import dev.pki.model.Address;
import groovy.lang.Closure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ca('name') { ... }} declares a CA; {@code ca('name')} without a block refers to one declared
 * anywhere in the playbook. After loading, every reference must name a declared CA.
 */
public final class CaKeyword implements Keyword {

    private static final String DECLARED = "ca.declared";
    private static final String REFERENCES = "ca.references";
    private static final String HOSTS = "ca.hosts";

    @Override
    public String name() {
        return "ca";
    }

    @Override
    public Object declare(Declaration d) {
        String name = d.name().orElse("");
        if (!d.hasBody()) {
            CaRef ref = new CaRef(name, d.location());
            references(d.context()).add(ref);
            return ref;
        }
        CaBlock block = d.run(new CaBlock(d.context(), name));
        SourceLocation previous = declared(d.context()).putIfAbsent(name, d.location());
        if (previous != null && previous.equals(d.location())) {
            // The same declaration evaluated for a second host: a CA lives on exactly one host.
            d.context().error(d.location(), "ca '" + name + "' is declared in a hosts block that matches several hosts (" + hostsOf(d.context(), name)
                    + d.host() + "); a CA lives on exactly one host: use a pattern that matches one host");
            return new CaRef(name, d.location());
        }
        if (previous != null) {
            d.context().error(d.location(), "ca '" + name + "' is declared twice (first at " + previous + ")");
            return new CaRef(name, d.location());
        }
        d.context().<Map<String, String>>scratch(HOSTS, LinkedHashMap::new).put(name, d.host());
        if (block.dir == null) d.context().error(d.location(), "ca '" + name + "' needs a dir: ca('" + name + "') { dir '/path' }");
        if (block.passphraseFile == null && block.passphraseEnv == null) {
            d.context().error(d.location(), "ca '" + name + "' needs passphraseFile or passphraseEnv (its keys are stored encrypted)");
        }
        if (block.passphraseFile != null && block.passphraseEnv != null) {
            // With both, the keys would be encrypted with one and the other never written: one source of truth.
            d.context().error(d.location(), "ca '" + name + "' has both passphraseFile and passphraseEnv; choose one");
        }
        if (block.root.subject == null) block.root.subject = "CN=" + name + " Root CA";
        if (block.intermediate.subject == null) block.intermediate.subject = "CN=" + name + " Intermediate CA";
        if (block.dir != null) {
            CaSpec spec = new CaSpec(name, block.dir, block.passphraseFile, block.passphraseEnv,
                    new Tier(block.root.subject, block.root.validity, block.root.keyType, 1),
                    new Tier(block.intermediate.subject, block.intermediate.validity, block.intermediate.keyType, 0));
            d.add(new CaResource(new Address("ca", name), d.location(), spec));
        }
        return new CaRef(name, d.location());
    }

    @Override
    public void finish(DslContext context) {
        Map<String, SourceLocation> declared = declared(context);
        for (CaRef ref : references(context)) {
            if (!ref.name().isEmpty() && !declared.containsKey(ref.name())) {
                context.diagnostics().add(Diagnostic.error(ref.location(), "ca('" + ref.name() + "') is not declared in this playbook")
                        .withSuggestion(Suggestions.didYouMean(ref.name(), declared.keySet())));
            }
        }
    }

    private static String hostsOf(DslContext context, String name) {
        String first = context.<Map<String, String>>scratch(HOSTS, LinkedHashMap::new).get(name);
        return first == null ? "" : first + ", ";
    }

    static void evaluate(DslContext context, TierBlock block, Closure<?> body) {
        context.evaluate(block, body);
    }

    private static Map<String, SourceLocation> declared(DslContext context) {
        return context.scratch(DECLARED, LinkedHashMap::new);
    }

    private static List<CaRef> references(DslContext context) {
        return context.scratch(REFERENCES, ArrayList::new);
    }
}

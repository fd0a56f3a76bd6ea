package dev.pki.resource.trust;

import dev.pki.dsl.Block;
import dev.pki.dsl.Declaration;
import dev.pki.dsl.DslContext;
import dev.pki.dsl.Keyword;
import dev.pki.model.Address;
import dev.pki.resource.ca.CaRef;

import java.util.regex.Pattern;

/**
 * {@code trust ca('phoenix')}, or {@code trust(ca('phoenix')) { name 'phoenix-root'; onChange '...' }}:
 * the CA's root certificate becomes a trust anchor of the host's system store.
 */
public final class TrustKeyword implements Keyword {

    /** Anchor file names: a plain file name, so nothing can escape the anchor directory. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public Object declare(Declaration d) {
        var args = d.args();
        if (args.size() != 1 || !(args.get(0) instanceof CaRef ref)) {
            d.context().error(d.location(), "trust needs one CA: trust ca('name'), or trust(ca('name')) { name 'anchor' }");
            d.run(new Settings(d.context()));
            return null;
        }
        Settings block = d.run(new Settings(d.context()));
        String base = block.name != null ? block.name : ref.name();
        if (base.endsWith(".crt")) base = base.substring(0, base.length() - 4);
        if (!FILE_NAME.matcher(base).matches()) {
            d.context().error(d.location(), "trust: anchor name '" + base + "' is not a plain file name "
                    + "(letters, digits, _ . + -; no '/')");
            return null;
        }
        // Every layout reads *.crt (Debian's update-ca-certificates reads nothing else).
        d.add(new TrustResource(new Address("trust", base), d.location(), ref.name(), ref.getRootCertificate(),
                base + ".crt", block.onChange));
        return null;
    }

    /** Settings of a trust block; all optional. */
    public static final class Settings extends Block {
        String name;
        String onChange;

        Settings(DslContext context) {
            super(context);
        }

        /** The anchor's file name without {@code .crt}; defaults to the CA's name. */
        public void name(Object value) {
            asText("name", value).ifPresent(v -> name = v);
        }

        /** A shell command run on the host after the anchor changed (after the store was updated). */
        public void onChange(Object value) {
            asText("onChange", value).ifPresent(v -> onChange = v);
        }

        @Override
        protected String blockName() {
            return "trust block";
        }
    }
}

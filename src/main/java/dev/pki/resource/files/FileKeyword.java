package dev.pki.resource.files;

import dev.pki.dsl.Declaration;
import dev.pki.dsl.DslContext;
import dev.pki.dsl.Keyword;
import dev.pki.model.Address;
import dev.pki.model.Mode;
import dev.pki.model.Value;
import dev.pki.resource.Ownership;

/** {@code file('/path') { content '...'; mode '0644' }}; content may be another step's output. */
public final class FileKeyword implements Keyword {

    static final Mode DEFAULT_MODE = new Mode("0644");

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Object declare(Declaration d) {
        var path = d.name();
        Block block = d.run(new Block(d.context()));
        if (block.content == null) {
            d.context().error(d.location(), "file " + path.orElse("") + " needs content: file('...') { content '...' }");
            return null;
        }
        Value content = block.sensitive && block.content instanceof Value.Literal l ? new Value.Literal(l.text(), true) : block.content;
        path.ifPresent(p -> d.add(new FileResource(new Address("file", p), d.location(), content,
                new Ownership(block.owner, block.group, block.mode), block.onChange)));
        return null;
    }

    /** Settings of a file block. */
    public static final class Block extends PathBlock {
        Value content;
        boolean sensitive;

        Block(DslContext context) {
            super(context, DEFAULT_MODE);
        }

        /** The file's content: text, or a value such as {@code ca('lab').rootCertificate}. */
        public void content(Object value) {
            if (value instanceof Value v) content = v;
            else if (value instanceof CharSequence s) content = Value.literal(s.toString());
            else wrongType("content", "text or a value such as ca('lab').rootCertificate", value);
        }

        /** Marks literal content as secret: never shown in plans, diffs or logs. */
        public void sensitive(Object value) {
            asBoolean("sensitive", value).ifPresent(v -> sensitive = v);
        }

        @Override
        protected String blockName() {
            return "file block";
        }
    }
}

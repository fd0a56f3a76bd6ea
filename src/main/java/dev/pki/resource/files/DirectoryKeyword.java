package dev.pki.resource.files;

import dev.pki.dsl.Declaration;
import dev.pki.dsl.DslContext;
import dev.pki.dsl.Keyword;
import dev.pki.model.Address;
import dev.pki.model.Mode;
import dev.pki.resource.Ownership;

/** {@code directory '/path'} or {@code directory('/path') { mode '0700' }}. */
public final class DirectoryKeyword implements Keyword {

    static final Mode DEFAULT_MODE = new Mode("0755");

    @Override
    public String name() {
        return "directory";
    }

    @Override
    public Object declare(Declaration d) {
        var path = d.name();
        Block block = d.run(new Block(d.context()));
        path.ifPresent(p -> d.add(new DirectoryResource(new Address("directory", p), d.location(),
                new Ownership(block.owner, block.group, block.mode), block.onChange)));
        return null;
    }

    /** Settings of a directory block. */
    public static final class Block extends PathBlock {
        Block(DslContext context) {
            super(context, DEFAULT_MODE);
        }

        @Override
        protected String blockName() {
            return "directory block";
        }
    }
}

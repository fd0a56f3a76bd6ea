package dev.pki.resource.files;

import dev.pki.dsl.Block;
import dev.pki.dsl.DslContext;
import dev.pki.model.Mode;

/** Settings shared by {@code directory} and {@code file}: owner, group, mode and a change handler. */
public abstract class PathBlock extends Block {

    String owner = "";
    String group = "";
    Mode mode;
    String onChange;

    PathBlock(DslContext context, Mode defaultMode) {
        super(context);
        this.mode = defaultMode;
    }

    /** The owning user (name or numeric id); unset means not managed. */
    public void owner(Object value) {
        asText("owner", value).ifPresent(v -> owner = v);
    }

    /** The owning group (name or numeric id); unset means not managed. */
    public void group(Object value) {
        asText("group", value).ifPresent(v -> group = v);
    }

    /** Permissions as octal text, e.g. {@code '0640'}. */
    public void mode(Object value) {
        asMode("mode", value).ifPresent(v -> mode = v);
    }

    /** A shell command run on the host after this step changed something. */
    public void onChange(Object value) {
        asText("onChange", value).ifPresent(v -> onChange = v);
    }
}

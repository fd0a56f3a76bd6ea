package dev.pki.plan;

/**
 * One attribute of a change, as text for display: {@code before} is null when the attribute does
 * not exist yet, {@code after} is null when it goes away. Sensitive attributes are rendered
 * {@code (sensitive)} whatever their text.
 */
public record AttributeChange(String name, String before, String after, boolean sensitive) {

    public static final String KNOWN_AFTER_APPLY = "(known after apply)";

    public static AttributeChange of(String name, String before, String after) {
        return new AttributeChange(name, before, after, false);
    }

    public static AttributeChange set(String name, String after) {
        return new AttributeChange(name, null, after, false);
    }

    /** The before value as shown to users: {@code (sensitive)} for a sensitive attribute. */
    public String shownBefore() {
        return sensitive && before != null ? dev.pki.model.Sensitive.MARKER : before;
    }

    /**
     * The after value as shown to users. A sensitive attribute shows only the marker, unless the
     * planner already wrote the marker followed by a public remark ("(sensitive) encrypted, mode 0600").
     */
    public String shownAfter() {
        if (!sensitive || after == null || after.startsWith(dev.pki.model.Sensitive.MARKER)) return after;
        return dev.pki.model.Sensitive.MARKER;
    }

    public boolean changed() {
        return before == null ? after != null : !before.equals(after);
    }
}

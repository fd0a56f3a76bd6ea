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

    public boolean changed() {
        return before == null ? after != null : !before.equals(after);
    }
}

package dev.pki.model;

/**
 * A value in the desired state: either written in the playbook ({@link Literal}) or produced by
 * another step ({@link Reference}), such as {@code ca('lab').rootCertificate}, which is known
 * only once that step has been planned — or, for a CA not created yet, only after apply.
 */
public sealed interface Value permits Value.Literal, Value.Reference {

    /** Sensitive values are shown as {@code (sensitive)} everywhere. */
    boolean sensitive();

    record Literal(String text, boolean sensitive) implements Value {
        @Override
        public String toString() {
            return sensitive ? "(sensitive)" : text;
        }
    }

    /** An output of another step: {@code key} names the output, {@code description} is how the user wrote it. */
    record Reference(String key, String description, boolean sensitive) implements Value {
        @Override
        public String toString() {
            return description;
        }
    }

    static Value literal(String text) {
        return new Literal(text, false);
    }
}

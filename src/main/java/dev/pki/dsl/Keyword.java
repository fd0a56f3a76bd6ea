package dev.pki.dsl;

/**
 * A DSL keyword contributed by a resource type, e.g. {@code certificate('name') { ... }}. Listed in
 * {@code META-INF/services/dev.pki.dsl.Keyword}.
 */
public interface Keyword {

    /** The name written in playbooks. */
    String name();

    /** Handles one use of the keyword inside a {@code hosts} block; returns what the expression evaluates to. */
    Object declare(Declaration declaration);

    /** Called once after the whole playbook ran: check references between steps. */
    default void finish(DslContext context) {
    }
}

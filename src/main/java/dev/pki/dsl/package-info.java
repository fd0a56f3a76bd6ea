/**
 * The Groovy DSL: {@link dev.pki.dsl.PlaybookLoader} compiles a playbook with
 * {@link dev.pki.dsl.PlaybookScript} as its base class and runs it to build a
 * {@link dev.pki.resource.Playbook}. Resource types contribute their keywords ({@code file},
 * {@code ca}, ...) through {@link dev.pki.dsl.Keyword}; their blocks extend {@link dev.pki.dsl.Block},
 * which turns a mistyped name into an error with the playbook's line and one suggestion.
 */
package dev.pki.dsl;

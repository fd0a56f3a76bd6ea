/**
 * The contract every resource type follows: a {@link dev.pki.resource.Resource} names the facts it
 * needs, plans a change from them (pure) and applies it. Each type lives in its own sub-package
 * with its DSL block and is found through {@link java.util.ServiceLoader}, so adding a type needs
 * no engine edits.
 */
package dev.pki.resource;

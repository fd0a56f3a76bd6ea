/**
 * Immutable value types of the desired state shared by every resource type: addresses, modes,
 * lifetimes, values that may be known only after apply, and the playbook's plays. No Groovy, no I/O;
 * depends on nothing but {@link dev.pki.diag}.
 */
package dev.pki.model;

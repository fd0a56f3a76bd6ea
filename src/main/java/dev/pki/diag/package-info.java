/**
 * Diagnostics: problems found in a playbook, an inventory or a plan, each with a source location,
 * collected and rendered once (Terraform's model). Nothing here does I/O.
 */
package dev.pki.diag;

/**
 * The {@code certificate} resource type: a leaf key and certificate (plus optional chain and
 * fullchain files) issued in-process by a CA of the playbook, and re-issued when — in this order —
 * files are missing or unreadable, the key does not match, the issuer changed, the key type
 * changed, the names or usages changed, or the renewal time is reached.
 */
package dev.pki.resource.certificate;

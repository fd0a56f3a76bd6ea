/**
 * Saved plans ({@code pki plan --out plan.pkiplan}): what was planned, against which playbook,
 * inventory and variables, and a salted fingerprint of every fact each host was planned against,
 * so that {@code pki apply plan.pkiplan} applies exactly what was reviewed or refuses a stale plan.
 */
package dev.pki.planfile;

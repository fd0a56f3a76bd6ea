/**
 * Applying: plays in order, hosts in parallel, steps in order within a host. Each step is planned
 * again against fresh facts, applied, and verified by reading the host once more; handlers run
 * after their step changed something and are remembered until they succeed
 * ({@link dev.pki.apply.HandlerStore}).
 */
package dev.pki.apply;

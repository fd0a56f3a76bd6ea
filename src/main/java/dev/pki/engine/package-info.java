/**
 * The engine ties the pieces together: it expands plays to hosts, opens one connection per host,
 * gathers every host's facts in one round trip (hosts in parallel) and hands them to the
 * {@link dev.pki.plan.Planner}. The {@link dev.pki.apply.Applier} uses the same connections.
 */
package dev.pki.engine;

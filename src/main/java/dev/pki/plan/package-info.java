/**
 * Plans: what would change and why. A {@link dev.pki.plan.Change} carries an action, a reason and
 * attribute diffs; the {@link dev.pki.plan.Planner} computes a whole {@link dev.pki.plan.Plan} from
 * facts already gathered, without touching any target (this package never imports transport).
 */
package dev.pki.plan;

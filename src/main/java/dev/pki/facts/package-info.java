/**
 * Facts: what steps read from a target before planning. Each step names the facts it needs
 * ({@link dev.pki.facts.Fact}); the {@link dev.pki.facts.FactGatherer} merges every step's needs
 * on a host into one shell script, so reading a host costs one round trip, and parses the answer
 * into a {@link dev.pki.facts.FactSet}. pyinfra's model: a fact is a command plus a parser.
 */
package dev.pki.facts;

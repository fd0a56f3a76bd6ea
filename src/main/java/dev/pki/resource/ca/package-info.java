/**
 * The {@code ca} resource type: a root and an intermediate CA whose keys are stored encrypted on
 * the CA's host. The CA publishes its certificates and, once its key is decrypted in memory on the
 * controller, a {@link dev.pki.resource.ca.CaHandle} that other steps sign with.
 */
package dev.pki.resource.ca;

/**
 * How pki reaches a target: a {@link dev.pki.transport.Transport} runs an argument list with
 * optional standard input and returns its result. Everything else (atomic writes, directories,
 * handlers) is built on that one primitive in {@link dev.pki.transport.Remote}, so local, SSH and
 * container transports behave identically. {@link dev.pki.transport.Shell} is the only place
 * where arguments are quoted for a shell.
 *
 * <p>{@link dev.pki.transport.SshTransport} is the only class family that uses JSch
 * ({@code com.jcraft}): settings from inventory variables in {@link dev.pki.transport.SshSettings},
 * run-wide options such as the {@link dev.pki.transport.HostKeyPolicy} in
 * {@link dev.pki.transport.SshOptions}, host keys in {@code KnownHostsCheck}, keys and ssh-agent
 * in {@code SshIdentities}. docs/ssh.md describes them for users.
 */
package dev.pki.transport;

/**
 * How pki reaches a target: a {@link dev.pki.transport.Transport} runs an argument list with
 * optional standard input and returns its result. Everything else (atomic writes, directories,
 * handlers) is built on that one primitive in {@link dev.pki.transport.Remote}, so local, SSH and
 * container transports behave identically. {@link dev.pki.transport.Shell} is the only place
 * where arguments are quoted for a shell.
 */
package dev.pki.transport;

/** The command line (picocli): one class per command; exit codes in {@link dev.pki.cli.ExitCodes}. */
package dev.pki.cli;

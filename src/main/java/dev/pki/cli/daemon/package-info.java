/**
 * pki's daemon, opt-in with {@code PKI_DAEMON=1}: a JVM kept warm between runs so that a repeated
 * {@code pki plan} or {@code apply} skips start-up (JVM, Groovy, class loading, a cold JIT: ~0.6 s
 * of a converged plan's 0.8 s). {@link dev.pki.cli.daemon.DaemonClient} is what {@code bin/pki}
 * starts; it hands the run to a {@link dev.pki.cli.daemon.DaemonServer} over a Unix socket in a
 * private directory ({@link dev.pki.cli.daemon.Endpoint}) and relays its output, questions and exit
 * code ({@link dev.pki.cli.daemon.Frames}); without one it runs in-process, as without the
 * daemon, and starts one for the next run.
 *
 * <p>A daemon serves only runs that would behave the same in it as in a fresh process: the same
 * user, pki jar, Java and JVM options, working directory and environment, since a running JVM
 * cannot change them. It serves one run at a time, forgets the CA keys it opened after each run,
 * retires after a playbook changed a Groovy metaclass (state that would outlive the run), and exits
 * when idle.
 */
package dev.pki.cli.daemon;

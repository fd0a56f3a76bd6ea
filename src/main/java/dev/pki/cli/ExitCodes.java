package dev.pki.cli;

/**
 * Every exit code pki uses, in one place (documented in docs/cli.md).
 * <ul>
 *   <li>0 — success; for {@code plan --detailed-exitcode}: no changes</li>
 *   <li>1 — error: bad input, a plan that cannot be made, a failed or unreachable host, refused confirmation</li>
 *   <li>2 — {@code plan --detailed-exitcode} only: the plan has changes, or handlers left pending by an earlier run</li>
 * </ul>
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int CHANGES = 2;

    private ExitCodes() {
    }
}

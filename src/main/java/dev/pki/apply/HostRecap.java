package dev.pki.apply;

/** Counts for one host at the end of an apply, as in Ansible's recap. */
public final class HostRecap {

    private int ok;
    private int changed;
    private int failed;
    private int skipped;
    private boolean unreachable;
    private String message = "";

    synchronized void count(StepOutcome outcome) {
        switch (outcome) {
            case OK -> ok++;
            case CHANGED -> changed++;
            case FAILED -> failed++;
            default -> { }
        }
    }

    synchronized void skip(int steps) {
        skipped += steps;
    }

    synchronized void unreachable(String why) {
        unreachable = true;
        message = why;
    }

    synchronized void failure(String why) {
        if (message.isEmpty()) message = why;
    }

    public synchronized int ok() {
        return ok;
    }

    public synchronized int changed() {
        return changed;
    }

    public synchronized int failed() {
        return failed;
    }

    /** Steps not run because the host failed earlier or the run was stopped. */
    public synchronized int skipped() {
        return skipped;
    }

    public synchronized boolean isUnreachable() {
        return unreachable;
    }

    public synchronized boolean hasFailed() {
        return failed > 0 || unreachable;
    }

    public synchronized String message() {
        return message;
    }
}

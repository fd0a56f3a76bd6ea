package dev.pki.transport;

import java.nio.charset.StandardCharsets;

/** What a command returned. */
public record ExecResult(int exitCode, byte[] stdout, byte[] stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    public String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String err() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** The last non-empty line of standard error: the line worth showing a user. */
    public String errorLine() {
        String[] lines = err().strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "exit code " + exitCode : last;
    }
}

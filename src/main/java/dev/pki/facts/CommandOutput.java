package dev.pki.facts;

import java.nio.charset.StandardCharsets;

/** What a read-only command printed, as a fact. */
public record CommandOutput(int exitCode, byte[] stdout, byte[] stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    public String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String err() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}

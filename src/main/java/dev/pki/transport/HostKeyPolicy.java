package dev.pki.transport;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What SSH does with a host key that is not in known_hosts ({@code --ssh-host-keys}). A key that
 * differs from the recorded one is refused under every policy: that is the attack host keys exist
 * to catch, so no option turns it off.
 */
public enum HostKeyPolicy {

    /** Unknown keys are refused (the default, OpenSSH's {@code StrictHostKeyChecking yes}). */
    STRICT("strict"),

    /** Unknown keys are recorded in the known_hosts file and trusted from then on (OpenSSH's {@code accept-new}). */
    ACCEPT_NEW("accept-new");

    private final String option;

    HostKeyPolicy(String option) {
        this.option = option;
    }

    /** The name on the command line. */
    public String option() {
        return option;
    }

    /** Parses the command-line name; the message lists the valid names. */
    public static HostKeyPolicy parse(String text) {
        for (HostKeyPolicy p : values()) {
            if (p.option.equals(text)) return p;
        }
        throw new IllegalArgumentException("--ssh-host-keys expects " + Arrays.stream(values()).map(HostKeyPolicy::option)
                .collect(Collectors.joining(" or ")) + ", got '" + text + "'");
    }
}

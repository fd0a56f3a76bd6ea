package dev.pki.plan;

import dev.pki.resource.Play;

import java.util.List;

/** A play with the hosts its pattern selected, in inventory order. */
public record Target(Play play, List<String> hosts) {

    public Target {
        hosts = List.copyOf(hosts);
    }
}

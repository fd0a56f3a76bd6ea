package dev.pki.resource.container;

import java.util.Locale;
import java.util.Optional;

/** How the host manages containers: plain LXC ({@code lxc-*} tools and config files) or Proxmox VE ({@code pct}). */
enum Platform {
    LXC, PCT;

    /** The name written in playbooks. */
    String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Platform> parse(String text) {
        for (Platform p : values()) if (p.keyword().equals(text)) return Optional.of(p);
        return Optional.empty();
    }
}

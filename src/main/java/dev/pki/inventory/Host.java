package dev.pki.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An inventory host with its merged variables (see docs/inventory.md for the precedence). Connection
 * settings are variables too; both pki's names and Ansible's ({@code ansible_connection},
 * {@code ansible_host}, ...) are understood. The variables keep the order they were merged in, and a
 * variable may be null ({@code key: ~}).
 */
public record Host(String name, Map<String, Object> vars) {

    public Host {
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    public String connection() {
        return text("connection", "ansible_connection").orElse("local".equals(name) || "localhost".equals(name) ? "local" : "ssh");
    }

    public Optional<String> text(String ours, String ansible) {
        Object v = vars.get(ours);
        if (v == null && ansible != null) v = vars.get(ansible);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }
}

package dev.pki.inventory;

import java.util.Map;

/**
 * An inventory host with its merged variables. Connection settings are variables too; both pki's
 * names and Ansible's ({@code ansible_connection}, {@code ansible_host}, ...) are understood.
 */
public record Host(String name, Map<String, Object> vars) {

    public Host {
        vars = Map.copyOf(vars);
    }

    public String connection() {
        return text("connection", "ansible_connection").orElse("local".equals(name) || "localhost".equals(name) ? "local" : "ssh");
    }

    public java.util.Optional<String> text(String ours, String ansible) {
        Object v = vars.get(ours);
        if (v == null && ansible != null) v = vars.get(ansible);
        return v == null ? java.util.Optional.empty() : java.util.Optional.of(v.toString());
    }
}

package dev.pki.dsl;

import java.util.Collections;
import java.util.Map;

/**
 * What {@code host} is inside a {@code hosts(...)} block: the host the block is being evaluated
 * for. A block runs once per matched host, so {@code "/srv/${host.name}"} or
 * {@code host.vars.state_dir} give each host its own values. Missing variables read as null.
 */
public final class HostInfo {

    private final String name;
    private final Map<String, Object> vars;

    HostInfo(String name, Map<String, Object> vars) {
        this.name = name;
        this.vars = Collections.unmodifiableMap(vars);
    }

    /** The inventory host's name. */
    public String getName() {
        return name;
    }

    /** The host's variables after precedence (docs/inventory.md). */
    public Map<String, Object> getVars() {
        return vars;
    }

    @Override
    public String toString() {
        return name;
    }
}

package dev.pki.planfile;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The content of a plan file. {@code plan} is the plan's JSON document (already masked);
 * {@code fingerprints} maps host → fact → salted digest. Never holds a key or a passphrase.
 */
public record SavedPlan(String pkiVersion, String createdAt, InputFile playbook, List<InputFile> inventories,
                        Map<String, String> vars, String limit, String salt,
                        Map<String, Map<String, String>> fingerprints, Map<String, Object> plan) {

    /** A file the plan was made from, with the SHA-256 of its content at the time. */
    public record InputFile(String path, String sha256) {
    }

    /** {@code host \t address} of every step the plan changes: apply touches nothing else. */
    @SuppressWarnings("unchecked")
    public Set<String> changedSteps() {
        Set<String> out = new TreeSet<>();
        for (Object o : (List<Object>) plan.get("changes")) {
            Map<String, Object> c = (Map<String, Object>) o;
            if (!"no-op".equals(c.get("action"))) out.add(c.get("host") + "\t" + c.get("address"));
        }
        return out;
    }
}

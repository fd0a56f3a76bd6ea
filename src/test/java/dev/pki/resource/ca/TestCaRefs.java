package dev.pki.resource.ca;

import dev.pki.diag.SourceLocation;

/** Test-only access to {@link CaRef}'s package-private constructor, as {@code ca('name')} in a playbook would make it. */
public final class TestCaRefs {

    private TestCaRefs() {
    }

    public static CaRef of(String name) {
        return new CaRef(name, SourceLocation.UNKNOWN);
    }
}

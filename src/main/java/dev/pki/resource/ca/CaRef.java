package dev.pki.resource.ca;

import dev.pki.diag.SourceLocation;
import dev.pki.model.Value;

/**
 * What {@code ca('name')} evaluates to in a playbook: a reference to a CA declared somewhere in
 * the playbook, whose certificates are values known at plan time if the CA exists, else after apply.
 */
public final class CaRef {

    private final String name;
    private final SourceLocation location;

    CaRef(String name, SourceLocation location) {
        this.name = name;
        this.location = location;
    }

    public String name() {
        return name;
    }

    SourceLocation location() {
        return location;
    }

    /** The root certificate (PEM), e.g. as a file's content or for {@code trust}. */
    public Value getRootCertificate() {
        return new Value.Reference(CaSpec.rootKey(name), "ca('" + name + "').rootCertificate", false);
    }

    /** The intermediate certificate (PEM). */
    public Value getIntermediateCertificate() {
        return new Value.Reference(CaSpec.intermediateKey(name), "ca('" + name + "').intermediateCertificate", false);
    }

    /** The output key of the CA's handle, for steps that sign with it. */
    public String handleKey() {
        return CaSpec.handleKey(name);
    }

    @Override
    public String toString() {
        return "ca('" + name + "')";
    }
}

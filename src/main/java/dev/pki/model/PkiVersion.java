package dev.pki.model;

/** pki's version: shown by --version, written into plan files, part of the compiled-playbook cache key. */
public final class PkiVersion {

    /** Keep in step with pom.xml's version. */
    public static final String CURRENT = "0.1.0";

    private PkiVersion() {
    }
}

package dev.pki.crypto;

/** What a leaf certificate may be used for, expressed as its extended key usage. */
public enum Usage {
    /** TLS server authentication (EKU {@code serverAuth}). */
    SERVER,
    /** TLS client authentication (EKU {@code clientAuth}). */
    CLIENT
}

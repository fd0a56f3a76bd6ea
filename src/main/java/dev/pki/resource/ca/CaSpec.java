package dev.pki.resource.ca;

/**
 * A CA as declared: where its files live, where its passphrase comes from (a file on the CA's
 * host, generated on first init, or an environment variable on the controller) and its two tiers.
 */
public record CaSpec(String name, String dir, String passphraseFile, String passphraseEnv, Tier root, Tier intermediate) {

    public String rootCert() {
        return dir + "/root_ca.crt";
    }

    public String rootKey() {
        return dir + "/root_ca.key";
    }

    public String intermediateCert() {
        return dir + "/intermediate_ca.crt";
    }

    public String intermediateKey() {
        return dir + "/intermediate_ca.key";
    }

    /** Output keys other steps resolve. */
    static String handleKey(String name) {
        return "ca:" + name;
    }

    static String rootKey(String name) {
        return "ca:" + name + "/rootCertificate";
    }

    static String intermediateKey(String name) {
        return "ca:" + name + "/intermediateCertificate";
    }
}

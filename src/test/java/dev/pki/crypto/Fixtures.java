package dev.pki.crypto;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared test data; key pairs are cached per type because RSA-4096 generation is slow. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    static final String ROOT_DN = "CN=Lab Root CA, O=Lab";
    static final String INTERMEDIATE_DN = "CN=Lab Intermediate CA, O=Lab";
    static final List<String> SANS = List.of("nginx.internal", "www.internal", "10.0.0.12", "2001:db8::1");

    private static final Map<KeyType, KeyPair[]> KEYS = new EnumMap<>(KeyType.class);
    private static final Map<KeyType, KeyPair[]> FOREIGN = new EnumMap<>(KeyType.class);

    private Fixtures() {}

    /** Three distinct key pairs of the type: root, intermediate, leaf. */
    static synchronized KeyPair[] keys(KeyType type) {
        return KEYS.computeIfAbsent(type, t -> new KeyPair[] {Keys.generate(t), Keys.generate(t), Keys.generate(t)});
    }

    /**
     * Two key pairs made the way another tool would, not by {@link Keys#generate}: this process has
     * not remembered their public keys (see {@link GeneratedKeys}), so checks on them derive.
     */
    static synchronized KeyPair[] foreignKeys(KeyType type) {
        return FOREIGN.computeIfAbsent(type, t -> {
            try {
                var generator = java.security.KeyPairGenerator.getInstance(
                        t.family() == KeyType.Family.EC ? "EC" : t.family() == KeyType.Family.RSA ? "RSA" : "Ed25519", BouncyCastle.provider());
                if (t.family() == KeyType.Family.EC) generator.initialize(new java.security.spec.ECGenParameterSpec(t.curveName()));
                if (t.family() == KeyType.Family.RSA) generator.initialize(t.bits());
                return new KeyPair[] {generator.generateKeyPair(), generator.generateKeyPair()};
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A root, intermediate and leaf, all with keys of the given type. */
    record Chain(KeyPair rootKeys, X509Certificate root, KeyPair intermediateKeys, X509Certificate intermediate,
                 KeyPair leafKeys, X509Certificate leaf) {

        /** The intermediate as a signer of leaves. */
        IssuingCa issuing() {
            return IssuingCa.of(intermediate, intermediateKeys.getPrivate());
        }
    }

    static Chain chain(KeyType type) {
        KeyPair[] keys = keys(type);
        X509Certificate root = Signer.selfSignedRoot(ROOT_DN, keys[0], NOW, NOW.plus(Duration.ofDays(3650)), 1);
        X509Certificate intermediate = Signer.intermediate(INTERMEDIATE_DN, keys[1].getPublic(), root,
                keys[0].getPrivate(), NOW, NOW.plus(Duration.ofDays(1825)), 0);
        LeafRequest request = new LeafRequest("nginx.internal", SANS, Set.of(Usage.SERVER), keys[2].getPublic(),
                NOW, NOW.plus(Duration.ofDays(90)));
        X509Certificate leaf = Signer.leaf(request, IssuingCa.of(intermediate, keys[1].getPrivate()));
        return new Chain(keys[0], root, keys[1], intermediate, keys[2], leaf);
    }
}

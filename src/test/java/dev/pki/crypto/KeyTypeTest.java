package dev.pki.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyTypeTest {

    @Test
    void ids_areTheUserFacingContractInDeclarationOrder() {
        assertEquals(List.of("ec-p256", "ec-p384", "rsa-2048", "rsa-3072", "rsa-4096", "ed25519"), KeyType.ids());
    }

    @Test
    void default_isEcP256() {
        assertEquals(KeyType.EC_P256, KeyType.DEFAULT);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void byId_knownId_returnsType(KeyType type) {
        assertEquals(Optional.of(type), KeyType.byId(type.id()));
    }

    @Test
    void byId_unknownOrWrongCase_isEmpty() {
        assertTrue(KeyType.byId("ec-p521").isEmpty());
        assertTrue(KeyType.byId("EC-P256").isEmpty());
        assertTrue(KeyType.byId(null).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void of_generatedKey_roundTrips(KeyType type) {
        assertEquals(type, KeyType.of(Fixtures.keys(type)[0].getPublic()));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void of_jdkProviderKey_detectsType(KeyType type) throws Exception {
        KeyPairGenerator generator;
        switch (type) {
            case EC_P256, EC_P384 -> {
                generator = KeyPairGenerator.getInstance("EC", "SunEC");
                generator.initialize(new ECGenParameterSpec(type == KeyType.EC_P256 ? "secp256r1" : "secp384r1"));
            }
            case ED25519 -> generator = KeyPairGenerator.getInstance("Ed25519", "SunEC");
            default -> {
                generator = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
                generator.initialize(type.bits());
            }
        }
        assertEquals(type, KeyType.of(generator.generateKeyPair().getPublic()));
    }

    @Test
    void of_rsa1024_throwsUnsupported() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
        generator.initialize(1024);
        CryptoException e = assertThrows(CryptoException.class, () -> KeyType.of(generator.generateKeyPair().getPublic()));
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void of_secp256k1_throwsUnsupported() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.provider());
        generator.initialize(new ECGenParameterSpec("secp256k1"));
        assertThrows(CryptoException.class, () -> KeyType.of(generator.generateKeyPair().getPublic()));
    }
}

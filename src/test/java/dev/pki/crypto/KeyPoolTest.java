package dev.pki.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class KeyPoolTest {

    @Test
    void expectedKey_isTakenOnce_thenGeneratedAfresh() {
        try (KeyPool pool = KeyPool.ahead()) {
            pool.expect("ct101 certificate.a", KeyType.EC_P256);
            pool.expect("ct101 certificate.a", KeyType.EC_P256);   // asking twice starts one key
            assertTrue(pool.expects("ct101 certificate.a"));
            KeyPair first = pool.take("ct101 certificate.a", KeyType.EC_P256);
            assertFalse(pool.expects("ct101 certificate.a"), "taken keys leave the pool");
            KeyPair second = pool.take("ct101 certificate.a", KeyType.EC_P256);
            assertPair(first, KeyType.EC_P256);
            assertPair(second, KeyType.EC_P256);
            assertNotEquals(first.getPublic(), second.getPublic());
        }
    }

    @Test
    void eachIdGetsItsOwnKey() {
        try (KeyPool pool = KeyPool.ahead()) {
            for (int i = 0; i < 20; i++) pool.expect("h certificate." + i, KeyType.EC_P256);
            java.util.Set<java.security.PublicKey> seen = new java.util.HashSet<>();
            for (int i = 19; i >= 0; i--) {   // taken in the opposite order: some started, some not
                KeyPair pair = pool.take("h certificate." + i, KeyType.EC_P256);
                assertPair(pair, KeyType.EC_P256);
                assertTrue(seen.add(pair.getPublic()), "key " + i + " is no other id's key");
            }
        }
    }

    @Test
    void takingAnotherType_generatesThatType() {
        try (KeyPool pool = KeyPool.ahead()) {
            pool.expect("h certificate.a", KeyType.EC_P256);
            assertPair(pool.take("h certificate.a", KeyType.ED25519), KeyType.ED25519);
        }
    }

    @Test
    void noPool_andClosedPool_generateWhenAsked() {
        KeyPool none = KeyPool.none();
        none.expect("h certificate.a", KeyType.EC_P384);
        assertFalse(none.expects("h certificate.a"));
        assertPair(none.take("h certificate.a", KeyType.EC_P384), KeyType.EC_P384);

        KeyPool closed = KeyPool.ahead();
        closed.expect("h certificate.a", KeyType.EC_P256);
        closed.close();
        assertFalse(closed.expects("h certificate.a"), "closing drops what nobody took");
        assertPair(closed.take("h certificate.a", KeyType.EC_P256), KeyType.EC_P256);
    }

    private static void assertPair(KeyPair pair, KeyType type) {
        assertEquals(type, KeyType.of(pair.getPublic()));
        assertTrue(Keys.matches(pair.getPrivate(), pair.getPublic()));
    }
}

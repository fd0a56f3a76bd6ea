package dev.pki.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The user-namespace arithmetic of the in-process container reader (the rest needs a real container). */
class GuestPathsTest {

    @Test
    void mapId_privilegedContainer_isIdentity() {
        assertEquals(0, GuestPaths.mapId("         0          0 4294967295\n", 0));
        assertEquals(65534, GuestPaths.mapId("         0          0 4294967295\n", 65534));
    }

    @Test
    void mapId_unprivilegedContainer_shiftsAndRefusesUnmapped() {
        String map = "0 100000 65536\n";
        assertEquals(0, GuestPaths.mapId(map, 100000));
        assertEquals(33, GuestPaths.mapId(map, 100033));
        assertEquals(65535, GuestPaths.mapId(map, 165535));
        assertEquals(-1, GuestPaths.mapId(map, 165536));
        assertEquals(-1, GuestPaths.mapId(map, 0), "the host's root is nobody in the container");
    }

    @Test
    void mapId_severalRanges() {
        String map = "0 100000 1000\n1000 1000 1\n1001 101001 64535\n";
        assertEquals(1000, GuestPaths.mapId(map, 1000));
        assertEquals(1001, GuestPaths.mapId(map, 101001));
        assertEquals(999, GuestPaths.mapId(map, 100999));
        assertEquals(-1, GuestPaths.mapId(map, 101000));
    }
}

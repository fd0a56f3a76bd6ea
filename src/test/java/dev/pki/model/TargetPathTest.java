package dev.pki.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TargetPathTest {

    @Test
    void parent_isTheDirectory_orNullWhenThereIsNoneToManage() {
        assertEquals("/srv/pki", TargetPath.parent("/srv/pki/ca.crt"));
        assertEquals("ca", TargetPath.parent("ca/ca.crt"));
        assertNull(TargetPath.parent("/ca.crt"), "the root always exists");
        assertNull(TargetPath.parent("ca.crt"), "the working directory always exists");
    }

    @Test
    void fileName_isTheLastSegment() {
        assertEquals("ca.crt", TargetPath.fileName("/srv/pki/ca.crt"));
        assertEquals("ca.crt", TargetPath.fileName("ca.crt"));
    }
}

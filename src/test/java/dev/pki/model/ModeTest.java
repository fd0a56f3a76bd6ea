package dev.pki.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModeTest {

    @ParameterizedTest
    @CsvSource({
            "0640, 0640",
            "640,  0640",
            "0755, 0755",
            "0000, 0000",
            "000,  0000",
            "4755, 4755",
            "7777, 7777",
            "' 0600 ', 0600",
    })
    void parse_validText_isFourDigits(String text, String expected) {
        assertEquals(Optional.of(new Mode(expected)), Mode.parse(text));
        assertEquals(expected, Mode.parse(text).orElseThrow().octal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0999", "999", "0800", "64", "06400", "rw-r-----", "", "0x1ff", "-640", "8"})
    void parse_invalidText_isEmpty(String text) {
        assertEquals(Optional.empty(), Mode.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
            "416,  0640",   // what Groovy makes of the octal literal 0640
            "0,    0000",
            "493,  0755",
            "4095, 7777",
    })
    void parse_integer_isReadAsOctalValue(int value, String expected) {
        assertEquals(Optional.of(new Mode(expected)), Mode.parse(value));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4096, 0777777})
    void parse_integerOutOfRange_isEmpty(int value) {
        assertEquals(Optional.empty(), Mode.parse(value));
    }

    @Test
    void parse_otherTypes_isEmpty() {
        assertEquals(Optional.empty(), Mode.parse(null));
        assertEquals(Optional.empty(), Mode.parse(416L));
        assertEquals(Optional.empty(), Mode.parse(6.4));
    }

    @Test
    void parse_stringBuilder_isAcceptedAsText() {
        assertEquals(Optional.of(new Mode("0640")), Mode.parse(new StringBuilder("640")));
    }

    @Test
    void constructor_threeDigits_isPaddedSoEqualModesAreEqual() {
        assertEquals(new Mode("0640"), new Mode("640"));
        assertEquals("0640", new Mode("640").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0999", "12345", "", "abc", "0 640"})
    void constructor_invalid_throwsNamingTheValue(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Mode(text));
        assertEquals("invalid mode " + text, e.getMessage());
    }
}

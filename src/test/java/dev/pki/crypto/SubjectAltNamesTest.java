package dev.pki.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one definition of a valid SAN, used by the playbook's checks and by issuing. */
class SubjectAltNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"nginx.internal", "svc_a.internal", "_acme-challenge.lab", "*.lab.internal", "*.internal", "localhost",
            "10.0.0.12", "2001:db8::1", "::ffff:10.0.0.1"})
    void problem_validName_isEmpty(String san) {
        assertEquals(Optional.empty(), SubjectAltNames.problem(san));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bad_name!        | label 'bad_name!' is not a valid DNS label (up to 63 letters, digits, '-' and '_'; no '-' at either end)",
            "-web.internal    | label '-web' is not a valid DNS label (up to 63 letters, digits, '-' and '_'; no '-' at either end)",
            "a..b             | has an empty label",
            "10.0.0.256       | not a valid IPv4 address",
            "1.2.3            | not a valid IPv4 address",
            "2001:db8::g      | not a valid IPv6 address",
            "www.*.internal   | label '*' is not a valid DNS label (up to 63 letters, digits, '-' and '_'; no '-' at either end)",
    })
    void problem_invalidName_saysWhy(String san, String why) {
        assertEquals(Optional.of(why), SubjectAltNames.problem(san));
    }

    @Test
    void canonical_invalidName_throwsWithTheSameReason() {
        CryptoException e = assertThrows(CryptoException.class, () -> SubjectAltNames.canonical("10.0.0.256"));
        assertEquals("invalid subject alternative name '10.0.0.256': not a valid IPv4 address", e.getMessage());
    }

    @Test
    void canonical_underscoreName_isLowerCased() {
        assertEquals("svc_a.internal", SubjectAltNames.canonical("SVC_A.internal"));
    }
}

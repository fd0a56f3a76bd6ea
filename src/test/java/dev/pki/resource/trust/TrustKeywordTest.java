package dev.pki.resource.trust;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.dsl.PlaybookLoader;
import dev.pki.model.Value;
import dev.pki.resource.Playbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code trust ca('x')} as written in playbooks: the anchor's name, its .crt suffix, and mistakes. */
class TrustKeywordTest {

    private static final String CA = "hosts('localhost') {\n  ca('phoenix') { dir '/etc/step-ca/ssl/ca'; passphraseFile '/etc/step-ca/ssl/p' }\n}\n";

    @TempDir
    Path dir;

    private TrustResource step(String guests) throws IOException {
        return (TrustResource) load(guests).plays().get(1).steps().get(0);
    }

    private Playbook load(String guests) throws IOException {
        Path file = dir.resolve("playbook.groovy");
        Files.writeString(file, CA + "hosts('localhost') {\n" + guests + "\n}\n");
        return PlaybookLoader.load(file, Map.of());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "trust ca('phoenix')                                     | phoenix.crt      | trust phoenix",
            "trust(ca('phoenix')) { name 'phoenix-root' }            | phoenix-root.crt | trust phoenix-root",
            "trust(ca('phoenix')) { name 'phoenix-root.crt' }        | phoenix-root.crt | trust phoenix-root",
            "trust(ca('phoenix')) { onChange 'systemctl reload x' }  | phoenix.crt      | trust phoenix",
    })
    void declare_anchorName_alwaysEndsInCrt(String line, String file, String address) throws IOException {
        TrustResource t = step(line);
        assertEquals(file, t.anchorFile());
        assertEquals(address, t.address().toString());
        assertEquals("phoenix", t.caName());
        assertEquals("ca('phoenix').rootCertificate", ((Value.Reference) t.root()).description());
    }

    @Test
    void declare_onChange_isTheHandler() throws IOException {
        assertEquals("systemctl reload x", step("trust(ca('phoenix')) { onChange 'systemctl reload x' }").handler().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a string instead of a CA  | trust needs one CA: trust ca('name')         | trust 'phoenix'",
            "no CA at all              | trust needs one CA                            | trust { name 'x' }",
            "a path as name            | anchor name '../evil' is not a plain file name | trust(ca('phoenix')) { name '../evil' }",
            "an undeclared CA          | ca('phenix') is not declared                  | trust ca('phenix')",
    })
    void declare_mistake_isReportedAtItsLine(String what, String message, String line) {
        var e = assertThrows(PkiException.class, () -> load(line));
        Diagnostic d = e.diagnostics().get(0);
        assertTrue(d.summary().contains(message), d.summary());
        assertEquals(5, d.location().line(), d.toString());
    }
}

package dev.pki.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.Diagnostics;
import dev.pki.dsl.PlaybookLoader;
import dev.pki.inventory.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What expanding a playbook checks without contacting a host: step order and duplicates. */
class TargetsTest {

    private static final String CA = """
            hosts('localhost') {
                ca('lab') {
                    dir '/tmp/pki-targets/ca'
                    passphraseFile '/tmp/pki-targets/ca/passphrase.txt'
                }
            }
            """;
    private static final String USERS = """
            hosts('localhost') {
                certificate('web.internal') {
                    issuer ca('lab')
                    cert '/tmp/pki-targets/web.crt'
                    key '/tmp/pki-targets/web.key'
                }
                file('/tmp/pki-targets/root.crt') { content ca('lab').rootCertificate }
            }
            """;

    @TempDir
    Path dir;

    private List<Diagnostic> expand(String source) throws Exception {
        Path file = dir.resolve("order.groovy");
        Files.writeString(file, source);
        Diagnostics diagnostics = new Diagnostics();
        Targets.expand(PlaybookLoader.load(file, Map.of()), Inventory.implicit(Map.of()), null, diagnostics);
        return diagnostics.all();
    }

    @Test
    void expand_caDeclaredInLaterHostsBlock_isAnErrorAtEachStepThatUsesIt() throws Exception {
        List<Diagnostic> errors = expand(USERS + CA);

        assertEquals(List.of(
                "order.groovy line 2: certificate web.internal uses ca('lab'), which is declared later in the playbook (line 10); move the ca block before it",
                "order.groovy line 7: file /tmp/pki-targets/root.crt uses ca('lab'), which is declared later in the playbook (line 10); move the ca block before it"),
                errors.stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList());
    }

    @Test
    void expand_caDeclaredLaterInTheSameBlock_isAnError() throws Exception {
        List<Diagnostic> errors = expand("""
                hosts('localhost') {
                    certificate('web.internal') {
                        issuer ca('lab')
                        cert '/tmp/pki-targets/web.crt'
                        key '/tmp/pki-targets/web.key'
                    }
                    ca('lab') {
                        dir '/tmp/pki-targets/ca'
                        passphraseFile '/tmp/pki-targets/ca/passphrase.txt'
                    }
                }
                """);

        assertEquals(List.of("order.groovy line 2: certificate web.internal uses ca('lab'), which is declared later in the playbook (line 7);"
                + " move the ca block before it"), errors.stream().map(Diagnostic::toString).toList());
    }

    @Test
    void expand_caDeclaredFirst_hasNoErrors() throws Exception {
        assertEquals(List.of(), expand(CA + USERS));
    }
}

package dev.pki.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks our output against the real openssl binary, the reference every target tool agrees with. */
class OpensslInteropTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenssl() {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl not installed");
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "RSA_2048", "ED25519"})
    void verify_issuedChain_isOk(KeyType type) throws Exception {
        Fixtures.Chain chain = Fixtures.chain(type);
        write("root.pem", Certs.toPem(chain.root()));
        write("inter.pem", Certs.toPem(chain.intermediate()));
        write("leaf.pem", Certs.toPem(chain.leaf()));

        // -attime: the fixtures are valid from 2025-01-01 for 90 days, whatever today's date is.
        Result result = openssl("verify", "-attime", "1735776000", "-CAfile", "root.pem", "-untrusted", "inter.pem", "leaf.pem");
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("leaf.pem: OK"), result.output);
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void x509Text_leaf_showsSansAndServerAuth(KeyType type) throws Exception {
        write("leaf.pem", Certs.toPem(Fixtures.chain(type).leaf()));

        Result result = openssl("x509", "-in", "leaf.pem", "-noout", "-text");
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("DNS:nginx.internal, DNS:www.internal, IP Address:10.0.0.12, IP Address:2001:DB8:0:0:0:0:0:1"),
                result.output);
        assertTrue(result.output.contains("TLS Web Server Authentication"), result.output);
        assertTrue(result.output.contains("CA:FALSE"), result.output);
    }

    @Test
    void x509Subject_root_printsAsWrittenInRfc2253() throws Exception {
        write("root.pem", Certs.toPem(Fixtures.chain(KeyType.EC_P256).root()));
        Result result = openssl("x509", "-in", "root.pem", "-noout", "-subject", "-nameopt", "RFC2253");
        assertEquals("subject=CN=Lab Root CA,O=Lab", result.output.strip());
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void pkey_ourEncryptedKey_decryptsWithPassphrase(KeyType type) throws Exception {
        PrivateKey key = Fixtures.keys(type)[0].getPrivate();
        String passphrase = Keys.newPassphrase();
        write("enc.pem", Keys.toEncryptedPem(key, passphrase.toCharArray()));
        write("pass.txt", passphrase + "\n");

        Result result = openssl("pkey", "-in", "enc.pem", "-passin", "file:pass.txt");
        assertEquals(0, result.exitCode, result.output);
        assertEquals(Keys.toPem(key), Keys.toPem(Keys.fromPem(result.output, null)));

        Result params = openssl("asn1parse", "-in", "enc.pem");
        assertTrue(params.output.contains("PBES2") && params.output.contains("aes-256-cbc")
                && params.output.contains("hmacWithSHA256"), params.output);
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void pkey_ourPlainKey_readsBack(KeyType type) throws Exception {
        PrivateKey key = Fixtures.keys(type)[0].getPrivate();
        write("key.pem", Keys.toPem(key));
        Result result = openssl("pkey", "-in", "key.pem");
        assertEquals(0, result.exitCode, result.output);
        PrivateKey read = Keys.fromPem(result.output, null);
        assertTrue(Keys.matches(read, Fixtures.keys(type)[0].getPublic()));
        assertArrayEquals(Fixtures.keys(type)[0].getPublic().getEncoded(), Keys.publicKeyOf(read).getEncoded());
    }

    @Test
    void fromPem_opensslLegacyEcKeyWithParameters_reads() throws Exception {
        Result result = openssl("ecparam", "-name", "prime256v1", "-genkey");
        assertTrue(result.output.contains("BEGIN EC PARAMETERS") && result.output.contains("BEGIN EC PRIVATE KEY"));
        PrivateKey key = Keys.fromPem(result.output, null);
        assertEquals(KeyType.EC_P256, KeyType.of(Keys.publicKeyOf(key)));
    }

    @Test
    void fromPem_opensslLegacyRsaKey_reads() throws Exception {
        Result result = openssl("genrsa", "-traditional", "2048");
        assertTrue(result.output.contains("BEGIN RSA PRIVATE KEY"));
        assertEquals(KeyType.RSA_2048, KeyType.of(Keys.publicKeyOf(Keys.fromPem(result.output, null))));
    }

    @Test
    void fromPem_opensslEncryptedPkcs8_readsWithPassphraseAndRejectsWrongOne() throws Exception {
        write("pass.txt", "s3cret\n");
        Result result = openssl("genpkey", "-algorithm", "ed25519", "-aes-256-cbc", "-pass", "file:pass.txt");
        assertTrue(Keys.isEncrypted(result.output), result.output);
        assertEquals(KeyType.ED25519, KeyType.of(Keys.publicKeyOf(Keys.fromPem(result.output, "s3cret".toCharArray()))));
        assertThrows(WrongPassphraseException.class,
                () -> Keys.fromPem(result.output, "other".toCharArray()));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private record Result(int exitCode, String output) {}

    private Result openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(OPENSSL.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl did not finish");
        return new Result(process.exitValue(), output);
    }
}

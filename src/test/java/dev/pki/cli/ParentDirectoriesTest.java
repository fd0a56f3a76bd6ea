package dev.pki.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps that write files create missing parent directories (mode 0755) and say so in the plan. */
class ParentDirectoriesTest {

    @TempDir
    Path dir;

    private Cli.Result pki(Path playbook, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, playbook.toString(), "--state-dir", dir.resolve("state").toString(), "--no-color"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void fileUnderMissingDirectory_plansTheDirectory_appliesAndConverges() throws Exception {
        Path playbook = dir.resolve("files.groovy");
        Files.writeString(playbook, """
                hosts('localhost') {
                    file('%1$s/etc/app/one.conf') { content "one\\n" }
                    file('%1$s/etc/app/two.conf') { content "two\\n" }
                }
                """.formatted(dir));

        Cli.Result plan = pki(playbook, "plan");
        assertEquals(ExitCodes.OK, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("+ file " + dir + "/etc/app/one.conf  (create: does not exist)\n"), plan.out());
        assertEquals(1, count(plan.out(), "directory " + dir + "/etc/app: created, mode 0755"), "the second file finds it created: " + plan.out());

        Cli.Result apply = pki(playbook, "apply", "--yes");
        assertEquals(ExitCodes.OK, apply.exitCode(), apply.all());
        assertEquals("one\n", Files.readString(dir.resolve("etc/app/one.conf")));
        assertEquals("two\n", Files.readString(dir.resolve("etc/app/two.conf")));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("etc/app"))));

        assertEquals(ExitCodes.OK, pki(playbook, "plan", "--detailed-exitcode").exitCode());
    }

    @Test
    void chainAddedInMissingDirectory_createsTheDirectory() throws Exception {
        Path playbook = dir.resolve("cert.groovy");
        Files.writeString(playbook, """
                hosts('localhost') {
                    ca('lab') {
                        dir '%1$s/ca'
                        passphraseFile '%1$s/ca/passphrase.txt'
                    }
                    certificate('web.internal') {
                        issuer ca('lab')
                        cert '%1$s/web/web.crt'
                        key '%1$s/web/web.key'
                        if (vars.chain) chain vars.chain
                    }
                }
                """.formatted(dir));
        assertEquals(ExitCodes.OK, pki(playbook, "apply", "--yes").exitCode());

        String chain = dir.resolve("chains/web-chain.crt").toString();
        Cli.Result plan = pki(playbook, "plan", "-e", "chain=" + chain);
        assertTrue(plan.out().contains("~ certificate web.internal  (update: web-chain.crt out of date)"), plan.out());
        assertTrue(plan.out().contains("directory " + dir + "/chains: created, mode 0755"), plan.out());

        Cli.Result apply = pki(playbook, "apply", "--yes", "-e", "chain=" + chain);
        assertEquals(ExitCodes.OK, apply.exitCode(), apply.all());
        assertEquals(Files.readString(dir.resolve("ca/intermediate_ca.crt")), Files.readString(Path.of(chain)));
    }
}

package dev.pki.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structural errors in an inventory name the file, the line and the column of the node at fault. */
class InventoryErrorsTest {

    @TempDir
    Path dir;

    @Test
    void hostVarsNotAMapping() throws IOException {
        Diagnostic d = fail("all:\n  hosts:\n    ct101: '101'\n");

        assertAt(d, 3, 12);
        assertEquals("the vars of host 'ct101' must be a mapping (name: value), got '101'", d.summary());
    }

    @Test
    void unknownGroupKey_pointsAtTheKeyAndSuggests() throws IOException {
        Diagnostic d = fail("all:\n  children:\n    guests:\n      vars: {a: 1}\n      hostz:\n        ct101:\n");

        assertAt(d, 5, 7);
        assertEquals("group 'guests' has an unknown key 'hostz' (expected hosts, vars or children)", d.summary());
        assertEquals("Did you mean \"hosts\"?", d.suggestion());
    }

    @Test
    void childrenEntryNotAMapping() throws IOException {
        Diagnostic d = fail("all:\n  children:\n    guests: [ct101, ct102]\n");

        assertAt(d, 3, 13);
        assertEquals("child group 'guests' of 'all' must be a mapping with hosts, vars or children, got a list", d.summary());
    }

    @Test
    void childrenAsAList() throws IOException {
        Diagnostic d = fail("all:\n  children:\n    - guests\n");

        assertAt(d, 3, 5);
        assertEquals("the children of group 'all' must be a mapping of group names to groups (write 'guests:' on its own line,"
                + " not '- guests'), got a list", d.summary());
    }

    @Test
    void hostsAsAList() throws IOException {
        Diagnostic d = fail("all:\n  children:\n    guests:\n      hosts:\n        - ct101\n");

        assertAt(d, 5, 9);
        assertEquals("the hosts of group 'guests' must be a mapping of host names to their vars (write 'ct101:' on its own line,"
                + " not '- ct101'), got a list", d.summary());
    }

    @Test
    void groupVarsNotAMapping() throws IOException {
        Diagnostic d = fail("all:\n  children:\n    guests:\n      vars: [a, b]\n");

        assertAt(d, 4, 13);
        assertEquals("the vars of group 'guests' must be a mapping (name: value), got a list", d.summary());
    }

    @Test
    void topLevelGroupNotAMapping() throws IOException {
        Diagnostic d = fail("webservers: web1\n");

        assertAt(d, 1, 13);
        assertEquals("group 'webservers' must be a mapping with hosts, vars or children, got 'web1'", d.summary());
    }

    @Test
    void topLevelList() throws IOException {
        Diagnostic d = fail("# hosts\n- web1\n- web2\n");

        assertAt(d, 2, 1);
        assertEquals("an inventory is a mapping with a top-level 'all' group (or other groups), got a list", d.summary());
    }

    @Test
    void groupsInACycle() throws IOException {
        Diagnostic d = fail("a:\n  children:\n    b:\n      children:\n        a:\n");

        assertAt(d, 5, 9);
        assertEquals("groups contain each other through 'children': a → b → a", d.summary());
    }

    @Test
    void unknownYamlTag_likeVault() throws IOException {
        Diagnostic d = fail("all:\n  vars:\n    secret: !vault |\n      $ANSIBLE_VAULT;1.1;AES256\n      3132\n");

        assertEquals(3, d.location().line());
        assertEquals("invalid YAML: ansible-vault encrypted values (!vault) are not supported", d.summary());
    }

    @Test
    void inventoryPlugin() throws IOException {
        Diagnostic d = fail("# aws_ec2.yml\nplugin: amazon.aws.aws_ec2\nregions: [eu-central-1]\n");

        assertAt(d, 2, 1);
        assertEquals("inventory plugins ('plugin: ...') are not supported: pki reads YAML inventories of hosts and groups", d.summary());
    }

    @Test
    void backwardsHostRange() throws IOException {
        Diagnostic d = fail("all:\n  hosts:\n    web[9:1]:\n");

        assertAt(d, 3, 5);
        assertEquals("host range '[9:1]' runs backwards (start > end)", d.summary());
    }

    @Test
    void errorInTheSecondOfSeveralInventories_namesThatFile() throws IOException {
        Path good = Files.writeString(dir.resolve("good.yml"), "all:\n  hosts:\n    a:\n");
        Path bad = Files.writeString(dir.resolve("bad.yml"), "all:\n  hosts:\n    b: [1]\n");

        PkiException e = assertThrows(PkiException.class, () -> InventoryLoader.load(List.of(good, bad), Map.of()));

        assertEquals(bad.toString(), e.diagnostics().get(0).location().file());
        assertEquals("bad.yml line 3, column 8", e.diagnostics().get(0).location().toString());
    }

    private Path file;

    private Diagnostic fail(String yaml) throws IOException {
        file = Files.writeString(dir.resolve("inventory.yml"), yaml);
        PkiException e = assertThrows(PkiException.class, () -> InventoryLoader.load(file, Map.of()));
        assertEquals(1, e.diagnostics().size());
        return e.diagnostics().get(0);
    }

    private void assertAt(Diagnostic d, int line, int column) {
        assertEquals(file.toString(), d.location().file(), "file");
        assertEquals(line + ":" + column, d.location().line() + ":" + d.location().column(), "line:column of " + d.summary());
    }
}

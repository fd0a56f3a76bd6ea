package dev.pki.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** group_vars/ and host_vars/, the precedence chain across them, several -i, folders, Ansible's extras. */
class InventorySourcesTest {

    static final Path PRECEDENCE = Path.of("src/test/resources/inventory/precedence");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} comes from {1}")
    @CsvSource({
            "p1, all-inventory",
            "p2, group_vars-all",
            "p3, parent-inventory",
            "p4, group_vars-parent",
            "p5, child-inventory",
            "p6, group_vars-child",
            "p7, host-inventory",
            "p8, host_vars-h1",
            "p9, extra",
    })
    void precedence_fixtureTree_eachLevelBeatsTheOneBelow(String name, String winner) {
        Inventory inv = InventoryLoader.load(PRECEDENCE.resolve("hosts.yml"), Map.of("p9", "extra"));

        assertEquals(winner, inv.host("h1").vars().get(name));
    }

    @Test
    void precedence_fixtureTreeAsFolder_sameResultAsTheFile() {
        Inventory file = InventoryLoader.load(PRECEDENCE.resolve("hosts.yml"), Map.of());
        Inventory folder = InventoryLoader.load(PRECEDENCE, Map.of());

        assertEquals(file.hosts(), folder.hosts());
        assertEquals(file.groups(), folder.groups());
    }

    @Test
    void precedence_hostWithoutHostVars_getsTheGroupChain() {
        Inventory inv = InventoryLoader.load(PRECEDENCE.resolve("hosts.yml"), Map.of());
        Map<String, Object> h2 = inv.host("h2").vars();

        assertEquals("group_vars-child", h2.get("p9"));
        assertEquals("child-inventory", h2.get("p5"));
        assertEquals("from-first", h2.get("only_first"), "files of group_vars/parent/ are merged in name order");
        assertNull(h2.get("db_password"), "host_vars/h1.yml is h1's only");
        assertEquals("group_vars-all", inv.host("loner").vars().get("p9"), "a host in no group gets all's vars");
        assertEquals("group_vars-all", inv.globalVars().get("p2"), "the playbook's vars include group_vars/all");
        assertEquals("all-inventory", inv.globalVars().get("p1"));
    }

    @Test
    void groupVars_extensionlessFileAndJson_areRead() throws IOException {
        Path inv = write("hosts.yml", "all:\n  children:\n    web:\n      hosts:\n        w1:\n");
        write("group_vars/all", "a: from-extensionless\n");
        write("group_vars/web.json", "{\"b\": \"from-json\"}\n");
        write("group_vars/README.md", "not: read\n");

        Host w1 = InventoryLoader.load(inv, Map.of()).host("w1");

        assertEquals("from-extensionless", w1.vars().get("a"));
        assertEquals("from-json", w1.vars().get("b"));
        assertNull(w1.vars().get("not"));
    }

    @Test
    void groupVars_fileAndFolderForOneGroup_readsTheFolderAndWarns() throws IOException {
        Path inv = write("hosts.yml", "all:\n  hosts:\n    h:\n");
        write("group_vars/all/main.yml", "x: folder\n");
        write("group_vars/all.yml", "x: file\n");

        Inventory loaded = InventoryLoader.load(inv, Map.of());

        assertEquals("folder", loaded.host("h").vars().get("x"), "Ansible reads NAME (a folder here) before NAME.yml");
        assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
        assertTrue(loaded.warnings().get(0).summary().matches("group_vars has both .*/group_vars/all/ and .*/group_vars/all.yml for all;"
                + " only .*/group_vars/all/ is read \\(as Ansible does\\)"), loaded.warnings().toString());
    }

    @Test
    void groupVars_forAGroupThatDoesNotExist_isAWarningWithASuggestion() throws IOException {
        Path inv = write("hosts.yml", "all:\n  children:\n    guests:\n      hosts:\n        ct101:\n");
        write("group_vars/guest.yml", "x: 1\n");
        write("host_vars/ct110.yml", "x: 1\n");

        List<Diagnostic> warnings = InventoryLoader.load(inv, Map.of()).warnings();

        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(dir.resolve("group_vars/guest.yml") + " is not used: there is no group 'guest' in the inventory", warnings.get(0).summary());
        assertEquals("Did you mean \"guests\"?", warnings.get(0).suggestion());
        assertEquals(dir.resolve("host_vars/ct110.yml") + " is not used: there is no host 'ct110' in the inventory", warnings.get(1).summary());
        assertFalse(warnings.get(0).isError());
    }

    @Test
    void groupVars_notAMapping_isAnErrorWithFileLineAndColumn() throws IOException {
        Path inv = write("hosts.yml", "all:\n  hosts:\n    h:\n");
        Path bad = write("group_vars/all.yml", "---\n- a\n- b\n");

        PkiException e = assertThrows(PkiException.class, () -> InventoryLoader.load(inv, Map.of()));

        Diagnostic d = e.diagnostics().get(0);
        assertEquals(bad.toString(), d.location().file());
        assertEquals(2, d.location().line());
        assertEquals(1, d.location().column());
        assertEquals("group_vars/all.yml must be a mapping (name: value), got a list", d.summary());
    }

    @Test
    void groupVars_vaultEncrypted_saysSo() throws IOException {
        Path inv = write("hosts.yml", "all:\n  hosts:\n    h:\n");
        write("host_vars/h.yml", "$ANSIBLE_VAULT;1.1;AES256\n6638643965\n");

        PkiException e = assertThrows(PkiException.class, () -> InventoryLoader.load(inv, Map.of()));

        assertEquals("host_vars/h.yml is encrypted with ansible-vault, which pki does not read", e.diagnostics().get(0).summary());
    }

    @Test
    void severalInventories_hostInTwoFiles_laterFileWinsPerVariableAndGroupsAddUp() throws IOException {
        Path a = write("a.yml", """
                all:
                  vars: {site: a, only_a: 1}
                  children:
                    web:
                      vars: {port: 80, tls: false}
                      hosts:
                        h1: {role: web, owner: alice}
                """);
        Path b = write("b.yml", """
                all:
                  vars: {site: b}
                  children:
                    web:
                      vars: {port: 443}
                    db:
                      hosts:
                        h1: {owner: bob}
                        h2:
                """);

        Inventory inv = InventoryLoader.load(List.of(a, b), Map.of());

        Map<String, Object> h1 = inv.host("h1").vars();
        assertEquals("bob", h1.get("owner"), "the later file wins for a variable both define");
        assertEquals("web", h1.get("role"), "variables only the earlier file defines stay");
        assertEquals(443, h1.get("port"));
        assertEquals(false, h1.get("tls"));
        assertEquals(Set.of("h1"), inv.groups().get("web"));
        assertEquals(Set.of("h1", "h2"), inv.groups().get("db"), "memberships add up");
        assertEquals("b", inv.globalVars().get("site"));
        assertEquals(1, inv.globalVars().get("only_a"));
        assertEquals(List.of("h1", "h2"), List.copyOf(inv.hosts().keySet()));
    }

    @Test
    void severalInventories_hostVarsOfTheEarlierFile_stillBeatGroupVarsOfTheLaterFile() throws IOException {
        Path a = write("a.yml", "all:\n  hosts:\n    h1: {port: 8443}\n");
        Path b = write("b.yml", "all:\n  children:\n    web:\n      vars: {port: 80}\n      hosts:\n        h1:\n");

        assertEquals(8443, InventoryLoader.load(List.of(a, b), Map.of()).host("h1").vars().get("port"),
                "files are merged first, precedence is applied after");
    }

    @Test
    void folder_readsYamlFilesInNameOrderAndItsGroupVars() throws IOException {
        write("inv/20-b.yaml", "all:\n  hosts:\n    h: {x: b}\n");
        write("inv/10-a.yml", "all:\n  hosts:\n    h: {x: a, y: a}\n    g:\n");
        write("inv/notes.txt", "not yaml: [\n");
        write("inv/.hidden.yml", "not yaml: [\n");
        write("inv/group_vars/all.yml", "z: from-group-vars\n");
        write("group_vars/all.yml", "z: beside-the-folder-is-not-read\n");

        Inventory inv = InventoryLoader.load(dir.resolve("inv"), Map.of());

        assertEquals(List.of("h", "g"), List.copyOf(inv.hosts().keySet()));
        assertEquals(Map.of("x", "b", "y", "a", "z", "from-group-vars"), inv.host("h").vars());
    }

    @Test
    void folder_withoutInventoryFiles_isAnError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        PkiException e = assertThrows(PkiException.class, () -> InventoryLoader.load(dir.resolve("empty"), Map.of()));

        assertTrue(e.getMessage().contains("the inventory folder has no *.yml or *.yaml file"), e.getMessage());
    }

    @Test
    void groupsOfEqualDepth_laterNameWins_unlessGroupPrioritySaysOtherwise() throws IOException {
        Path plain = write("plain.yml", """
                beta:
                  vars: {x: beta}
                  hosts: {h: }
                alpha:
                  vars: {x: alpha}
                  hosts: {h: }
                """);
        Path prio = write("prio.yml", """
                beta:
                  vars: {x: beta}
                  hosts: {h: }
                alpha:
                  vars: {x: alpha, ansible_group_priority: 10}
                  hosts: {h: }
                """);

        assertEquals("beta", InventoryLoader.load(plain, Map.of()).host("h").vars().get("x"), "as Ansible: by name");
        assertEquals("alpha", InventoryLoader.load(prio, Map.of()).host("h").vars().get("x"));
    }

    @Test
    void deeperGroup_winsEvenWhenWrittenFirst() throws IOException {
        Path inv = write("deep.yml", """
                all:
                  children:
                    outer:
                      children:
                        inner:
                          vars: {x: inner}
                          hosts: {h: }
                    zzz:
                      vars: {x: zzz}
                      hosts: {h: }
                """);

        assertEquals("inner", InventoryLoader.load(inv, Map.of()).host("h").vars().get("x"), "inner is at depth 2, zzz at depth 1");
    }

    @Test
    void topLevelGroupsWithoutAll_areChildrenOfAll() throws IOException {
        Path inv = write("groups.yml", """
                webservers:
                  hosts:
                    web1:
                dbservers:
                  vars: {engine: pg}
                  hosts:
                    db1:
                """);

        Inventory loaded = InventoryLoader.load(inv, Map.of());

        assertEquals(List.of("dbservers", "ungrouped", "webservers"), loaded.tree().get("all").children().stream().sorted().toList());
        assertEquals(List.of("web1", "db1"), loaded.match("all"));
        assertEquals("pg", loaded.host("db1").vars().get("engine"));
    }

    @Test
    void ungrouped_holdsHostsThatAreInNoOtherGroup() throws IOException {
        Path inv = write("u.yml", "all:\n  hosts:\n    pve:\n    ct101:\n  children:\n    guests:\n      hosts:\n        ct101:\n");

        Inventory loaded = InventoryLoader.load(inv, Map.of());

        assertEquals(List.of("pve"), loaded.tree().get("ungrouped").hosts());
        assertEquals(List.of("pve"), loaded.match("ungrouped"));
    }

    @Test
    void hostRanges_expandLikeAnsible() throws IOException {
        Path inv = write("ranges.yml", """
                all:
                  children:
                    fleet:
                      vars: {connection: ssh}
                      hosts:
                        node[01:03]:
                        web[a:c].lab: {role: web}
                        n[0:6:3]x:
                """);

        Inventory loaded = InventoryLoader.load(inv, Map.of());

        assertEquals(List.of("node01", "node02", "node03", "weba.lab", "webb.lab", "webc.lab", "n0x", "n3x", "n6x"), loaded.match("fleet"));
        assertEquals("web", loaded.host("webb.lab").vars().get("role"));
    }

    @Test
    void hostWithPort_setsAnsiblePort() throws IOException {
        Path inv = write("port.yml", "all:\n  hosts:\n    alias[1:2]:2222:\n    plain: {ansible_port: 22}\n");

        Inventory loaded = InventoryLoader.load(inv, Map.of());

        assertEquals(List.of("alias1", "alias2", "plain"), loaded.match("all"));
        assertEquals(2222, loaded.host("alias2").vars().get("ansible_port"));
    }

    @Test
    void yamlAnchorsAndMergeKeys_work() throws IOException {
        Path inv = write("anchors.yml", """
                all:
                  hosts:
                    a: &defaults {connection: lxc, via: pve}
                    b:
                      <<: *defaults
                      container: '102'
                    pve:
                """);

        Inventory loaded = InventoryLoader.load(inv, Map.of());

        assertEquals(Map.of("connection", "lxc", "via", "pve", "container", "102"), loaded.host("b").vars());
    }

    @Test
    void nullVariable_isKeptAsNull() throws IOException {
        Path inv = write("null.yml", "all:\n  hosts:\n    h: {x: ~, y: 1}\n");

        Host h = InventoryLoader.load(inv, Map.of()).host("h");

        assertTrue(h.vars().containsKey("x"));
        assertNull(h.vars().get("x"));
    }

    @Test
    void hostAndGroupWithOneName_isAWarning() throws IOException {
        Path inv = write("clash.yml", "all:\n  hosts:\n    web:\n  children:\n    web:\n      hosts:\n        w1:\n");

        List<Diagnostic> warnings = InventoryLoader.load(inv, Map.of()).warnings();

        assertEquals(1, warnings.size());
        assertEquals("'web' is both a host and a group; in patterns it names the group", warnings.get(0).summary());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "c++*         | c++17",
            "web(1)*      | web(1).lab",
            "n[12]*       | n1 n2",
            "n[!12]*      | n3",
            "*.lab        | web(1).lab",
            "n?           | n1 n2 n3",
    })
    void globs_areFnmatchWithOtherCharactersLiteral(String pattern, String expected) throws IOException {
        Path inv = write("glob.yml", "all:\n  hosts:\n    c++17:\n    web(1).lab:\n    n1:\n    n2:\n    n3:\n");

        assertEquals(List.of(expected.split(" ")), InventoryLoader.load(inv, Map.of()).match(pattern));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }
}

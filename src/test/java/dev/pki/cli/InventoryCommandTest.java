package dev.pki.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import groovy.json.JsonSlurper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pki inventory --list / --graph / --host: the merged inventory in ansible-inventory's shapes. */
class InventoryCommandTest {

    private static final String PRECEDENCE = "src/test/resources/inventory/precedence";

    @TempDir
    Path dir;

    @Test
    void graph_phoenix_isAnsiblesTree() {
        Cli.Result r = Cli.run("inventory", "-i", "inventory/phoenix.yml", "--graph");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals("""
                @all:
                  |--@ca:
                  |  |--ct103
                  |--@guests:
                  |  |--ct101
                  |  |--ct102
                  |--@ungrouped:
                  |  |--pve
                """, r.out());
    }

    @Test
    void graph_fromAGroup_andNestedGroups() {
        Cli.Result r = Cli.run("inventory", "-i", PRECEDENCE, "--graph", "parent");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals("@parent:\n  |--@child:\n  |  |--h1\n  |  |--h2\n", r.out());
    }

    @Test
    void graph_unknownGroup_isAnErrorWithASuggestion() {
        Cli.Result r = Cli.run("inventory", "-i", "inventory/phoenix.yml", "--graph", "guest", "--no-color");

        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("--graph: no group 'guest' in the inventory"), r.err());
        assertTrue(r.err().contains("Did you mean \"guests\"?"), r.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void list_precedenceTree_hasAnsiblesShapeMergedVarsAndMaskedSecrets() {
        Cli.Result r = Cli.run("inventory", "-i", PRECEDENCE, "--list", "-e", "p9=extra", "-e", "api_token=abc");

        assertEquals(0, r.exitCode(), r.all());
        Map<String, Object> doc = (Map<String, Object>) new JsonSlurper().parseText(r.out());
        assertEquals(List.of("_meta", "all", "child", "parent", "ungrouped"), List.copyOf(doc.keySet()), "sorted, as Ansible prints them");
        assertEquals(Map.of("children", List.of("parent", "ungrouped")), doc.get("all"));
        assertEquals(Map.of("children", List.of("child")), doc.get("parent"));
        assertEquals(Map.of("hosts", List.of("h1", "h2")), doc.get("child"));
        assertEquals(Map.of("hosts", List.of("loner")), doc.get("ungrouped"));
        Map<String, Map<String, Object>> hostvars = (Map<String, Map<String, Object>>) ((Map<String, Object>) doc.get("_meta")).get("hostvars");
        assertEquals(List.of("h1", "h2", "loner"), List.copyOf(hostvars.keySet()));
        Map<String, Object> h1 = hostvars.get("h1");
        assertEquals("all-inventory", h1.get("p1"));
        assertEquals("group_vars-parent", h1.get("p4"));
        assertEquals("host_vars-h1", h1.get("p8"));
        assertEquals("extra", h1.get("p9"));
        assertEquals("(sensitive)", h1.get("db_password"));
        assertEquals("(sensitive)", h1.get("api_token"));
        assertFalse(r.out().contains("hunter2"), r.out());
        assertFalse(r.out().contains("abc"), r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void list_nestedSecrets_areMaskedToo() throws IOException {
        Path inv = Files.writeString(dir.resolve("inv.yml"), """
                all:
                  hosts:
                    h:
                      ansible_ssh_private_key_file: ~/.ssh/id_ed25519
                      db: {user: app, Password: s3cret}
                      users: [{name: a, secret: x}]
                      keyType: ec-p256
                """);

        Cli.Result r = Cli.run("inventory", "-i", inv.toString(), "--list");

        assertEquals(0, r.exitCode(), r.all());
        Map<String, Object> doc = (Map<String, Object>) new JsonSlurper().parseText(r.out());
        Map<String, Object> h = ((Map<String, Map<String, Object>>) ((Map<String, Object>) doc.get("_meta")).get("hostvars")).get("h");
        assertEquals(Map.of("user", "app", "Password", "(sensitive)"), h.get("db"));
        assertEquals(List.of(Map.of("name", "a", "secret", "(sensitive)")), h.get("users"));
        assertEquals("(sensitive)", h.get("ansible_ssh_private_key_file"));
        assertEquals("(sensitive)", h.get("keyType"), "the rule is the name, not the value");
    }

    @Test
    @SuppressWarnings("unchecked")
    void host_printsOneHostsVars() {
        Cli.Result r = Cli.run("inventory", "-i", "inventory/phoenix.yml", "--host", "ct101");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(Map.of("connection", "lxc", "via", "pve", "container", "101"), new JsonSlurper().parseText(r.out()));
    }

    @Test
    void host_unknown_isAnError() {
        Cli.Result r = Cli.run("inventory", "-i", "inventory/phoenix.yml", "--host", "ct104", "--no-color");

        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no host 'ct104' in the inventory"), r.err());
    }

    @Test
    void withoutInventory_showsLocalhost() {
        Cli.Result r = Cli.run("inventory", "--graph");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals("@all:\n  |--@ungrouped:\n  |  |--localhost\n", r.out());
    }

    @Test
    void severalInventories_areMerged() throws IOException {
        Path extra = Files.writeString(dir.resolve("more.yml"), "all:\n  children:\n    guests:\n      hosts:\n        ct104: {container: '104'}\n");

        Cli.Result r = Cli.run("inventory", "-i", "inventory/phoenix.yml", "-i", extra.toString(), "--graph", "guests");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals("@guests:\n  |--ct101\n  |--ct102\n  |--ct104\n", r.out());
    }

    @Test
    void warnings_goToStandardError() throws IOException {
        Path inv = Files.writeString(dir.resolve("inv.yml"), "all:\n  hosts:\n    h:\n");
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/web.yml"), "x: 1\n");

        Cli.Result r = Cli.run("inventory", "-i", inv.toString(), "--graph", "--no-color");

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.err().contains("group_vars/web.yml is not used: there is no group 'web' in the inventory"), r.err());
        assertEquals("@all:\n  |--@ungrouped:\n  |  |--h\n", r.out());
    }

    @Test
    void structuralError_namesFileLineAndColumn() throws IOException {
        Path inv = Files.writeString(dir.resolve("broken.yml"), "all:\n  hosts:\n    h: [1]\n");

        Cli.Result r = Cli.run("inventory", "-i", inv.toString(), "--list", "--no-color");

        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("broken.yml line 3, column 8: the vars of host 'h' must be a mapping (name: value), got a list"), r.err());
    }

    @Test
    void listGraphAndHost_areExclusive_andOneIsRequired() {
        assertEquals(1, Cli.run("inventory", "-i", "inventory/phoenix.yml").exitCode());
        assertEquals(1, Cli.run("inventory", "-i", "inventory/phoenix.yml", "--list", "--graph").exitCode());
    }
}

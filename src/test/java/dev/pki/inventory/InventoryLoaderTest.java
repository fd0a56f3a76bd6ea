package dev.pki.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryLoaderTest {

    /** Phoenix-like: a hypervisor, a CA container and guests, with vars at every level. */
    private static final String INVENTORY = """
            all:
              vars:
                level: all
                domain: internal
                only_all: a
              hosts:
                pve:
                  ansible_host: 192.168.1.10
                  level: host-pve
              children:
                containers:
                  vars:
                    level: containers
                    only_parent: p
                    connection: lxc
                  children:
                    ca:
                      vars:
                        level: ca-group
                        only_child: c
                      hosts:
                        ct103:
                          level: host-ct103
                          vmid: 103
                    guests:
                      vars:
                        level: guests
                      hosts:
                        ct101:
                        ct102:
                          vmid: 102
                        ct110:
                """;

    @TempDir
    Path dir;

    private Inventory inventory;

    @BeforeEach
    void load() throws IOException {
        inventory = InventoryLoader.load(write("hosts.yml", INVENTORY), Map.of());
    }

    @Test
    void load_ansibleShape_readsHostsInOrder() {
        assertEquals(List.of("pve", "ct103", "ct101", "ct102", "ct110"), List.copyOf(inventory.hosts().keySet()));
    }

    @Test
    void load_groups_includeMembersOfChildGroups() {
        assertEquals(Set.of("ct103", "ct101", "ct102", "ct110"), inventory.groups().get("containers"));
        assertEquals(Set.of("ct103"), inventory.groups().get("ca"));
        assertEquals(Set.of("ct101", "ct102", "ct110"), inventory.groups().get("guests"));
        assertEquals(Set.of("pve", "ct103", "ct101", "ct102", "ct110"), inventory.groups().get("all"));
    }

    @Test
    void load_hostWithoutVars_inheritsAllGroupLevels() {
        Map<String, Object> vars = inventory.host("ct101").vars();
        assertEquals("guests", vars.get("level"));
        assertEquals("internal", vars.get("domain"));
        assertEquals("p", vars.get("only_parent"));
        assertEquals("lxc", inventory.host("ct101").connection());
    }

    @ParameterizedTest
    @CsvSource({
            "v1, all",
            "v2, parent",
            "v3, child",
            "v4, host",
            "v5, extra",
    })
    void load_variablePrecedence_allThenParentThenChildThenHostThenExtra(String name, String winner) throws IOException {
        Inventory inv = InventoryLoader.load(write("precedence.yml", """
                all:
                  vars: {v1: all, v2: all, v3: all, v4: all, v5: all}
                  children:
                    parent:
                      vars: {v2: parent, v3: parent, v4: parent, v5: parent}
                      children:
                        child:
                          vars: {v3: child, v4: child, v5: child}
                          hosts:
                            h: {v4: host, v5: host}
                """), Map.of("v5", "extra"));

        assertEquals(winner, inv.host("h").vars().get(name));
    }

    @Test
    void load_precedenceInPhoenixInventory_mostSpecificWins() {
        assertEquals("host-ct103", inventory.host("ct103").vars().get("level"));
        assertEquals("c", inventory.host("ct103").vars().get("only_child"));
        assertEquals("p", inventory.host("ct103").vars().get("only_parent"));
        assertEquals("a", inventory.host("ct103").vars().get("only_all"));
        assertEquals(103, inventory.host("ct103").vars().get("vmid"));
        assertEquals("guests", inventory.host("ct110").vars().get("level"));
        assertEquals("all", inventory.globalVars().get("level"));
    }

    @Test
    void load_hostDirectlyUnderAll_getsAllVarsAndOwnVars() {
        Host pve = inventory.host("pve");
        assertEquals("host-pve", pve.vars().get("level"));
        assertEquals("internal", pve.vars().get("domain"));
        assertNull(pve.vars().get("only_parent"));
        assertEquals("192.168.1.10", pve.text("host", "ansible_host").orElseThrow());
        assertEquals("ssh", pve.connection());
    }

    @Test
    void load_hostVarsInOneGroup_beatGroupVarsOfAnotherGroupListingIt() throws IOException {
        Inventory inv = InventoryLoader.load(write("two.yml", """
                all:
                  children:
                    web:
                      vars: {port: 80}
                      hosts:
                        h1: {port: 8443}
                    monitored:
                      vars: {port: 9100}
                      hosts:
                        h1:
                """), Map.of());

        assertEquals(8443, inv.host("h1").vars().get("port"), "host vars beat group vars wherever the host is listed");
    }

    @Test
    void load_hostInTwoNestedGroups_getsVarsOfBothAncestries() throws IOException {
        Inventory inv = InventoryLoader.load(write("nested.yml", """
                all:
                  children:
                    web:
                      vars: {role: web}
                      hosts:
                        h1:
                    infra:
                      vars: {dc: fra1}
                      children:
                        dns:
                          vars: {role: dns}
                          hosts:
                            h1:
                """), Map.of());

        assertEquals("fra1", inv.host("h1").vars().get("dc"), "vars of the second group's parent are not lost");
        assertEquals("dns", inv.host("h1").vars().get("role"), "the later group wins between groups");
        assertEquals(Set.of("h1"), inv.groups().get("infra"));
    }

    @Test
    void load_withoutTopLevelAll_treatsRootAsAll() throws IOException {
        Inventory inv = InventoryLoader.load(write("flat.yml", """
                hosts:
                  a: {x: 1}
                vars:
                  y: 2
                """), Map.of());

        assertEquals(List.of("a"), List.copyOf(inv.hosts().keySet()));
        assertEquals(Map.of("x", 1, "y", 2), inv.host("a").vars());
    }

    @Test
    void load_emptyFile_hasNoHostsButLocalhost() throws IOException {
        Inventory inv = InventoryLoader.load(write("empty.yml", ""), Map.of());

        assertTrue(inv.hosts().isEmpty());
        assertEquals("local", inv.host("localhost").connection());
        assertEquals(List.of("localhost"), inv.match("localhost"));
    }

    @Test
    void load_yamlSyntaxError_reportsFileLineAndColumn() throws IOException {
        Path file = write("broken.yml", """
                all:
                  hosts:
                    ct101:
                      vmid: 101: x
                    ct102:
                """);

        PkiException e = assertThrows(PkiException.class, () -> InventoryLoader.load(file, Map.of()));

        Diagnostic d = e.diagnostics().get(0);
        assertTrue(d.isError());
        assertEquals(file.toString(), d.location().file());
        assertEquals(4, d.location().line());
        assertEquals(16, d.location().column(), "the second ':' on '      vmid: 101: x'");
        assertTrue(d.summary().startsWith("invalid YAML: "), d.summary());
        assertTrue(d.location().toString().startsWith("broken.yml line 4, column 16"), d.location().toString());
    }

    @Test
    void load_badIndentation_reportsLine() throws IOException {
        Path file = write("indent.yml", "all:\n  hosts:\n    a:\n   b: 1\n");

        PkiException e = assertThrows(PkiException.class, () -> InventoryLoader.load(file, Map.of()));

        assertEquals(4, e.diagnostics().get(0).location().line());
        assertTrue(e.diagnostics().get(0).location().column() > 0);
    }

    @Test
    void load_unknownGroupKey_isAnErrorNamingIt() throws IOException {
        Path file = write("typo.yml", "all:\n  host:\n    a:\n");

        PkiException e = assertThrows(PkiException.class, () -> InventoryLoader.load(file, Map.of()));

        assertTrue(e.getMessage().contains("unknown key 'host'"), e.getMessage());
        assertEquals(file.toString(), e.diagnostics().get(0).location().file());
    }

    @Test
    void load_scalarInsteadOfMapping_isAnError() throws IOException {
        Path file = write("scalar.yml", "just text\n");

        PkiException e = assertThrows(PkiException.class, () -> InventoryLoader.load(file, Map.of()));

        assertTrue(e.getMessage().contains("top-level 'all' group"), e.getMessage());
    }

    @Test
    void load_missingFile_saysNoSuchFile() {
        PkiException e = assertThrows(PkiException.class, () -> InventoryLoader.load(dir.resolve("nope.yml"), Map.of()));

        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "all                    | pve ct103 ct101 ct102 ct110",
            "*                      | pve ct103 ct101 ct102 ct110",
            "guests                 | ct101 ct102 ct110",
            "containers             | ct103 ct101 ct102 ct110",
            "ct102                  | ct102",
            "ct102:pve              | pve ct102",
            "ct102,pve              | pve ct102",
            "ca:guests              | ct103 ct101 ct102 ct110",
            "containers:&guests     | ct101 ct102 ct110",
            "all:&ca                | ct103",
            "guests:!ct102          | ct101 ct110",
            "containers:!guests     | ct103",
            "all:!containers        | pve",
            "ct1*                   | ct103 ct101 ct102 ct110",
            "ct10?                  | ct103 ct101 ct102",
            "ct1*:!ct110            | ct103 ct101 ct102",
            "!ct102:guests          | ct101 ct110",
            "guests:&ct1*:!ct101    | ct102 ct110",
            "c*                     | ct103 ct101 ct102 ct110",
            "nosuchhost             | ''",
            "guests:&ca             | ''",
            "localhost              | localhost",
            "pve:localhost          | pve localhost",
    })
    void match_pattern_selectsHostsInInventoryOrder(String pattern, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
        assertEquals(want, inventory.match(pattern));
    }

    @Test
    void match_globWithDot_matchesDotLiterally() throws IOException {
        Inventory inv = InventoryLoader.load(write("dots.yml", "all:\n  hosts:\n    web.lab:\n    webxlab:\n"), Map.of());

        assertEquals(List.of("web.lab"), inv.match("web.*"));
    }

    @Test
    void implicit_noInventory_hasLocalhostWithLocalConnection() {
        Inventory inv = Inventory.implicit(Map.of("out", "/tmp/x"));

        assertEquals(List.of("localhost"), inv.match("all"));
        assertEquals("local", inv.host("localhost").connection());
        assertEquals("/tmp/x", inv.host("localhost").vars().get("out"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}

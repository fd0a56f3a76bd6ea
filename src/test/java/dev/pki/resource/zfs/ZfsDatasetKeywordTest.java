package dev.pki.resource.zfs;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.dsl.PlaybookLoader;
import dev.pki.resource.Playbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zfsDataset block as written in playbooks: what it declares and what it rejects, at which line. */
class ZfsDatasetKeywordTest {

    @TempDir
    Path dir;

    private Playbook load(String body) throws IOException {
        Path file = dir.resolve("playbook.groovy");
        Files.writeString(file, "hosts('localhost') {\n" + body + "\n}\n");   // a host that exists: mistakes in blocks for no host are only warnings
        return PlaybookLoader.load(file, Map.of());
    }

    private Diagnostic error(String body) {
        var e = assertThrows(PkiException.class, () -> load(body));
        return e.diagnostics().get(0);
    }

    @Test
    void declare_phoenixDataset_keepsMountpointAndPropertiesInOrder() throws IOException {
        var step = (ZfsDatasetResource) load("zfsDataset('quickOS/lxc-persistent-data') {\n"
                + "  mountpoint '/mnt/pve/quickOS/lxc-persistent-data'\n"
                + "  property 'compression', 'on'\n  property 'copies', 2\n  property 'pki:owner', 'phoenix'\n}")
                .plays().get(0).steps().get(0);
        assertEquals("zfsDataset quickOS/lxc-persistent-data", step.address().toString());
        assertEquals("/mnt/pve/quickOS/lxc-persistent-data", step.mountpoint());
        assertEquals(List.of("compression", "copies", "pki:owner"), List.copyOf(step.properties().keySet()));
        assertEquals("2", step.properties().get("copies"));
        assertEquals(false, step.absent());
    }

    @Test
    void declare_absentWithForce_isADestroyStep() throws IOException {
        var step = (ZfsDatasetResource) load("zfsDataset('quickOS/old') { state 'absent'; force true }").plays().get(0).steps().get(0);
        assertTrue(step.absent());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "absent without force      | 2 | state 'absent' destroys the dataset and all its data; add force true | zfsDataset('quickOS/old') {\\n  state 'absent'\\n}",
            "absent with properties    | 2 | state 'absent' takes no mountpoint or properties                     | zfsDataset('quickOS/old') {\\n  state 'absent'; force true; property 'atime', 'off'\\n}",
            "a snapshot name           | 2 | not a dataset name                                                   | zfsDataset('quickOS/x@snap') { }",
            "an empty property name    | 3 | wrong value for property name in zfsDataset block                    | zfsDataset('quickOS/x') {\\n  property '', 'on'\\n}",
            "a name with =             | 3 | invalid property name 'compression=on'                               | zfsDataset('quickOS/x') {\\n  property 'compression=on', 'on'\\n}",
            "a property without value  | 3 | property in zfsDataset block takes a name and a value                | zfsDataset('quickOS/x') {\\n  property 'compression'\\n}",
            "a property set twice      | 4 | property 'atime' is set twice                                        | zfsDataset('quickOS/x') {\\n  property 'atime', 'on'\\n  property 'atime', 'off'\\n}",
            "mountpoint as property    | 3 | set the mountpoint with mountpoint '/m'                              | zfsDataset('quickOS/x') {\\n  property 'mountpoint', '/m'\\n}",
            "a relative mountpoint     | 3 | invalid mountpoint 'mnt/x'                                           | zfsDataset('quickOS/x') {\\n  mountpoint 'mnt/x'\\n}",
            "an unknown state          | 3 | invalid state 'gone'                                                 | zfsDataset('quickOS/x') {\\n  state 'gone'\\n}",
    })
    void declare_mistake_isReportedAtItsLine(String what, int line, String message, String body) {
        Diagnostic d = error(body.replace("\\n", "\n"));
        assertTrue(d.summary().contains(message), d.summary());
        assertEquals(line, d.location().line(), d.toString());
    }

    @Test
    void declare_mistypedSetting_suggestsTheRightOne() {
        Diagnostic d = error("zfsDataset('quickOS/x') {\n  mountpiont = '/m'\n}");
        assertEquals("Did you mean \"mountpoint\"?", d.suggestion());
    }
}

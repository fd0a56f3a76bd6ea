package dev.pki.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerStoreTest {

    private static final String PLAYBOOK = "/srv/pki/phoenix.groovy";

    @TempDir
    Path dir;

    @Test
    void markPending_newHandler_isPendingAndWrittenAsOneTabSeparatedLine() throws IOException {
        Path file = dir.resolve("handlers");
        HandlerStore store = new HandlerStore(file);

        store.markPending(PLAYBOOK, "ct101", "certificate nginx.internal");

        assertTrue(store.isPending(PLAYBOOK, "ct101", "certificate nginx.internal"));
        assertEquals(List.of(PLAYBOOK + "\tct101\tcertificate nginx.internal"), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void isPending_otherHostOrPlaybookOrStep_isNotPending() {
        HandlerStore store = new HandlerStore(dir.resolve("handlers"));
        store.markPending(PLAYBOOK, "ct101", "certificate nginx.internal");

        assertFalse(store.isPending(PLAYBOOK, "ct102", "certificate nginx.internal"));
        assertFalse(store.isPending("/other.groovy", "ct101", "certificate nginx.internal"));
        assertFalse(store.isPending(PLAYBOOK, "ct101", "certificate grafana.internal"));
    }

    @Test
    void newInstance_afterMarkPending_stillSeesHandler() {
        Path file = dir.resolve("handlers");
        new HandlerStore(file).markPending(PLAYBOOK, "ct101", "certificate nginx.internal");
        new HandlerStore(file).markPending(PLAYBOOK, "ct102", "file /etc/ssl/root.crt");

        HandlerStore reopened = new HandlerStore(file);

        assertTrue(reopened.isPending(PLAYBOOK, "ct101", "certificate nginx.internal"));
        assertTrue(reopened.isPending(PLAYBOOK, "ct102", "file /etc/ssl/root.crt"));
        assertEquals(List.of(PLAYBOOK + "\tct101\tcertificate nginx.internal", PLAYBOOK + "\tct102\tfile /etc/ssl/root.crt"),
                reopened.all());
    }

    @Test
    void done_pendingHandler_isRemovedAndStaysRemovedAfterReopen() {
        Path file = dir.resolve("handlers");
        HandlerStore store = new HandlerStore(file);
        store.markPending(PLAYBOOK, "ct101", "certificate nginx.internal");
        store.markPending(PLAYBOOK, "ct102", "certificate nginx.internal");

        store.done(PLAYBOOK, "ct101", "certificate nginx.internal");

        assertFalse(store.isPending(PLAYBOOK, "ct101", "certificate nginx.internal"));
        HandlerStore reopened = new HandlerStore(file);
        assertFalse(reopened.isPending(PLAYBOOK, "ct101", "certificate nginx.internal"));
        assertTrue(reopened.isPending(PLAYBOOK, "ct102", "certificate nginx.internal"));
    }

    @Test
    void done_lastHandler_leavesEmptyFile() throws IOException {
        Path file = dir.resolve("handlers");
        HandlerStore store = new HandlerStore(file);
        store.markPending(PLAYBOOK, "ct101", "certificate nginx.internal");

        store.done(PLAYBOOK, "ct101", "certificate nginx.internal");

        assertEquals(List.of(), Files.readAllLines(file));
        assertEquals(List.of(), new HandlerStore(file).all());
    }

    @Test
    void done_notPending_doesNotCreateFile() {
        Path file = dir.resolve("handlers");

        new HandlerStore(file).done(PLAYBOOK, "ct101", "certificate nginx.internal");

        assertFalse(Files.exists(file));
    }

    @Test
    void markPending_twice_isStoredOnce() throws IOException {
        Path file = dir.resolve("handlers");
        HandlerStore store = new HandlerStore(file);

        store.markPending(PLAYBOOK, "ct101", "certificate nginx.internal");
        store.markPending(PLAYBOOK, "ct101", "certificate nginx.internal");

        assertEquals(1, Files.readAllLines(file).size());
        assertEquals(1, store.all().size());
    }

    @Test
    void save_missingStateDirectory_isCreated() {
        Path file = dir.resolve("state/pki/handlers");

        new HandlerStore(file).markPending(PLAYBOOK, "ct101", "certificate nginx.internal");

        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void save_manyChanges_leavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("handlers");
        HandlerStore store = new HandlerStore(file);
        for (int i = 0; i < 5; i++) store.markPending(PLAYBOOK, "ct10" + i, "certificate nginx.internal");
        for (int i = 0; i < 3; i++) store.done(PLAYBOOK, "ct10" + i, "certificate nginx.internal");

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("handlers"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void load_blankLines_areIgnored() throws IOException {
        Path file = Files.writeString(dir.resolve("handlers"), "\n" + PLAYBOOK + "\tct101\tcertificate a\n\n  \n");

        assertEquals(List.of(PLAYBOOK + "\tct101\tcertificate a"), new HandlerStore(file).all());
    }

    @Test
    void load_fileIsADirectory_startsEmptyButCannotSave() throws IOException {
        Path file = Files.createDirectory(dir.resolve("handlers"));
        HandlerStore store = new HandlerStore(file);

        assertEquals(List.of(), store.all());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.markPending(PLAYBOOK, "h", "a"));
        assertTrue(e.getMessage().contains("cannot write handler state " + file), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("handlers"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left behind");
        }
    }

    @Test
    void all_returnsCopy_notLiveView() {
        HandlerStore store = new HandlerStore(dir.resolve("handlers"));
        store.markPending(PLAYBOOK, "ct101", "a");

        store.all().clear();

        assertEquals(1, store.all().size());
    }
}

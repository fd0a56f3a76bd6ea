package dev.pki.dsl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * pki's daemon loads a playbook's classes anew on every run. Groovy keeps every class it has seen
 * until told to forget it, so without {@link PlaybookLoader#releaseLoadedPlaybooks()} none of them
 * is ever unloaded (measured in the daemon: 200 runs kept 200 playbook class loaders; with it, one).
 */
class ReleaseLoadedPlaybooksTest {

    @TempDir
    Path dir;

    @Test
    void released_playbookClassesCanBeUnloaded() throws Exception {
        WeakReference<ClassLoader> loader = loadAndRelease("first.groovy");
        // Groovy holds on to what the latest run touched (its last call sites) until the next run.
        loadAndRelease("second.groovy");
        for (int i = 0; i < 20 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertNull(loader.get(), "the first playbook's class loader was collected");
        assertEquals(List.of(), ScriptCache.BytesClassLoader.takeDefined(), "nothing is kept for a second release");
    }

    /** In a method of its own, so no local variable of the test keeps the classes alive. */
    private WeakReference<ClassLoader> loadAndRelease(String name) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "hosts('localhost') { [1, 2].each { n -> n } }\n");
        ScriptCache.BytesClassLoader.takeDefined();   // classes of other tests' playbooks are theirs
        PlaybookLoader.load(file, Map.of());
        List<Class<?>> defined = ScriptCache.BytesClassLoader.takeDefined();
        WeakReference<ClassLoader> loader = new WeakReference<>(defined.get(0).getClassLoader());
        defined.forEach(ScriptCache.BytesClassLoader.DEFINED::add);   // as the load left them
        PlaybookLoader.releaseLoadedPlaybooks();
        return loader;
    }
}

package dev.pki.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * When the local reader's user and group names are kept between reads, and when not. The names
 * are kept in one static field, which any plan in the same JVM replaces: isolated, so these tests
 * stay right if test classes ever run in parallel.
 */
@Isolated
class LocalPathsNamesTest {

    private static final long LONG = 60_000_000_000L;

    @TempDir
    Path dir;

    private Path passwd;
    private Path group;
    private Path file;
    private int uid;

    @BeforeEach
    void files() throws Exception {
        passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");
        group = Files.writeString(dir.resolve("group"), "root:x:0:\n");
        file = Files.writeString(dir.resolve("file"), "x");
        uid = (Integer) Files.getAttribute(file, "unix:uid");
    }

    @Test
    void names_areKeptWhileTheDatabasesAreTheSameFiles() {
        LocalPaths.Names first = LocalPaths.Names.now(passwd, group, LONG);
        String name = first.user(uid, file);

        LocalPaths.Names second = LocalPaths.Names.now(passwd, group, LONG);

        assertSame(first, second);
        assertTrue(second.knowsUser(uid));
        assertEquals(name, second.user(uid, file));
        assertEquals(System.getProperty("user.name"), name);
    }

    @Test
    void aChangedUserDatabase_startsAfresh() throws Exception {
        LocalPaths.Names first = LocalPaths.Names.now(passwd, group, LONG);
        first.user(uid, file);

        Files.writeString(passwd, "alice:x:1000:1000::/home/alice:/bin/sh\n", java.nio.file.StandardOpenOption.APPEND);
        LocalPaths.Names afterUseradd = LocalPaths.Names.now(passwd, group, LONG);

        assertNotSame(first, afterUseradd);
        assertFalse(afterUseradd.knowsUser(uid));
    }

    @Test
    void aReplacedGroupDatabase_startsAfresh() throws Exception {
        LocalPaths.Names first = LocalPaths.Names.now(passwd, group, LONG);
        Path replacement = Files.writeString(dir.resolve("group+"), "root:x:0:\n");

        Files.move(replacement, group, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        assertNotSame(first, LocalPaths.Names.now(passwd, group, LONG));
    }

    @Test
    void namesOlderThanTheLimit_areNotUsed() {
        LocalPaths.Names first = LocalPaths.Names.now(passwd, group, LONG);

        assertNotSame(first, LocalPaths.Names.now(passwd, group, 0));
    }

    @Test
    void anIdThePathNoLongerHas_isSaidAsTheNumber_andNotKept() {
        LocalPaths.Names names = LocalPaths.Names.now(passwd, group, LONG);
        int other = uid + 4242;

        assertEquals(Integer.toString(other), names.user(other, file));
        assertFalse(names.knowsUser(other));
    }
}

package dev.pki.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pki.facts.Fact;
import dev.pki.facts.FactGatherer;
import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The LXC transport against a real running container (the test bed's 101, or
 * {@code -Dpki.it.container=NAME}): atomic writes with owner and mode, facts in one round trip, a
 * clean environment, and an unreachable container reported as such. Skipped without LXC.
 */
@Tag("integration")
class LxcTransportIntegrationTest {

    static final String CONTAINER = System.getProperty("pki.it.container", "101");

    private final LocalTransport host = new LocalTransport();
    private final LxcTransport container = new LxcTransport(host, CONTAINER, "localhost");

    // Per test, not @BeforeAll: surefire then reports the tests as skipped rather than not run.
    @BeforeEach
    void requireRunningContainer() {
        dev.pki.testbed.TestBed.ensureUp();
        assumeTrue(running(CONTAINER), "no running LXC container " + CONTAINER + " (run scripts/testbed up)");
    }

    /** Whether lxc-ls exists and the container is RUNNING. */
    static boolean running(String name) {
        LocalTransport local = new LocalTransport();
        if (!local.exec(Command.of("sh", "-c", "command -v lxc-ls")).ok()) return false;
        ExecResult state = local.exec(Command.of("lxc-info", "-n", name, "-sH"));
        return state.ok() && state.out().strip().equals("RUNNING");
    }

    @Test
    void write_thenGatherFacts_roundTripsOnceAndKeepsOwnerAndMode() {
        String path = "/tmp/pki-it-" + UUID.randomUUID() + ".key";
        byte[] content = "-----BEGIN PRIVATE KEY-----\nnot a real key\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.UTF_8);
        Remote remote = new Remote(container);
        try {
            remote.write(path, content, new FileAttrs("nobody", "nogroup", "0640"));

            int before = container.roundTrips();
            Set<Fact> wanted = new LinkedHashSet<>(List.of(Fact.content(path), Fact.path("/etc/os-release"), Fact.command("id", "-un")));
            FactSet facts = FactGatherer.gather(container, wanted);

            assertEquals(before + 1, container.roundTrips());
            PathState state = facts.path(path);
            assertArrayEquals(content, state.content());
            assertEquals("0640", state.mode());
            assertEquals("nobody", state.owner());
            assertEquals("nogroup", state.group());
            assertEquals("root\n", facts.command(new Fact.CommandFact(List.of("id", "-un"))).out());
            // The file is inside the container, not on the host.
            assertTrue(!new java.io.File(path).exists());
        } finally {
            remote.run("remove " + path, Command.of("rm", "-f", "--", path));
        }
    }

    @Test
    void write_overExistingFile_replacesItAtomically() {
        String path = "/tmp/pki-it-" + UUID.randomUUID() + ".crt";
        Remote remote = new Remote(container);
        try {
            remote.write(path, "old and longer\n".getBytes(StandardCharsets.UTF_8), new FileAttrs("", "", "0600"));
            remote.write(path, "new\n".getBytes(StandardCharsets.UTF_8), new FileAttrs("root", "root", "0644"));

            ExecResult listing = remote.run("list", Command.of("sh", "-c", "cat \"$1\"; stat -c '%a %U' \"$1\"; ls -a /tmp | grep -c '^\\.pki-' || true", "sh", path));
            assertEquals("new\n644 root\n0\n", listing.out());
        } finally {
            remote.run("remove " + path, Command.of("rm", "-f", "--", path));
        }
    }

    @Test
    void exec_environment_isClean() {
        ExecResult env = container.exec(Command.of("env"));

        Set<String> names = new java.util.TreeSet<>();
        env.out().lines().forEach(l -> names.add(l.substring(0, l.indexOf('='))));
        names.remove("PWD"); // set by lxc-attach from the working directory
        assertEquals(Set.of("HOME", "PATH", "container"), names, env.out());
    }

    @Test
    void exec_containerThatDoesNotExist_isUnreachableWithLxcAttachsReason() {
        LxcTransport missing = new LxcTransport(host, "pki-it-no-such-container", "localhost");

        TransportException e = assertThrows(TransportException.class, () -> missing.exec(Command.of("true")));

        assertTrue(e.unreachable());
        assertEquals("lxc pki-it-no-such-container via localhost: container pki-it-no-such-container is not running or does not exist"
                + " (lxc-attach: Failed to get init pid)", e.getMessage());
    }

    @Test
    void exec_programMissingInContainer_isAFailedCommand() {
        ExecResult r = container.exec(Command.of("pki-no-such-program"));

        assertEquals(127, r.exitCode());
    }
}

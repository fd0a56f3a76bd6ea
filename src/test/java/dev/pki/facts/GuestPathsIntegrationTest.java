package dev.pki.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pki.testbed.TestBed;
import dev.pki.transport.Command;
import dev.pki.transport.ExecResult;
import dev.pki.transport.LocalTransport;
import dev.pki.transport.LxcInit;
import dev.pki.transport.LxcTransport;
import dev.pki.transport.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The in-process reader of a local container's paths against the script run in the container
 * (the truth), on the test bed's CT 101: the same answers for files, directories, modes, owners,
 * links (relative, absolute, through {@code ..} above the root) and programs; links never lead
 * out of the container; and a read it cannot answer exactly goes back to the script.
 */
@Tag("integration")
class GuestPathsIntegrationTest {

    static final String CONTAINER = "101";
    private final LocalTransport host = new LocalTransport();
    private final LxcTransport container = new LxcTransport(host, CONTAINER, "localhost");
    /** The same container, but not recognisable as one: the gatherer runs its script through it. */
    private final Transport scriptOnly = new Transport() {
        @Override
        public ExecResult exec(Command command) {
            return container.exec(command);
        }

        @Override
        public int roundTrips() {
            return container.roundTrips();
        }

        @Override
        public String describe() {
            return container.describe();
        }
    };
    private final String dir = "/tmp/pki-guestpaths-" + UUID.randomUUID();

    @BeforeEach
    void requireRunningContainer() {
        TestBed.ensureUp();
        assumeTrue(TestBed.run("lxc-info", "-n", CONTAINER, "-sH").output().strip().equals("RUNNING"), "CT " + CONTAINER + " is not running");
    }

    @AfterEach
    void cleanUp() throws IOException {
        TestBed.attach(CONTAINER, "rm", "-rf", "--", dir);
        TestBed.run("rm", "-rf", "--", dir);
    }

    private void inGuest(String script) {
        TestBed.Result r = TestBed.attach(CONTAINER, "sh", "-euc", script, "sh", dir);
        assertEquals(0, r.exitCode(), r.output());
    }

    private LxcInit.Hint hint() {
        return container.localInit().orElseThrow(() -> new AssertionError("CT " + CONTAINER + "'s init not found"));
    }

    @Test
    void answers_asTheScriptInTheContainerDoes() throws Exception {
        inGuest("""
                d=$1; mkdir -p "$d/sub"; printf 'guest\\n' > "$d/file"; chown nobody:nogroup "$d/file"; chmod 4750 "$d/file"
                ln -s file "$d/relative"; ln -s "$d/file" "$d/absolute"; ln -s ../../../../../../etc/hostname "$d/above-root"
                ln -s sub "$d/dirlink"; printf 'in sub\\n' > "$d/sub/x"; ln -s relative "$d/chain"; mkfifo "$d/fifo"
                """);
        Map<String, Boolean> paths = new LinkedHashMap<>();
        for (String p : List.of("/etc/os-release", "/etc/passwd", "/usr/local/share/ca-certificates", "/etc/ssl/certs/ca-certificates.crt",
                dir + "/file", dir + "/relative", dir + "/absolute", dir + "/above-root", dir + "/dirlink/x", dir + "/chain",
                dir + "/sub", dir + "/fifo", dir + "/missing", dir + "/file/below-a-file", dir + "/sub/../file", "/etc/../etc/./hostname")) {
            paths.put(p, !p.endsWith("/sub") && !p.endsWith("certificates"));
        }
        Set<Fact> wanted = new LinkedHashSet<>();
        paths.forEach((p, content) -> wanted.add(new Fact.PathFact(p, content)));
        Fact.ProgramFact programs = Fact.programs("update-ca-certificates", "sh", "pki-no-such-program");
        wanted.add(programs);

        FactSet truth = FactGatherer.gather(scriptOnly, wanted);
        Map<Fact, Object> inProcess = GuestPaths.readOrExplain(hint(), paths, List.of(programs),
                List.of((LxcTransport.PATH + ":" + Fact.ProgramFact.SBIN).split(":")));

        for (String p : paths.keySet()) {
            PathState expected = truth.path(p);
            PathState actual = (PathState) inProcess.get(new Fact.PathFact(p, paths.get(p)));
            String why = p + ": " + expected + " / " + actual;
            assertEquals(expected.kind(), actual.kind(), why);
            assertEquals(expected.mode(), actual.mode(), why);
            assertEquals(expected.owner(), actual.owner(), why);
            assertEquals(expected.group(), actual.group(), why);
            assertEquals(expected.uid(), actual.uid(), why);
            assertEquals(expected.gid(), actual.gid(), why);
            assertEquals(expected.readable(), actual.readable(), why);
            assertArrayEquals(expected.content(), actual.content(), why);
        }
        assertEquals(truth.programs(programs), inProcess.get(programs));
        // The cases are what they are meant to be (the script being the truth).
        assertEquals(PathState.Kind.ABSENT, truth.path(dir + "/missing").kind());
        assertEquals(PathState.Kind.ABSENT, truth.path(dir + "/file/below-a-file").kind());
        assertEquals(PathState.Kind.OTHER, truth.path(dir + "/fifo").kind());
        assertEquals("4750", truth.path(dir + "/file").mode());
        assertEquals("nobody", truth.path(dir + "/absolute").owner());
        assertTrue(truth.programs(programs).containsKey("update-ca-certificates"));
    }

    @Test
    void links_resolveInsideTheContainer_neverOnTheHost() throws Exception {
        // The same absolute path on the host and in the guest, with different contents.
        Files.createDirectories(Path.of(dir));
        Files.writeString(Path.of(dir, "target"), "host\n");
        inGuest("d=$1; mkdir -p \"$d\"; printf 'guest\\n' > \"$d/target\"; ln -s \"$d/target\" \"$d/link\"; ln -s .. \"$d/up\"");
        Map<String, Boolean> paths = Map.of(dir + "/link", true, dir + "/up/" + dir.substring(5) + "/target", true);
        Map<Fact, Object> read = GuestPaths.readOrExplain(hint(), paths, List.of(), List.of());
        for (String p : paths.keySet()) {
            assertEquals("guest\n", ((PathState) read.get(new Fact.PathFact(p, true))).text().orElseThrow(), p);
        }
    }

    @Test
    void gather_readsALocalContainerInProcess() {
        inGuest("d=$1; mkdir -p \"$d\"; printf 'x' > \"$d/f\"");
        int hostCommands = host.roundTrips();
        int before = container.roundTrips();
        FactSet facts = FactGatherer.gather(container, Set.of(Fact.content(dir + "/f"), Fact.programs("sh")));
        assertEquals("x", facts.path(dir + "/f").text().orElseThrow());
        assertEquals(before + 1, container.roundTrips(), "counted as one round trip");
        // Counted on the host as a command through it would be (per-host figures subtract it).
        assertEquals(hostCommands + 1, host.roundTrips());
    }

    /** A container transport that cannot run anything: the gatherer must read it in-process. */
    private final class NoCommands implements Transport, dev.pki.transport.LocalContainer {
        int counted;

        @Override
        public ExecResult exec(Command command) {
            throw new AssertionError("ran " + command.argv() + " in the container");
        }

        @Override
        public java.util.Optional<LxcInit.Hint> localInit() {
            return container.localInit();
        }

        @Override
        public void countRoundTrip() {
            counted++;
        }

        @Override
        public int roundTrips() {
            return counted;
        }

        @Override
        public String describe() {
            return "no commands";
        }
    }

    @Test
    void gather_runsNothingInALocalContainer_forPathsAndPrograms() {
        inGuest("d=$1; mkdir -p \"$d\"; printf 'y' > \"$d/f\"");
        NoCommands guest = new NoCommands();
        Fact.ProgramFact sh = Fact.programs("sh");
        FactSet facts = FactGatherer.gather(guest, Set.of(Fact.content(dir + "/f"), Fact.path("/etc"), sh));
        assertEquals("y", facts.path(dir + "/f").text().orElseThrow());
        assertTrue(facts.path("/etc").isDirectory());
        assertTrue(facts.programs(sh).containsKey("sh"));
        assertEquals(1, guest.roundTrips());
    }

    @Test
    void whatItCannotAnswerExactly_goesBackToTheScript() {
        inGuest("d=$1; mkdir -p \"$d\"; touch \"$d/unnamed\"; chown 54321:54321 \"$d/unnamed\"; ln -s nowhere \"$d/dangling\"");
        for (String p : List.of(dir + "/unnamed", dir + "/dangling", "/proc/self/status", "/dev/null")) {
            assertThrows(GuestPaths.Unusual.class, () -> GuestPaths.readOrExplain(hint(), Map.of(p, false), List.of(), List.of()), p);
        }
        // ... and the gatherer then answers through the script, as before.
        int hostCommands = host.roundTrips();
        FactSet facts = FactGatherer.gather(container, Set.of(Fact.path(dir + "/unnamed")));
        assertEquals("54321", facts.path(dir + "/unnamed").owner());
        assertEquals(hostCommands + 1, host.roundTrips(), "lxc-attach ran");
    }

    @Test
    void aHintForAnotherProcess_isRefused() {
        LxcInit.Hint real = hint();
        LxcInit.Hint stale = new LxcInit.Hint(real.monitor() + 1_000_000, real.init());
        assertThrows(GuestPaths.Unusual.class, () -> GuestPaths.readOrExplain(stale, Map.of("/etc/hostname", true), List.of(), List.of()));
        LxcInit.Hint self = new LxcInit.Hint(real.monitor(), ProcessHandle.current().pid());
        assertThrows(GuestPaths.Unusual.class, () -> GuestPaths.readOrExplain(self, Map.of("/etc/hostname", true), List.of(), List.of()));
        assertFalse(LxcInit.find("pki-no-such-container").isPresent());
    }

    /**
     * A container still starting: its first process has its own PID namespace and the monitor as
     * parent, but still this machine's root. unshare plays the monitor, sleep the process.
     */
    @Test
    void aProcessWithThisMachinesRoot_isRefused() throws Exception {
        Process unshare = new ProcessBuilder("unshare", "--pid", "--fork", "sleep", "30").start();
        try {
            long child = 0;
            for (int i = 0; i < 100 && child == 0; i++) {
                child = unshare.children().mapToLong(ProcessHandle::pid).findFirst().orElse(0);
                if (child == 0) Thread.sleep(20);
            }
            assertTrue(child > 0, "unshare started no child");
            LxcInit.Hint starting = new LxcInit.Hint(unshare.pid(), child);
            String status = Files.readString(Path.of("/proc", Long.toString(child), "status"));
            assertTrue(status.matches("(?s).*NSpid:\\s+" + child + "\\s+1\\s.*"), status);   // the other checks pass
            GuestPaths.Unusual e = assertThrows(GuestPaths.Unusual.class, () -> GuestPaths.readOrExplain(
                    starting, Map.of("/etc/hostname", true), List.of(), List.of()));
            assertTrue(e.getMessage().contains("not running yet"), e.getMessage());
        } finally {
            unshare.descendants().forEach(ProcessHandle::destroy);
            unshare.destroy();
        }
    }

    @Test
    void content_isNeverTheHostsForTheGuestsPath() throws Exception {
        // /etc/hostname differs between host and guest on the bed: the in-process read says the guest's.
        String guest = TestBed.attach(CONTAINER, "cat", "/etc/hostname").output();
        PathState read = (PathState) GuestPaths.readOrExplain(hint(), Map.of("/etc/hostname", true), List.of(), List.of())
                .get(Fact.content("/etc/hostname"));
        assertEquals(guest, new String(read.content(), StandardCharsets.UTF_8));
    }
}

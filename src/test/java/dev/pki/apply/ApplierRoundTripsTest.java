package dev.pki.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.model.Address;
import dev.pki.plan.Action;
import dev.pki.plan.Change;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.PlanContext;
import dev.pki.resource.Play;
import dev.pki.resource.Resource;
import dev.pki.transport.FileAttrs;
import java.util.Set;
import dev.pki.diag.Diagnostics;
import dev.pki.dsl.PlaybookLoader;
import dev.pki.engine.Connections;
import dev.pki.engine.Engine;
import dev.pki.engine.Targets;
import dev.pki.inventory.Inventory;
import dev.pki.inventory.InventoryLoader;
import dev.pki.plan.Target;
import dev.pki.resource.Playbook;
import dev.pki.transport.ShellHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trips of apply on a host reached through a shell (as SSH and container hosts are): a
 * step's file operations go with its verification read, and apply starts from the plan's facts
 * while nothing has changed.
 */
class ApplierRoundTripsTest {

    @TempDir
    Path dir;

    private final ShellHost host = new ShellHost();

    private List<Target> targets(String playbook) throws Exception {
        Path inv = Files.writeString(dir.resolve("inventory.yml"), "all:\n  hosts:\n    h: { connection: local }\n");
        Path pb = Files.writeString(dir.resolve("playbook.groovy"), playbook);
        Inventory inventory = InventoryLoader.load(List.of(inv), Map.of());
        Playbook loaded = PlaybookLoader.load(pb, inventory.globalVars(), inventory);
        return Targets.expand(loaded, inventory, null, false, new Diagnostics());
    }

    /** Plans (one round trip), then applies; {@code reuse} passes the plan's facts read at {@code readAt}. */
    private Map<String, HostRecap> planAndApply(List<Target> targets, boolean reuse, Instant readAt) throws Exception {
        Connections connections = new Connections(InventoryLoader.load(List.of(dir.resolve("inventory.yml")), Map.of())).with("h", host);
        Clock clock = Clock.systemUTC();
        Engine.Gathered gathered = new Engine(connections, clock, 1).gather(targets);
        assertEquals(1, host.roundTrips(), "the plan reads the host once");
        Applier applier = new Applier(connections, clock, 1, new HandlerStore(dir.resolve("handlers")), "playbook.groovy", new ApplyListener() { });
        if (reuse) applier.startingFrom(gathered.facts(), readAt);
        return applier.apply(targets);
    }

    private String files() {
        return "hosts('h') {\n  directory('" + dir.resolve("d") + "') { mode '0700' }\n"
                + "  file('" + dir.resolve("d/key") + "') { content 'secret'; mode '0600' }\n}\n";
    }

    @Test
    void eachChangedStep_isOneRoundTrip_withItsVerification_whenApplyStartsFromThePlansFacts() throws Exception {
        Map<String, HostRecap> recap = planAndApply(targets(files()), true, Instant.now());

        assertFalse(recap.get("h").hasFailed(), recap.toString());
        assertEquals(3, host.roundTrips(), "plan read, then per step: its file operations and its verification read together");
        assertEquals("secret", Files.readString(dir.resolve("d/key")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("d/key"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("d"))));
    }

    @Test
    void withoutThePlansFacts_applyReadsTheHostFirst() throws Exception {
        planAndApply(targets(files()), false, null);

        assertEquals(4, host.roundTrips());
    }

    @Test
    void plansFactsOlderThanTheLimit_areReadAgain() throws Exception {
        planAndApply(targets(files()), true, Instant.now().minus(Applier.PLANNED_FACTS_TTL).minus(Duration.ofSeconds(1)));

        assertEquals(4, host.roundTrips());
    }

    @Test
    void afterAChange_laterPlaysReadTheHostAgain() throws Exception {
        String playbook = "hosts('h') { directory('" + dir.resolve("a") + "') }\nhosts('h') { directory('" + dir.resolve("b") + "') }\n";

        planAndApply(targets(playbook), true, Instant.now());

        assertEquals(4, host.roundTrips(), "plan; play 1: mkdir + verify; play 2: read again, mkdir + verify");
        assertTrue(Files.isDirectory(dir.resolve("b")));
    }

    @Test
    void nothingToChange_isNoRoundTripInApply() throws Exception {
        planAndApply(targets(files()), true, Instant.now());
        host.received.clear();

        planAndApply(targets(files()), true, Instant.now());

        assertEquals(1, host.roundTrips(), "only the plan's read");
    }

    /** A step that queues a file and then fails: what it queued still runs, as it would have without batching. */
    @Test
    void aStepThatFailsAfterQueueingAWrite_stillHasThatWriteDone() throws Exception {
        Path written = dir.resolve("written-before-failing");
        Resource failing = new Resource() {
            @Override
            public Address address() {
                return new Address("test", "fails-after-writing");
            }

            @Override
            public SourceLocation location() {
                return SourceLocation.UNKNOWN;
            }

            @Override
            public Set<Fact> facts() {
                return Set.of();
            }

            @Override
            public Change plan(FactSet facts, PlanContext context) {
                return Change.of(Action.CREATE, "always", List.of());
            }

            @Override
            public void apply(FactSet facts, Change change, ApplyContext context) {
                context.remote().write(written.toString(), "queued".getBytes(), new FileAttrs("", "", "0600"));
                throw new PkiException(SourceLocation.UNKNOWN, "failed after queueing a write");
            }
        };
        Files.writeString(dir.resolve("inventory.yml"), "all:\n  hosts:\n    h: { connection: local }\n");
        Play play = new Play("h", Map.of(), Map.of("h", List.of(failing)), List.of(failing), SourceLocation.UNKNOWN);
        Connections connections = new Connections(InventoryLoader.load(List.of(dir.resolve("inventory.yml")), Map.of())).with("h", host);
        Applier applier = new Applier(connections, Clock.systemUTC(), 1, new HandlerStore(dir.resolve("handlers")), "playbook.groovy",
                new ApplyListener() { });

        Map<String, HostRecap> recap = applier.apply(List.of(new Target(play, List.of("h"))));

        assertTrue(recap.get("h").hasFailed(), recap.toString());
        assertTrue(recap.get("h").message().contains("failed after queueing a write"), recap.get("h").message());
        assertEquals("queued", Files.readString(written), "the queued write ran although the step failed");
        assertEquals(1, host.roundTrips(), "no facts to read: one round trip, the queued write on its own");
    }
}

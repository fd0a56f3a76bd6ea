package dev.pki.resource.zfs;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.facts.CommandOutput;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.model.Address;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.Outputs;
import dev.pki.resource.PlanContext;
import dev.pki.transport.Command;
import dev.pki.transport.ExecResult;
import dev.pki.transport.Remote;
import dev.pki.transport.Transport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** zfsDataset as data: declared settings + canned {@code zpool list} / {@code zfs get} output → change and commands. */
class ZfsDatasetResourceTest {

    private static final String NAME = "quickOS/lxc-persistent-data";
    private static final String MNT = "/mnt/pve/quickOS/lxc-persistent-data";
    /** The pool's root as zfs-fuse 0.7 prints it with {@code zfs get -H -p -o name,property,value,source all quickOS}. */
    private static final String POOL_ROOT = rows("quickOS", "type\tfilesystem\t-", "creation\t1795393185\t-",
            "used\t360448\t-", "available\t1031438336\t-", "referenced\t114688\t-", "compressratio\t1.00x\t-",
            "mounted\tyes\t-", "quota\t0\tdefault", "reservation\t0\tdefault", "recordsize\t131072\tdefault",
            "mountpoint\t/quickOS\tdefault", "sharenfs\toff\tdefault", "checksum\ton\tdefault", "compression\toff\tdefault",
            "atime\ton\tdefault", "devices\ton\tdefault", "exec\ton\tdefault", "setuid\ton\tdefault", "readonly\toff\tdefault",
            "zoned\toff\tdefault", "snapdir\thidden\tdefault", "canmount\ton\tdefault", "xattr\ton\tdefault",
            "copies\t1\tdefault", "version\t4\t-", "refquota\t0\tdefault", "refreservation\t0\tdefault",
            "primarycache\tall\tdefault", "secondarycache\tall\tdefault", "logbias\tlatency\tdefault", "dedup\toff\tdefault");

    private static ZfsDatasetResource dataset(String mountpoint, Map<String, String> props, boolean absent) {
        return new ZfsDatasetResource(new Address("zfsDataset", NAME), SourceLocation.UNKNOWN, NAME, mountpoint, props, absent);
    }

    private static ZfsDatasetResource compressionOn() {
        return dataset(MNT, Map.of("compression", "on"), false);
    }

    private static String rows(String dataset, String... lines) {
        StringBuilder out = new StringBuilder();
        for (String l : lines) out.append(dataset).append('\t').append(l).append('\n');
        return out.toString();
    }

    private static FactSet facts(String pools, String properties, int zfsExit, String zfsErr) {
        Map<Fact, Object> answers = new HashMap<>();
        answers.put(ZfsFacts.pools(), new CommandOutput(0, pools.getBytes(StandardCharsets.UTF_8), new byte[0]));
        answers.put(ZfsFacts.properties(NAME), new CommandOutput(zfsExit, properties.getBytes(StandardCharsets.UTF_8),
                zfsErr.getBytes(StandardCharsets.UTF_8)));
        return new FactSet(answers);
    }

    private static FactSet missingDataset() {
        return facts("quickOS\n", POOL_ROOT, 1, "cannot open '" + NAME + "': dataset does not exist\n");
    }

    private static FactSet existing(String... lines) {
        return facts("quickOS\n", POOL_ROOT + rows(NAME, lines), 0, "");
    }

    private static PlanContext context() {
        return new PlanContext("pve", Clock.systemUTC(), new Outputs());
    }

    @Test
    void facts_areOneZpoolListAndOneZfsGetOfPoolAndDataset() {
        assertEquals(2, compressionOn().facts().size());
        assertEquals(List.of("zfs", "get", "-H", "-p", "-o", "name,property,value,source", "all", "quickOS", NAME),
                ZfsFacts.properties(NAME).argv());
        assertEquals(List.of("zfs", "get", "-H", "-p", "-o", "name,property,value,source", "all", "quickOS"),
                ZfsFacts.properties("quickOS").argv());
    }

    @Test
    void plan_missingDataset_isCreateWithMountpointAndProperties_andSimulatesTheMountpoint() {
        PlanContext ctx = context();
        Change c = compressionOn().plan(missingDataset(), ctx);
        assertEquals(Action.CREATE, c.action());
        assertEquals(List.of(AttributeChange.set("mountpoint", MNT), AttributeChange.set("compression", "on")), c.attributes());
        // A directory under the new mountpoint is then planned against an existing directory, not an error.
        assertTrue(ctx.path(missingDataset(), MNT).isDirectory());
    }

    @Test
    void createCommand_isZfsCreateWithParentsAndOptions() {
        var props = new LinkedHashMap<String, String>();
        props.put("compression", "gzip-9");
        props.put("pki:owner", "phoenix");
        assertEquals(List.of("zfs", "create", "-p", "-o", "mountpoint=" + MNT, "-o", "compression=gzip-9", "-o", "pki:owner=phoenix", NAME),
                dataset(MNT, props, false).createCommand());
        assertEquals(List.of("zfs", "create", "-p", NAME), dataset(null, Map.of(), false).createCommand());
    }

    @Test
    void plan_differentProperty_isUpdateListingOnlyTheDifference() {
        Change c = dataset(MNT, new LinkedHashMap<>(Map.of("compression", "on")), false)
                .plan(existing("mountpoint\t" + MNT + "\tlocal", "compression\toff\tdefault", "atime\ton\tdefault"), context());
        assertEquals(Action.UPDATE, c.action());
        assertEquals("compression off → on", c.reason());
        assertEquals(List.of(AttributeChange.of("compression", "off", "on")), c.attributes());
    }

    @Test
    void plan_differentMountpoint_isUpdate() {
        Change c = compressionOn().plan(existing("mountpoint\t/quickOS/lxc-persistent-data\tdefault", "compression\ton\tlocal"), context());
        assertEquals(List.of(AttributeChange.of("mountpoint", "/quickOS/lxc-persistent-data", MNT)), c.attributes());
    }

    @Test
    void plan_valuesAsZfsNormalizesThem_isNoop() {
        var props = new LinkedHashMap<String, String>();
        props.put("compression", "gzip-6");   // reads back as gzip
        props.put("quota", "1536M");          // reads back in bytes with -p
        props.put("reservation", "none");     // reads back as 0
        props.put("recordsize", "64K");
        Change c = dataset(MNT + "/", props, false).plan(existing("mountpoint\t" + MNT + "\tlocal", "compression\tgzip\tlocal",
                "quota\t1610612736\tlocal", "reservation\t0\tdefault", "recordsize\t65536\tlocal"), context());
        assertEquals(Action.NOOP, c.action(), c.reason());
    }

    @Test
    void plan_unsetUserProperty_showsOnlyTheNewValue() {
        Change c = dataset(null, Map.of("pki:note", "hello"), false).plan(existing("compression\toff\tdefault"), context());
        assertEquals(List.of(AttributeChange.set("pki:note", "hello")), c.attributes());
        assertEquals("pki:note (unset) → hello", c.reason());
    }

    @Test
    void plan_missingPool_failsNamingThePool() {
        var e = assertThrows(PkiException.class, () -> compressionOn().plan(facts("rpool\n", "", 1, "dataset does not exist"), context()));
        assertTrue(e.getMessage().contains("pool 'quickOS' does not exist on pve; create it first (zpool create quickOS"), e.getMessage());
    }

    @Test
    void plan_zfsNotInstalled_failsSayingSo() {
        Map<Fact, Object> answers = Map.of(ZfsFacts.pools(), new CommandOutput(127, new byte[0], "sh: 1: zpool: not found".getBytes()),
                ZfsFacts.properties(NAME), new CommandOutput(127, new byte[0], new byte[0]));
        var e = assertThrows(PkiException.class, () -> compressionOn().plan(new FactSet(answers), context()));
        assertTrue(e.getMessage().contains("zpool is not installed on pve"), e.getMessage());
    }

    @Test
    void plan_misspeltProperty_failsWithSuggestion() {
        var e = assertThrows(PkiException.class, () -> dataset(MNT, Map.of("compresion", "on"), false).plan(missingDataset(), context()));
        assertTrue(e.getMessage().contains("unknown ZFS property 'compresion'"), e.getMessage());
        assertEquals("Did you mean \"compression\"?", e.diagnostics().get(0).suggestion());
    }

    @Test
    void plan_absentWithForce_isLoudDelete_orNoopWhenAlreadyGone() {
        Change c = dataset(null, Map.of(), true).plan(existing("mountpoint\t" + MNT + "\tlocal", "used\t4096\t-"), context());
        assertEquals(Action.DELETE, c.action());
        assertTrue(c.warning().contains("destroys dataset " + NAME + " and all its data"), c.warning());
        assertEquals(Action.NOOP, dataset(null, Map.of(), true).plan(missingDataset(), context()).action());
        assertEquals(Action.NOOP, dataset(null, Map.of(), true).plan(facts("", "", 1, "does not exist"), context()).action());
    }

    @Test
    void apply_runsZfsCreateSetAndDestroyAsArgv() {
        List<List<String>> ran = new ArrayList<>();
        ApplyContext ctx = new ApplyContext("pve", Clock.systemUTC(), new Outputs(), new Remote(recording(ran)));
        var update = dataset(MNT, Map.of("compression", "on"), false);
        update.apply(null, update.plan(existing("mountpoint\t" + MNT + "\tlocal", "compression\toff\tdefault"), context()), ctx);
        var destroy = dataset(null, Map.of(), true);
        destroy.apply(null, destroy.plan(existing("mountpoint\t" + MNT + "\tlocal"), context()), ctx);
        compressionOn().apply(null, compressionOn().plan(missingDataset(), context()), ctx);
        assertEquals(List.of(List.of("zfs", "set", "compression=on", NAME), List.of("zfs", "destroy", "-r", NAME),
                List.of("zfs", "create", "-p", "-o", "mountpoint=" + MNT, "-o", "compression=on", NAME)), ran);
    }

    static Transport recording(List<List<String>> ran) {
        return new Transport() {
            @Override
            public ExecResult exec(Command command) {
                ran.add(command.argv());
                return new ExecResult(0, new byte[0], new byte[0]);
            }

            @Override
            public int roundTrips() {
                return ran.size();
            }

            @Override
            public String describe() {
                return "recording";
            }
        };
    }
}

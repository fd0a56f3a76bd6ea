package dev.pki.resource.container;

import static dev.pki.resource.container.Facts.DST;
import static dev.pki.resource.container.Facts.SRC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pki.diag.PkiException;
import dev.pki.facts.PathState;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Planning for Proxmox VE: canned {@code pct config} / {@code pct status} output in, pct commands out. */
class ContainerPctPlanTest {

    static final String CONFIG = """
            arch: amd64
            cores: 2
            hostname: ca
            memory: 512
            mp0: local-lvm:vm-103-disk-1,mp=/data,size=8G
            mp1: /mnt/pve/quickOS/media,mp=/media,ro=1
            net0: name=eth0,bridge=vmbr0,firewall=1,hwaddr=BC:24:11:5E:2D:9A,ip=dhcp,type=veth
            ostype: debian
            rootfs: local-lvm:vm-103-disk-0,size=8G
            unprivileged: 1
            """;
    static final String OTHER = "/mnt/pve/quickOS/lxc-persistent-data/103/step";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("new mount takes the lowest free N; running → reboot", CONFIG, "running", true,
                        List.of(new BindMount(SRC, DST)),
                        List.of(List.of("pct", "set", "103", "-mp2", SRC + ",mp=" + DST), List.of("pct", "reboot", "103"))),
                Arguments.of("restart false: only pct set", CONFIG, "running", false,
                        List.of(new BindMount(SRC, DST)),
                        List.of(List.of("pct", "set", "103", "-mp2", SRC + ",mp=" + DST))),
                Arguments.of("stopped: no reboot", CONFIG, "stopped", true,
                        List.of(new BindMount(SRC, DST)),
                        List.of(List.of("pct", "set", "103", "-mp2", SRC + ",mp=" + DST))),
                Arguments.of("gaps are filled in playbook order", "mp0: /a,mp=/a\nmp2: /b,mp=/b\n", "stopped", true,
                        List.of(new BindMount(SRC, DST), new BindMount(OTHER, "/etc/step")),
                        List.of(List.of("pct", "set", "103", "-mp1", SRC + ",mp=" + DST),
                                List.of("pct", "set", "103", "-mp3", OTHER + ",mp=/etc/step"))),
                Arguments.of("an existing mp at our target is ours: same N, options kept", CONFIG + "mp7: /old/ssl,mp=/etc/step-ca/ssl/,ro=1,backup=0\n",
                        "stopped", true, List.of(new BindMount(SRC, DST)),
                        List.of(List.of("pct", "set", "103", "-mp7", SRC + ",mp=" + DST + ",ro=1,backup=0"))),
                Arguments.of("snapshot sections are not the current config", CONFIG + "\n[before-upgrade]\nmp2: /x,mp=/x\n", "stopped", true,
                        List.of(new BindMount(SRC, DST)),
                        List.of(List.of("pct", "set", "103", "-mp2", SRC + ",mp=" + DST))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plan_pctConfig_givesCommands(String what, String config, String status, boolean restart, List<BindMount> mounts, List<List<String>> expected) {
        Facts facts = Facts.host().path(OTHER, PathState.directory("0755", "root", "root")).pct("103", config, status);

        Change c = Facts.resource("103", Platform.PCT, restart, false, mounts.toArray(BindMount[]::new)).plan(facts.build(), Facts.context());

        assertEquals(Action.UPDATE, c.action());
        assertEquals(expected, Facts.commands(c));
        assertNull(Facts.config(c));
    }

    @Test
    void plan_newMountOnRunningContainer_showsMountAndRestartWarning() {
        Change c = Facts.resource("103", Platform.PCT, true, false, new BindMount(SRC, DST))
                .plan(Facts.host().pct("103", CONFIG, "running").build(), Facts.context());

        assertEquals(List.of(AttributeChange.of("mount /etc/step-ca/ssl", "(none)", SRC)), c.attributes());
        assertEquals("container 103 is running and will be restarted", c.warning());
    }

    @Test
    void plan_changedSource_showsBeforeAndAfter() {
        Change c = Facts.resource("103", Platform.PCT, true, false, new BindMount(SRC, DST))
                .plan(Facts.host().pct("103", "mp0: /old/ssl,mp=/etc/step-ca/ssl\n", "stopped").build(), Facts.context());

        assertEquals(List.of(AttributeChange.of("mount /etc/step-ca/ssl", "/old/ssl", SRC)), c.attributes());
        assertEquals("mount /etc/step-ca/ssl changed", c.reason());
    }

    @Test
    void plan_mountPresent_isNoChange() {
        Change c = Facts.resource("103", Platform.PCT, true, true, new BindMount(SRC, DST))
                .plan(Facts.host().pct("103", CONFIG + "mp2: " + SRC + ",mp=" + DST + "\n", "running").build(), Facts.context());

        assertEquals(Action.NOOP, c.action());
    }

    @Test
    void plan_stoppedAndEnsureRunning_startsIt() {
        Change c = Facts.resource("103", Platform.PCT, true, true).plan(Facts.host().pct("103", CONFIG, "stopped").build(), Facts.context());

        assertEquals("stopped → running", c.reason());
        assertEquals(List.of(List.of("pct", "start", "103")), Facts.commands(c));
    }

    @Test
    void plan_storageVolumeAtOurTarget_isNeverClobbered() {
        PkiException e = assertThrows(PkiException.class, () -> Facts.resource("103", Platform.PCT, true, false, new BindMount(SRC, "/data"))
                .plan(Facts.host().pct("103", CONFIG, "running").build(), Facts.context()));

        assertEquals("mp0 of container 103 mounts the storage volume local-lvm:vm-103-disk-1 at /data; pki manages only bind mounts (host paths) (on pve)",
                e.diagnostics().get(0).summary());
    }

    @Test
    void plan_allMountPointsUsed_isAnError() {
        StringBuilder full = new StringBuilder();
        for (int n = 0; n < 256; n++) full.append("mp").append(n).append(": /x").append(n).append(",mp=/x").append(n).append('\n');

        PkiException e = assertThrows(PkiException.class, () -> Facts.resource("103", Platform.PCT, true, false, new BindMount(SRC, DST))
                .plan(Facts.host().pct("103", full.toString(), "running").build(), Facts.context()));

        assertEquals("container 103 has no free mount point (mp0..mp255 are all used) (on pve)", e.diagnostics().get(0).summary());
    }

    @Test
    void plan_containerDoesNotExist_namesContainerAndHost() {
        Facts facts = Facts.host().command(List.of("pct", "config", "104"), 2, "", "Configuration file 'nodes/pve/lxc/104.conf' does not exist\n")
                .command(List.of("pct", "status", "104"), 2, "", "Configuration file 'nodes/pve/lxc/104.conf' does not exist\n");

        PkiException e = assertThrows(PkiException.class, () -> Facts.resource("104", Platform.PCT, true, false).plan(facts.build(), Facts.context()));

        assertEquals("container 104 does not exist on pve (pct: Configuration file 'nodes/pve/lxc/104.conf' does not exist)",
                e.diagnostics().get(0).summary());
    }

    @Test
    void plan_detectedProxmox_usesPctNotTheLxcConfigFile() {
        ContainerResource r = Facts.resource("103", null, true, false, new BindMount(SRC, DST));
        Facts facts = Facts.host().hasPct(true).pct("103", CONFIG, "running").lxcConfig("103", "lxc.uts.name = 103\n").lxcState("103", "RUNNING");

        Change c = r.plan(facts.build(), Facts.context());

        assertNull(Facts.config(c));
        assertEquals(List.of("pct", "set", "103", "-mp2", SRC + ",mp=" + DST), Facts.commands(c).get(0));
    }

    @Test
    void plan_nonNumericIdOnProxmox_isAnError() {
        PkiException e = assertThrows(PkiException.class, () -> Facts.resource("ca", Platform.PCT, true, false)
                .plan(Facts.host().build(), Facts.context()));

        assertEquals("container 'ca' on pve: Proxmox VE container IDs are numbers, e.g. container('103')", e.diagnostics().get(0).summary());
    }
}

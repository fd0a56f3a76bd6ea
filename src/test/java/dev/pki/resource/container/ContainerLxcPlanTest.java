package dev.pki.resource.container;

import static dev.pki.resource.container.Facts.DST;
import static dev.pki.resource.container.Facts.SRC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pki.diag.PkiException;
import dev.pki.facts.PathState;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import dev.pki.resource.PlanContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planning for plain LXC: canned config file and lxc-info output in, change and commands out. */
class ContainerLxcPlanTest {

    static final String CONFIG = """
            # Distribution configuration
            lxc.include = /usr/share/lxc/config/debian.common.conf
            lxc.arch = linux64
            lxc.rootfs.path = dir:/var/lib/lxc/103/rootfs
            lxc.uts.name = 103
            lxc.mount.entry = /srv/media media none bind,create=dir 0 0
            """;
    static final String OUR_LINE = "lxc.mount.entry = " + SRC + " etc/step-ca/ssl none bind,create=dir 0 0";
    static final List<List<String>> RESTART = List.of(List.of("lxc-stop", "-n", "103"),
            List.of("lxc-start", "-n", "103", "-d"), List.of("lxc-wait", "-n", "103", "-s", "RUNNING", "-t", "60"));
    static final List<List<String>> START = RESTART.subList(1, 3);

    private static Change plan(ContainerResource r, Facts facts) {
        return r.plan(facts.build(), Facts.context());
    }

    private static ContainerResource mount(boolean restart, boolean ensureRunning) {
        return Facts.resource("103", Platform.LXC, restart, ensureRunning, new BindMount(SRC, DST));
    }

    @Test
    void plan_missingMountOnRunningContainer_addsOurLineAndRestartsWithWarning() {
        Change c = plan(mount(true, false), Facts.host().lxcConfig("103", CONFIG).lxcState("103", "RUNNING"));

        assertEquals(Action.UPDATE, c.action());
        assertEquals("mount /etc/step-ca/ssl added", c.reason());
        assertEquals(List.of(AttributeChange.of("mount /etc/step-ca/ssl", "(none)", SRC)), c.attributes());
        assertEquals("container 103 is running and will be restarted", c.warning());
        assertEquals(CONFIG + "# managed by pki\n" + OUR_LINE + "\n", Facts.config(c));
        assertEquals(RESTART, Facts.commands(c));
        assertEquals("0640", Facts.work(c).attrs().mode());
    }

    @Test
    void plan_restartFalse_writesConfigOnlyAndSaysWhenItTakesEffect() {
        Change c = plan(mount(false, false), Facts.host().lxcConfig("103", CONFIG).lxcState("103", "RUNNING"));

        assertEquals(List.of(), Facts.commands(c));
        assertTrue(Facts.config(c).endsWith(OUR_LINE + "\n"));
        assertEquals("container 103 is running; the mount change takes effect at its next restart (restart false)", c.warning());
    }

    @Test
    void plan_stoppedContainer_writesConfigWithoutRestart() {
        Change c = plan(mount(true, false), Facts.host().lxcConfig("103", CONFIG).lxcState("103", "STOPPED"));

        assertEquals(List.of(), Facts.commands(c));
        assertEquals("", c.warning());
    }

    @Test
    void plan_stoppedAndEnsureRunning_startsIt() {
        Change c = plan(Facts.resource("103", Platform.LXC, true, true), Facts.host().lxcConfig("103", CONFIG).lxcState("103", "STOPPED"));

        assertEquals(Action.UPDATE, c.action());
        assertEquals("stopped → running", c.reason());
        assertEquals(List.of(AttributeChange.of("state", "stopped", "running")), c.attributes());
        assertNull(Facts.config(c));
        assertEquals(START, Facts.commands(c));
    }

    @Test
    void plan_stoppedWithNewMountAndEnsureRunning_writesThenStartsOnce() {
        Change c = plan(mount(true, true), Facts.host().lxcConfig("103", CONFIG).lxcState("103", "STOPPED"));

        assertEquals("mount /etc/step-ca/ssl added, stopped → running", c.reason());
        assertEquals(START, Facts.commands(c));
        assertTrue(Facts.config(c).endsWith(OUR_LINE + "\n"));
    }

    @Test
    void plan_runningAndEnsureRunning_mountPresent_isNoChange() {
        Change c = plan(mount(true, true), Facts.host().lxcConfig("103", CONFIG + "# managed by pki\n" + OUR_LINE + "\n").lxcState("103", "RUNNING"));

        assertEquals(Action.NOOP, c.action());
    }

    @Test
    void plan_ourLineWithOtherSource_isReplacedInPlaceAndEverythingElseKeptByteForByte() {
        String before = "lxc.uts.name = 103\n# managed by pki\nlxc.mount.entry = /old/ssl etc/step-ca/ssl none bind,create=dir 0 0\n"
                + "lxc.mount.entry   =   /srv/media   media none bind 0 0   \nlxc.tty.max = 0";
        Change c = plan(mount(true, false), Facts.host().lxcConfig("103", before).lxcState("103", "RUNNING"));

        assertEquals("mount /etc/step-ca/ssl changed", c.reason());
        assertEquals(List.of(AttributeChange.of("mount /etc/step-ca/ssl", "/old/ssl", SRC)), c.attributes());
        assertEquals(before.replace("/old/ssl", SRC), Facts.config(c));
    }

    @Test
    void plan_unmanagedLineMountsSomethingElseAtTarget_isNeverClobbered() {
        String config = CONFIG + "lxc.mount.entry = /somewhere/else etc/step-ca/ssl none bind,create=dir 0 0\n";

        PkiException e = assertThrows(PkiException.class,
                () -> plan(mount(true, false), Facts.host().lxcConfig("103", config).lxcState("103", "RUNNING")));

        assertEquals("container 103 on pve: /etc/step-ca/ssl is already mounted from /somewhere/else by a line pki does not manage (line 7)"
                + " in /var/lib/lxc/103/config; remove that line or mount elsewhere", e.diagnostics().get(0).summary());
    }

    @Test
    void plan_unmanagedLineAlreadyMountsTheSameSource_isNoChangeAndLeftAlone() {
        String config = CONFIG + "lxc.mount.entry = " + SRC + " etc/step-ca/ssl/ none bind 0 0\n";

        assertEquals(Action.NOOP, plan(mount(true, false), Facts.host().lxcConfig("103", config).lxcState("103", "RUNNING")).action());
    }

    @Test
    void plan_unmanagedLineWithAnotherTarget_isKept() {
        Change c = plan(mount(true, false), Facts.host().lxcConfig("103", CONFIG).lxcState("103", "RUNNING"));

        assertTrue(Facts.config(c).contains("lxc.mount.entry = /srv/media media none bind,create=dir 0 0\n"));
    }

    @Test
    void plan_configWithoutFinalNewline_getsOneBeforeOurLines() {
        Change c = plan(mount(true, false), Facts.host().lxcConfig("103", "lxc.uts.name = 103").lxcState("103", "STOPPED"));

        assertEquals("lxc.uts.name = 103\n# managed by pki\n" + OUR_LINE + "\n", Facts.config(c));
    }

    @Test
    void plan_pathsWithSpacesAndFileSources_useFstabEscapesAndCreateFile() {
        String src = "/srv/my certs/root.crt";
        ContainerResource r = Facts.resource("103", Platform.LXC, true, false, new BindMount(src, "/etc/ssl/my root.crt"));
        Facts facts = Facts.host().path(src, PathState.file("0644", "root", "root", null)).lxcConfig("103", "").lxcState("103", "STOPPED");

        Change c = plan(r, facts);

        assertEquals("# managed by pki\nlxc.mount.entry = /srv/my\\040certs/root.crt etc/ssl/my\\040root.crt none bind,create=file 0 0\n", Facts.config(c));
        assertEquals(Action.NOOP, plan(r, Facts.host().path(src, PathState.file("0644", "root", "root", null))
                .lxcConfig("103", Facts.config(c)).lxcState("103", "STOPPED")).action());
    }

    @Test
    void plan_containerDoesNotExist_namesContainerAndHost() {
        PkiException e = assertThrows(PkiException.class, () -> plan(mount(true, false), Facts.host().noLxcConfig("103")
                .command(List.of("lxc-info", "-n", "103", "-s"), 1, "", "103 doesn't exist\n")));

        assertEquals("container 103 does not exist on pve (no /var/lib/lxc/103/config)", e.diagnostics().get(0).summary());
    }

    @Test
    void plan_sourceMissing_isAnErrorSuggestingAStep() {
        Facts facts = Facts.host().path(SRC, PathState.ABSENT).lxcConfig("103", CONFIG).lxcState("103", "RUNNING");

        PkiException e = assertThrows(PkiException.class, () -> plan(mount(true, false), facts));

        assertEquals("bind mount source " + SRC + " does not exist on pve; create it in an earlier step, e.g. directory '" + SRC + "'",
                e.diagnostics().get(0).summary());
    }

    @Test
    void plan_sourceCreatedByAnEarlierStep_isFine() {
        PlanContext context = Facts.context();
        context.simulate(SRC, PathState.directory("0700", "root", "root"));
        Facts facts = Facts.host().path(SRC, PathState.ABSENT).lxcConfig("103", CONFIG).lxcState("103", "RUNNING");

        assertEquals(Action.UPDATE, mount(true, false).plan(facts.build(), context).action());
    }

    @Test
    void plan_noPlatformAndNoPct_detectsLxc() {
        ContainerResource r = Facts.resource("103", null, true, false, new BindMount(SRC, DST));
        Facts facts = Facts.host().hasPct(false).lxcConfig("103", CONFIG).lxcState("103", "STOPPED")
                .command(List.of("pct", "config", "103"), 127, "", "sh: 1: pct: not found\n")
                .command(List.of("pct", "status", "103"), 127, "", "sh: 1: pct: not found\n");

        assertTrue(Facts.config(plan(r, facts)).endsWith(OUR_LINE + "\n"));
        assertTrue(r.facts().contains(ContainerResource.HAS_PCT));
    }

    @Test
    void facts_lxcPlatform_readsConfigStateAndSourcesOnly() {
        assertEquals(3, mount(true, false).facts().size());
    }
}

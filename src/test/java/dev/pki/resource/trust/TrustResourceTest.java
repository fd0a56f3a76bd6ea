package dev.pki.resource.trust;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;
import dev.pki.model.Address;
import dev.pki.model.Value;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.Outputs;
import dev.pki.resource.PlanContext;
import dev.pki.transport.Command;
import dev.pki.transport.ExecResult;
import dev.pki.transport.Remote;
import dev.pki.transport.Shell;
import dev.pki.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** trust as data: os-release + tools + anchor files (canned facts) → layout, change and commands. */
class TrustResourceTest {

    static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIBphoenix\n-----END CERTIFICATE-----\n";
    static final String DEBIAN_12 = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            HOME_URL="https://www.debian.org/"
            """;
    static final String UBUNTU_2204 = """
            PRETTY_NAME="Ubuntu 22.04.4 LTS"
            NAME="Ubuntu"
            VERSION_ID="22.04"
            ID=ubuntu
            ID_LIKE=debian
            UBUNTU_CODENAME=jammy
            """;
    static final String ROCKY_9 = """
            NAME="Rocky Linux"
            VERSION="9.3 (Blue Onyx)"
            ID="rocky"
            ID_LIKE="rhel centos fedora"
            VERSION_ID="9.3"
            PLATFORM_ID="platform:el9"
            """;
    static final String FEDORA_40 = """
            NAME="Fedora Linux"
            VERSION="40 (Container Image)"
            ID=fedora
            VERSION_ID=40
            """;
    static final String ALPINE_319 = """
            NAME="Alpine Linux"
            ID=alpine
            VERSION_ID=3.19.1
            PRETTY_NAME="Alpine Linux v3.19"
            """;
    static final String ARCH = """
            NAME="Arch Linux"
            PRETTY_NAME="Arch Linux"
            ID=arch
            BUILD_ID=rolling
            """;
    static final String GENTOO = "NAME=Gentoo\nID=gentoo\n";
    static final String OPENSUSE_LEAP = "NAME=\"openSUSE Leap\"\nID=\"opensuse-leap\"\nID_LIKE=\"suse opensuse\"\n";

    static final Map<String, String> SAMPLES = Map.of("DEBIAN_12", DEBIAN_12, "UBUNTU_2204", UBUNTU_2204, "ROCKY_9", ROCKY_9,
            "FEDORA_40", FEDORA_40, "ALPINE_319", ALPINE_319, "ARCH", ARCH, "GENTOO", GENTOO, "OPENSUSE_LEAP", OPENSUSE_LEAP, "NONE", "");

    /** Marks a directory in a host's files. */
    static final String DIR = "(directory)";

    /** A host: its os-release (empty: none), the tools {@code command -v} finds, and existing files (path → content or DIR). */
    static FactSet host(String osRelease, List<String> tools, Map<String, String> files) {
        Map<Fact, Object> answers = new HashMap<>();
        answers.put(TrustResource.OS_RELEASE, osRelease.isEmpty() ? PathState.ABSENT
                : PathState.file("0644", "root", "root", osRelease.getBytes(StandardCharsets.UTF_8)));
        answers.put(TrustResource.OS_RELEASE_FALLBACK, PathState.ABSENT);
        Map<String, String> found = new HashMap<>();
        for (String t : tools) found.put(t, "/usr/sbin/" + t);
        answers.put(TrustResource.TOOLS, found);
        for (Fact f : resource(Value.literal(PEM)).facts()) {
            if (f instanceof Fact.PathFact p && !answers.containsKey(f)) {
                String content = files.get(p.path());
                answers.put(f, content == null ? PathState.ABSENT : content.equals(DIR) ? PathState.directory("0755", "root", "root")
                        : PathState.file("0644", "root", "root", content.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new FactSet(answers);
    }

    static TrustResource resource(Value root) {
        return new TrustResource(new Address("trust", "phoenix"), SourceLocation.UNKNOWN, "phoenix", root, "phoenix.crt", null);
    }

    static PlanContext context(Outputs outputs) {
        return new PlanContext("ct101", Clock.systemUTC(), outputs);
    }

    static Change plan(FactSet facts) {
        return resource(Value.literal(PEM)).plan(facts, context(new Outputs()));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "DEBIAN_12   | update-ca-certificates               | /usr/local/share/ca-certificates/phoenix.crt           | update-ca-certificates",
            "UBUNTU_2204 | update-ca-certificates               | /usr/local/share/ca-certificates/phoenix.crt           | update-ca-certificates",
            "ROCKY_9     | update-ca-trust trust                | /etc/pki/ca-trust/source/anchors/phoenix.crt           | update-ca-trust extract",
            "FEDORA_40   | update-ca-trust trust                | /etc/pki/ca-trust/source/anchors/phoenix.crt           | update-ca-trust extract",
            "ALPINE_319  | update-ca-certificates               | /usr/local/share/ca-certificates/phoenix.crt           | update-ca-certificates",
            "ARCH        | update-ca-trust trust                | /etc/ca-certificates/trust-source/anchors/phoenix.crt  | trust extract-compat",
            "OPENSUSE_LEAP | update-ca-certificates             | /etc/pki/trust/anchors/phoenix.crt                     | update-ca-certificates",
            "GENTOO      | update-ca-certificates               | /usr/local/share/ca-certificates/phoenix.crt           | update-ca-certificates",
            "NONE        | update-ca-trust                      | /etc/pki/ca-trust/source/anchors/phoenix.crt           | update-ca-trust extract",
    })
    void plan_layout_isDetectedFromOsReleaseThenTools(String sample, String tools, String anchor, String update) {
        Change c = plan(host(SAMPLES.get(sample), List.of(tools.split(" ")), Map.of()));
        assertEquals(Action.CREATE, c.action());
        assertEquals(AttributeChange.set("anchor", anchor), c.attributes().get(0));
        assertEquals(AttributeChange.set("then runs", update), c.attributes().get(c.attributes().size() - 1));
        var planned = (TrustResource.Planned) c.detail();
        assertEquals("/usr/sbin/" + update.split(" ")[0], planned.update().get(0));
    }

    @Test
    void osRelease_quotedAndEscapedValues_areUnquoted() {
        assertEquals(new OsRelease("rocky", List.of("rhel", "centos", "fedora")), OsRelease.parse(ROCKY_9));
        assertEquals(new OsRelease("my distro", List.of()), OsRelease.parse("# comment\nID='my distro'\n"));
        assertEquals(OsRelease.UNKNOWN, OsRelease.parse(""));
    }

    @Test
    void plan_unknownLayout_failsListingTheSupportedOnes() {
        var e = assertThrows(PkiException.class, () -> plan(host(GENTOO, List.of(), Map.of())));
        assertTrue(e.getMessage().contains("no known trust store layout on ct101 (ID=gentoo); supported: debian, ubuntu, rhel, fedora, alpine, arch"),
                e.getMessage());
    }

    @Test
    void plan_layoutWithoutItsTool_failsNamingThePackage() {
        var e = assertThrows(PkiException.class, () -> plan(host(DEBIAN_12, List.of(), Map.of())));
        assertTrue(e.getMessage().contains("update-ca-certificates not found on ct101 (debian layout); install the ca-certificates package"),
                e.getMessage());
    }

    @Test
    void plan_anchorMissing_isCreateWithDiffAndDirectory() {
        Change c = plan(host(DEBIAN_12, List.of("update-ca-certificates"), Map.of()));
        assertEquals(Action.CREATE, c.action());
        assertEquals(List.of(AttributeChange.set("anchor", "/usr/local/share/ca-certificates/phoenix.crt"),
                AttributeChange.set("directory", "/usr/local/share/ca-certificates (created, 0755)"),
                AttributeChange.set("then runs", "update-ca-certificates")), c.attributes());
        assertNull(c.content().before());
        assertEquals(PEM, c.content().after());
        assertTrue(((TrustResource.Planned) c.detail()).createDirectory());
    }

    @Test
    void plan_anchorDiffers_isUpdateWithContentDiff() {
        Change c = plan(host(DEBIAN_12, List.of("update-ca-certificates"),
                Map.of("/usr/local/share/ca-certificates", DIR, "/usr/local/share/ca-certificates/phoenix.crt", "old\n")));
        assertEquals(Action.UPDATE, c.action());
        assertEquals("anchor differs from the root of ca('phoenix')", c.reason());
        assertEquals("old\n", c.content().before());
        assertEquals(2, c.attributes().size(), "no directory to create: " + c.attributes());
    }

    @Test
    void plan_anchorMatches_isNoop() {
        assertEquals(Action.NOOP, plan(host(DEBIAN_12, List.of("update-ca-certificates"),
                Map.of("/usr/local/share/ca-certificates", DIR, "/usr/local/share/ca-certificates/phoenix.crt", PEM))).action());
    }

    @Test
    void plan_rootKnownOnlyAfterApply_isCreateOrUpdateWithKnownAfterApply() {
        Outputs outputs = new Outputs();
        outputs.put("ca:phoenix/root", Outputs.UNKNOWN);
        var root = new Value.Reference("ca:phoenix/root", "ca('phoenix').rootCertificate", false);
        Change create = resource(root).plan(host(DEBIAN_12, List.of("update-ca-certificates"), Map.of()), context(outputs));
        assertEquals(Action.CREATE, create.action());
        assertTrue(create.attributes().contains(AttributeChange.of("content", null, AttributeChange.KNOWN_AFTER_APPLY)), create.toString());
        assertNull(create.content());
        Change update = resource(root).plan(host(DEBIAN_12, List.of("update-ca-certificates"),
                Map.of("/usr/local/share/ca-certificates/phoenix.crt", PEM)), context(outputs));
        assertEquals(Action.UPDATE, update.action());
        assertTrue(update.reason().contains("known after apply"), update.reason());
    }

    @Test
    void apply_writesAnchorThenRunsTheUpdate_andPutsTheAnchorBackWhenTheUpdateFails() {
        List<Command> ran = new ArrayList<>();
        Change c = plan(host(ROCKY_9, List.of("update-ca-trust"), Map.of("/etc/pki/ca-trust/source/anchors", DIR)));
        resource(Value.literal(PEM)).apply(null, c, applyContext(ran, 0));
        assertEquals(2, ran.size(), ran.toString());
        String script = new String(ran.get(0).stdin(), StandardCharsets.UTF_8);
        assertEquals(List.of("sh"), ran.get(0).argv(), "the write is a script on standard input, with the content");
        assertTrue(script.contains("/etc/pki/ca-trust/source/anchors/phoenix.crt"), script);
        assertTrue(script.contains(Shell.printf(PEM.getBytes(StandardCharsets.UTF_8))), script);
        assertEquals(List.of("/usr/sbin/update-ca-trust", "extract"), ran.get(1).argv());

        ran.clear();
        var e = assertThrows(PkiException.class, () -> resource(Value.literal(PEM)).apply(null, c, applyContext(ran, 1)));
        assertTrue(e.getMessage().contains("update-ca-trust extract failed on ct101 (exit 1): boom; the anchor was put back"), e.getMessage());
        assertEquals(List.of("rm", "-f", "--", "/etc/pki/ca-trust/source/anchors/phoenix.crt"), ran.get(2).argv());
    }

    /** A transport where every write succeeds and the update command exits with {@code updateExit}. */
    static ApplyContext applyContext(List<Command> ran, int updateExit) {
        Transport t = new Transport() {
            @Override
            public ExecResult exec(Command command) {
                ran.add(command);
                boolean update = command.argv().get(0).startsWith("/usr/sbin/");
                // A file operation's script says it is done, as sh running it would.
                byte[] out = command.argv().equals(List.of("sh")) ? "@@pki-done\n".getBytes() : new byte[0];
                return new ExecResult(update ? updateExit : 0, out, (update && updateExit != 0 ? "boom\n" : "").getBytes());
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
        return new ApplyContext("ct101", Clock.systemUTC(), new Outputs(), new Remote(t));
    }

    @Test
    void facts_readEveryCandidateAnchorInOneBatch() {
        Set<Fact> facts = resource(Value.literal(PEM)).facts();
        for (TrustLayout l : TrustLayout.values()) {
            assertTrue(facts.contains(Fact.content(l.directory() + "/phoenix.crt")), l.toString());
        }
    }
}

package dev.pki.resource.trust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a distribution keeps locally added trust anchors and which command rebuilds its bundle.
 * Every layout reads anchors named {@code *.crt}; Debian's {@code update-ca-certificates}
 * ignores any other name, so the anchor always gets that suffix.
 */
enum TrustLayout {
    DEBIAN("debian", "/usr/local/share/ca-certificates", "update-ca-certificates"),
    RHEL("rhel", "/etc/pki/ca-trust/source/anchors", "update-ca-trust", "extract"),
    ALPINE("alpine", "/usr/local/share/ca-certificates", "update-ca-certificates"),
    ARCH("arch", "/etc/ca-certificates/trust-source/anchors", "trust", "extract-compat"),
    // SUSE has update-ca-certificates too, but reads another directory: without it the tool
    // fallback below would silently put the anchor where SUSE never looks.
    SUSE("suse", "/etc/pki/trust/anchors", "update-ca-certificates");

    /** The names shown in the "no known layout" error. */
    static final String SUPPORTED = "debian, ubuntu, rhel, fedora, alpine, arch, suse";

    /** os-release IDs (ID or a word of ID_LIKE) and the layout each one uses. */
    private static final Map<String, TrustLayout> BY_ID = new LinkedHashMap<>();

    static {
        for (String id : List.of("debian", "ubuntu", "raspbian", "linuxmint", "pop", "devuan", "kali")) BY_ID.put(id, DEBIAN);
        for (String id : List.of("rhel", "fedora", "centos", "rocky", "almalinux", "ol", "amzn")) BY_ID.put(id, RHEL);
        BY_ID.put("alpine", ALPINE);
        for (String id : List.of("arch", "archarm", "manjaro", "endeavouros")) BY_ID.put(id, ARCH);
        for (String id : List.of("suse", "opensuse", "opensuse-leap", "opensuse-tumbleweed", "sles", "sled")) BY_ID.put(id, SUSE);
    }

    private final String id;
    private final String directory;
    private final String tool;
    private final List<String> toolArgs;

    TrustLayout(String id, String directory, String tool, String... toolArgs) {
        this.id = id;
        this.directory = directory;
        this.tool = tool;
        this.toolArgs = List.of(toolArgs);
    }

    String id() {
        return id;
    }

    String directory() {
        return directory;
    }

    /** The update program's name, as looked up with {@code command -v}. */
    String tool() {
        return tool;
    }

    /** The update command as shown in plans: {@code update-ca-trust extract}. */
    String commandLine() {
        return String.join(" ", command(tool));
    }

    /** The update command's argv, run with the program found at {@code toolPath}. */
    List<String> command(String toolPath) {
        List<String> argv = new ArrayList<>();
        argv.add(toolPath);
        argv.addAll(toolArgs);
        return argv;
    }

    /** Every anchor directory any layout uses: facts read all of them, since the layout is known only afterwards. */
    static Set<String> directories() {
        Set<String> dirs = new LinkedHashSet<>();
        for (TrustLayout l : values()) dirs.add(l.directory);
        return dirs;
    }

    /**
     * The layout of a host: by its os-release ID, then by each ID_LIKE word (Rocky says
     * {@code ID_LIKE="rhel centos fedora"}), then by the update tools installed.
     */
    static Optional<TrustLayout> detect(OsRelease os, Set<String> tools) {
        List<String> ids = new ArrayList<>();
        ids.add(os.id());
        ids.addAll(os.idLike());
        for (String i : ids) {
            TrustLayout l = BY_ID.get(i);
            if (l != null) return Optional.of(l);
        }
        // Arch also ships update-ca-trust and Fedora ships trust (p11-kit): the order matters.
        if (tools.contains("update-ca-certificates")) return Optional.of(DEBIAN);
        if (tools.contains("update-ca-trust")) return Optional.of(RHEL);
        if (tools.contains("trust")) return Optional.of(ARCH);
        return Optional.empty();
    }
}

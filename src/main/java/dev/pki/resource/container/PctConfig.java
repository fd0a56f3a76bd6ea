package dev.pki.resource.container;

import dev.pki.transport.Command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans Proxmox VE mount points from {@code pct config ID} output, as pure text in → commands
 * out. A mount point is a line {@code mpN: VOLUME,mp=PATH[,option=value...]}; for a bind mount
 * the volume is a host path.
 *
 * <p>Which N: an existing {@code mpN} whose {@code mp=} is the wanted target is the one to update
 * (its other options, such as {@code ro=1}, are kept); otherwise the lowest N in 0..255 that is
 * neither in the config nor already chosen, taken in the order the playbook lists its mounts —
 * so the same playbook and config always give the same N, and no mount point the playbook does
 * not declare is ever overwritten.
 */
final class PctConfig {

    static final int MAX_MOUNT_POINTS = 256;

    private static final Pattern MP = Pattern.compile("^mp(\\d+):\\s*(.*?)\\s*$");

    private PctConfig() {
    }

    /** An existing mount point. */
    record MountPoint(int n, String volume, String path, List<String> options) {
    }

    /** What to change: the {@code pct set} commands and the changes they make, in playbook order. */
    record Edit(List<Command> commands, List<MountChange> changes) {
        Edit {
            commands = List.copyOf(commands);
            changes = List.copyOf(changes);
        }
    }

    /** A mount point the playbook cannot manage (a storage volume at a wanted target, or no free N). */
    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    /** The mount points of the current configuration, by N. Snapshot and pending sections ({@code [name]}) are skipped. */
    static Map<Integer, MountPoint> parse(String config) {
        Map<Integer, MountPoint> out = new LinkedHashMap<>();
        for (String line : config.split("\n")) {
            if (line.startsWith("[")) break;
            Matcher m = MP.matcher(line);
            if (!m.matches()) continue;
            String volume = "";
            String path = "";
            List<String> options = new ArrayList<>();
            String[] items = m.group(2).split(",");
            for (int i = 0; i < items.length; i++) {
                String item = items[i];
                if (item.startsWith("mp=")) path = item.substring(3);
                else if (item.startsWith("volume=")) volume = item.substring(7);
                else if (i == 0 && !item.contains("=")) volume = item;
                else options.add(item);
            }
            out.put(Integer.parseInt(m.group(1)), new MountPoint(Integer.parseInt(m.group(1)), volume, path, options));
        }
        return out;
    }

    static Edit edit(String id, String config, List<BindMount> wanted) {
        Map<Integer, MountPoint> existing = parse(config);
        Set<Integer> taken = new HashSet<>(existing.keySet());
        List<Command> commands = new ArrayList<>();
        List<MountChange> changes = new ArrayList<>();
        for (BindMount m : wanted) {
            if (m.source().contains(",") || m.target().contains(",")) {
                throw new Conflict("bind mount " + m.source() + " at " + m.target() + " contains a comma, which pct's mount point syntax cannot express");
            }
            // Every existing N is taken, whether the playbook declares it or not: never clobbered.
            MountPoint mp = find(existing, m.target()).orElse(null);
            if (mp != null) {
                if (!mp.volume().startsWith("/")) {
                    throw new Conflict("mp" + mp.n() + " of container " + id + " mounts the storage volume " + mp.volume()
                            + " at " + m.target() + "; pki manages only bind mounts (host paths)");
                }
                if (strip(mp.volume()).equals(strip(m.source()))) continue;
                commands.add(set(id, mp.n(), m, mp.options()));
                changes.add(new MountChange(m.target(), mp.volume(), m.source()));
                continue;
            }
            int n = 0;
            while (n < MAX_MOUNT_POINTS && taken.contains(n)) n++;
            if (n == MAX_MOUNT_POINTS) {
                throw new Conflict("container " + id + " has no free mount point (mp0..mp" + (MAX_MOUNT_POINTS - 1) + " are all used)");
            }
            taken.add(n);
            commands.add(set(id, n, m, List.of()));
            changes.add(new MountChange(m.target(), null, m.source()));
        }
        return new Edit(commands, changes);
    }

    /** {@code pct set 103 -mp0 /src,mp=/dst[,options]}: an argument list, so nothing is quoted. */
    static Command set(String id, int n, BindMount m, List<String> options) {
        StringBuilder value = new StringBuilder(m.source()).append(",mp=").append(m.target());
        options.forEach(o -> value.append(',').append(o));
        return Command.of("pct", "set", id, "-mp" + n, value.toString());
    }

    private static Optional<MountPoint> find(Map<Integer, MountPoint> existing, String target) {
        return existing.values().stream().filter(mp -> strip(mp.path()).equals(strip(target))).findFirst();
    }

    private static String strip(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }
}

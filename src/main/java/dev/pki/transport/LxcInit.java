package dev.pki.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the init process of a running LXC container on this machine, so that its files can be
 * read in-process through {@code /proc/PID/root} instead of with one {@code lxc-attach} per read
 * (~22 ms each here; see bench/README.md). LXC names each container's monitor process
 * {@code [lxc monitor] LXCPATH NAME}, and the container's init is that monitor's only child.
 * The answer is a hint, not a handle: whoever uses it opens {@code /proc/PID} and checks there
 * that it is still that child and the first process of a PID namespace before reading anything.
 *
 * <p>Only for root: anyone else cannot look into another user's process root, and needs
 * {@code lxc-attach} anyway. Anything unexpected (no monitor, two of them, no children file)
 * yields nothing and the caller uses {@code lxc-attach}.
 */
public final class LxcInit {

    /** A hint: the monitor's pid and its child's (the container's init). */
    public record Hint(long monitor, long init) {
    }

    /** Monitors are looked up again after this long: a restarted container has a new one. */
    private static final long MAX_AGE_NANOS = 1_000_000_000L;
    private static final Pattern LXCPATH = Pattern.compile("(?m)^\\s*lxc\\.lxcpath\\s*=\\s*(\\S+)\\s*$");

    private static Map<String, Long> monitors;   // name → monitor pid, for the configured lxcpath
    private static long scanned;

    private LxcInit() {
    }

    /** The container's monitor and init on this machine, if it runs here and this process may look. */
    public static java.util.Optional<Hint> find(String container) {
        if (!isRoot()) return java.util.Optional.empty();
        Long monitor = monitors().get(container);
        if (monitor == null) return java.util.Optional.empty();
        OptionalLong init = onlyChild(monitor);
        return init.isPresent() ? java.util.Optional.of(new Hint(monitor, init.getAsLong())) : java.util.Optional.empty();
    }

    private static synchronized Map<String, Long> monitors() {
        if (monitors == null || System.nanoTime() - scanned > MAX_AGE_NANOS) {
            monitors = scan(lxcPath());
            scanned = System.nanoTime();
        }
        return monitors;
    }

    /** Every process named {@code [lxc monitor] LXCPATH NAME}; a name seen twice is left out. */
    static Map<String, Long> scan(String lxcPath) {
        String prefix = "[lxc monitor] " + lxcPath + " ";
        Map<String, Long> found = new HashMap<>();
        List<String> twice = new java.util.ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), p -> isNumber(p.getFileName().toString()))) {
            for (Path p : proc) {
                // The monitor is lxc-start renamed: its comm is still "lxc-start". Reading comm first
                // spares reading every process's cmdline (which waits on a process's memory map lock).
                if (!"lxc-start".equals(procText(p.resolve("comm")).strip())) continue;
                String cmdline = procText(p.resolve("cmdline"));
                if (!cmdline.startsWith(prefix)) continue;
                String name = cmdline.substring(prefix.length());
                if (found.put(name, Long.parseLong(p.getFileName().toString())) != null) twice.add(name);
            }
        } catch (IOException e) {
            return Map.of();
        }
        twice.forEach(found::remove);
        return found;
    }

    /** The monitor's only child, from the kernel's children list (CONFIG_PROC_CHILDREN). */
    private static OptionalLong onlyChild(long monitor) {
        try {
            String[] children = Files.readString(Path.of("/proc", Long.toString(monitor), "task", Long.toString(monitor), "children"))
                    .trim().split("\\s+");
            if (children.length != 1 || !isNumber(children[0])) return OptionalLong.empty();
            return OptionalLong.of(Long.parseLong(children[0]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code lxc.lxcpath} from /etc/lxc/lxc.conf (what lxc-attach uses without -P), else LXC's default. */
    static String lxcPath() {
        try {
            Matcher m = LXCPATH.matcher(Files.readString(Path.of("/etc/lxc/lxc.conf")));
            String path = null;
            while (m.find()) path = m.group(1);   // the last setting wins, as in LXC's own parser
            return path != null ? path : "/var/lib/lxc";
        } catch (IOException e) {
            return "/var/lib/lxc";
        }
    }

    /** A small /proc file's text, trailing NULs dropped; empty when the process has gone. */
    private static String procText(Path file) {
        try {
            String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == '\0') end--;
            return s.substring(0, end);
        } catch (IOException e) {
            return "";   // the process has gone
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}

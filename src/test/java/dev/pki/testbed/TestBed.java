package dev.pki.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real test bed for integration tests (scripts/testbed: zfs-fuse pool quickOS, LXC containers
 * 101, 102, 103). {@link #ensureUp()} brings it up once per test JVM when it is not up — and then
 * takes it down again when the JVM exits; a bed that was already up is left as it was. Tests
 * are skipped, not failed, where the bed cannot exist (not root).
 */
public final class TestBed {

    public static final Path SCRIPT = Path.of("scripts/testbed").toAbsolutePath();
    private static boolean checked;
    private static boolean broughtUp;

    private TestBed() {
    }

    /** Skips the calling test unless the bed is (or can be brought) up. */
    public static synchronized void ensureUp() {
        assumeTrue("root".equals(System.getProperty("user.name")), "the test bed needs root");
        if (!checked) {
            checked = true;
            if (run(SCRIPT.toString(), "status").exitCode() != 0) {
                Result up = run(SCRIPT.toString(), "up");
                if (up.exitCode() != 0) throw new IllegalStateException("scripts/testbed up failed:\n" + up.output());
                broughtUp = true;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> run(SCRIPT.toString(), "down")));
            }
        }
    }

    /** Rebuilds the bed from scratch (down, then up): for tests that need fresh containers and pool. */
    public static synchronized void reset() {
        ensureUp();
        Result down = run(SCRIPT.toString(), "down");
        if (down.exitCode() != 0) throw new IllegalStateException("scripts/testbed down failed:\n" + down.output());
        Result up = run(SCRIPT.toString(), "up");
        if (up.exitCode() != 0) throw new IllegalStateException("scripts/testbed up failed:\n" + up.output());
        if (!broughtUp) {
            broughtUp = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run(SCRIPT.toString(), "down")));
        }
    }

    public record Result(int exitCode, String output) {
    }

    /** Runs a command on this machine, standard error merged into the output. */
    public static Result run(String... argv) {
        return run(null, argv);
    }

    /** Runs a command with {@code stdin} piped in (never a file: lxc-attach chmods files given as stdin). */
    public static Result run(byte[] stdin, String... argv) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(argv))).redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) in.write(stdin);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        }
    }

    /** Runs a command inside a container. */
    public static Result attach(String container, String... argv) {
        List<String> full = new ArrayList<>(List.of("lxc-attach", "-n", container, "--clear-env",
                "--set-var", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "--"));
        full.addAll(List.of(argv));
        return run(full.toArray(String[]::new));
    }
}

package dev.pki.resource.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pki.cli.Main;
import dev.pki.transport.Command;
import dev.pki.transport.ExecResult;
import dev.pki.transport.LocalTransport;
import dev.pki.transport.Remote;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bind mount applied to a real LXC container through the command line: the plan announces the
 * restart, apply restarts the container, a file written on the host is visible inside, and the
 * next plan has no changes. Uses the test bed's container 101 (or {@code -Dpki.it.container}) and
 * restores its config afterwards. Skipped without a running LXC container.
 */
@Tag("integration")
class ContainerIntegrationTest {

    static final String CONTAINER = System.getProperty("pki.it.container", "101");
    static final String TARGET = "/mnt/pki-it";

    @TempDir
    Path dir;

    private final Remote host = new Remote(new LocalTransport());

    @Test
    void apply_bindMount_isVisibleInsideTheRunningContainerAndConverges() throws Exception {
        dev.pki.testbed.TestBed.ensureUp();
        assumeTrue(running(), "no running LXC container " + CONTAINER + " (run scripts/testbed up)");
        Path config = Path.of("/var/lib/lxc", CONTAINER, "config");
        byte[] original = Files.readAllBytes(config);
        Path playbook = Files.writeString(dir.resolve("mount.groovy"), """
                hosts('localhost') {
                    directory(vars.src) { mode '0755' }          // the source exists only after this step
                    container(vars.ct) {
                        bindMount vars.src, at: '%s'
                        ensure 'running'
                    }
                }
                """.formatted(TARGET));
        Path src = dir.resolve("shared");
        try {
            String plan = pki("plan", playbook, src, "--detailed-exitcode");
            assertTrue(plan.startsWith("2\n"), plan);
            assertTrue(plan.contains("mount " + TARGET + ": (none) → " + src), plan);
            assertTrue(plan.contains("container " + CONTAINER + " is running and will be restarted"), plan);

            String apply = pki("apply", playbook, src, "--yes");
            assertTrue(apply.startsWith("0\n"), apply);
            assertTrue(new String(Files.readAllBytes(config), StandardCharsets.UTF_8)
                    .startsWith(new String(original, StandardCharsets.UTF_8)), "the existing lines are kept");

            Files.writeString(src.resolve("hello.txt"), "written on the host\n");
            ExecResult inside = host.run("read inside " + CONTAINER, Command.of("lxc-attach", "-n", CONTAINER, "--clear-env", "--",
                    "cat", TARGET + "/hello.txt"));
            assertEquals("written on the host\n", inside.out());

            String again = pki("plan", playbook, src, "--detailed-exitcode");
            assertTrue(again.startsWith("0\n"), again);
        } finally {
            if (!Arrays.equals(original, Files.readAllBytes(config))) {
                Files.write(config, original);
                host.run("stop " + CONTAINER, Command.of("lxc-stop", "-n", CONTAINER));
                host.run("start " + CONTAINER, Command.of("lxc-start", "-n", CONTAINER, "-d"));
                host.run("wait for " + CONTAINER, Command.of("lxc-wait", "-n", CONTAINER, "-s", "RUNNING", "-t", "60"));
            }
        }
    }

    private boolean running() {
        LocalTransport local = new LocalTransport();
        if (!local.exec(Command.of("sh", "-c", "command -v lxc-ls")).ok()) return false;
        ExecResult state = local.exec(Command.of("lxc-info", "-n", CONTAINER, "-sH"));
        return state.ok() && state.out().strip().equals("RUNNING");
    }

    /** Runs pki in-process; returns the exit code, a newline, and everything it printed. */
    private String pki(String command, Path playbook, Path src, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, playbook.toString(), "-e", "src=" + src, "-e", "ct=" + CONTAINER,
                "--state-dir", dir.resolve("state").toString(), "--no-color"));
        args.addAll(List.of(extra));
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            int code = Main.run(args.toArray(String[]::new));
            return code + "\n" + out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}

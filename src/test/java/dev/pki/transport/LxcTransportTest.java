package dev.pki.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LxcTransportTest {

    private static final List<String> PREFIX = List.of("lxc-attach", "-n", "101", "--clear-env",
            "--set-var", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "--set-var", "HOME=/root", "--");

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(List.of("true"), concat(PREFIX, List.of("true"))),
                Arguments.of(List.of("sh", "-c", "echo \"$1\" > /tmp/x", "sh", "it's a 'quote'; rm -rf /"),
                        concat(PREFIX, List.of("sh", "-c", "echo \"$1\" > /tmp/x", "sh", "it's a 'quote'; rm -rf /"))),
                Arguments.of(List.of("--", "-n"), concat(PREFIX, List.of("--", "-n"))));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void exec_command_isRunOnParentInsideLxcAttachWordForWord(List<String> argv, List<String> expected) {
        RecordingTransport parent = RecordingTransport.ok();
        new LxcTransport(parent, "101", "pve").exec(Command.of(argv));

        assertEquals(expected, parent.received.get(0).argv());
    }

    @Test
    void exec_stdin_isPassedToParentAsItsStdin() {
        RecordingTransport parent = RecordingTransport.ok();
        byte[] input = "-----BEGIN PRIVATE KEY-----\n".getBytes(StandardCharsets.UTF_8);

        new LxcTransport(parent, "101", "pve").exec(new Command(List.of("cat"), input));

        assertArrayEquals(input, parent.received.get(0).stdin());
    }

    @Test
    void roundTrips_countsOwnExecsOnly() {
        RecordingTransport parent = RecordingTransport.ok();
        LxcTransport a = new LxcTransport(parent, "101", "pve");
        LxcTransport b = new LxcTransport(parent, "102", "pve");
        a.exec(Command.of("true"));
        a.exec(Command.of("true"));
        b.exec(Command.of("true"));

        assertEquals(2, a.roundTrips());
        assertEquals(1, b.roundTrips());
        assertEquals(3, parent.roundTrips());
    }

    @Test
    void describe_namesContainerAndParent() {
        assertEquals("lxc 101 via pve", new LxcTransport(RecordingTransport.ok(), "101", "pve").describe());
    }

    @Test
    void exec_containerNotRunning_isUnreachableWithOneLineReason() {
        RecordingTransport parent = RecordingTransport.answering(1, "",
                "lxc-attach: 101: ../src/lxc/attach.c: get_attach_context: 406 Connection refused - Failed to get init pid\n"
                        + "lxc-attach: 101: ../src/lxc/attach.c: lxc_attach: 1470 Connection refused - Failed to get attach context\n");

        TransportException e = assertThrows(TransportException.class, () -> new LxcTransport(parent, "101", "pve").exec(Command.of("true")));

        assertTrue(e.unreachable());
        assertEquals("lxc 101 via pve: container 101 is not running or does not exist (lxc-attach: Failed to get init pid)", e.getMessage());
    }

    @Test
    void exec_lxcAttachMissingOnParent_isUnreachable() {
        RecordingTransport parent = RecordingTransport.answering(127, "",
                "lxc-attach: Cannot run program \"lxc-attach\": error=2, No such file or directory");

        TransportException e = assertThrows(TransportException.class, () -> new LxcTransport(parent, "101", "pve").exec(Command.of("true")));

        assertTrue(e.unreachable());
        assertTrue(e.getMessage().contains("lxc-attach is not installed"), e.getMessage());
    }

    static Stream<Arguments> commandFailures() {
        return Stream.of(
                // The container was entered; the program is missing there: a failed command.
                Arguments.of(127, "lxc-attach: 101: ../src/lxc/attach.c: lxc_attach_run_command: 1841 No such file or directory - Failed to exec \"nosuch\"\n"),
                // The command's own error output, whatever it says.
                Arguments.of(1, "grep: /etc/x: No such file or directory\n"),
                Arguments.of(1, "lxc-attach: 102: Failed to get init pid\n"),
                Arguments.of(2, ""));
    }

    @ParameterizedTest
    @MethodSource("commandFailures")
    void exec_commandFails_isReturnedNotUnreachable(int code, String stderr) {
        RecordingTransport parent = RecordingTransport.answering(code, "", stderr);

        ExecResult r = new LxcTransport(parent, "101", "pve").exec(Command.of("nosuch"));

        assertEquals(code, r.exitCode());
        assertFalse(r.ok());
    }

    @Test
    void exec_unreachableParent_makesContainerUnreachable() {
        RecordingTransport parent = RecordingTransport.throwing(new TransportException("ssh pve: connection refused", true));

        TransportException e = assertThrows(TransportException.class, () -> new LxcTransport(parent, "101", "pve").exec(Command.of("true")));

        assertTrue(e.unreachable());
        assertEquals("lxc 101 via pve: ssh pve: connection refused", e.getMessage());
    }

    @Test
    void new_emptyContainerName_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LxcTransport(RecordingTransport.ok(), " ", "pve"));
    }

    static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Behind another host (here a recording one, as behind SSH) the container is never read in-process. */
    @Test
    void localInit_behindAnotherHost_isEmpty() {
        assertEquals(java.util.Optional.empty(), new LxcTransport(RecordingTransport.ok(), "101", "pve").localInit());
    }

    /** On this machine, a container that does not run here has no init to read through. */
    @Test
    void localInit_noSuchContainerHere_isEmpty() {
        assertEquals(java.util.Optional.empty(), new LxcTransport(new LocalTransport(), "pki-no-such-container", "pve").localInit());
    }
}

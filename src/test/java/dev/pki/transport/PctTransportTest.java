package dev.pki.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PctTransportTest {

    private static final List<String> PREFIX = List.of("pct", "exec", "103", "--", "env", "-i",
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root");

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(List.of("true"), LxcTransportTest.concat(PREFIX, List.of("true"))),
                Arguments.of(List.of("sh", "-c", "cat > \"$1\"", "sh", "/etc/step-ca/ssl/a b.crt"),
                        LxcTransportTest.concat(PREFIX, List.of("sh", "-c", "cat > \"$1\"", "sh", "/etc/step-ca/ssl/a b.crt"))),
                Arguments.of(List.of("update-ca-certificates", "--fresh"), LxcTransportTest.concat(PREFIX, List.of("update-ca-certificates", "--fresh"))));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void exec_command_isRunOnParentInsidePctExecWordForWord(List<String> argv, List<String> expected) {
        RecordingTransport parent = RecordingTransport.ok();
        new PctTransport(parent, "103", "pve").exec(Command.of(argv));

        assertEquals(expected, parent.received.get(0).argv());
    }

    @Test
    void exec_stdin_isPassedToParentAsItsStdin() {
        RecordingTransport parent = RecordingTransport.ok();
        byte[] input = "root certificate\n".getBytes(StandardCharsets.UTF_8);

        new PctTransport(parent, "103", "pve").exec(new Command(List.of("sh", "-c", "cat > /x"), input));

        assertArrayEquals(input, parent.received.get(0).stdin());
    }

    @Test
    void describe_namesContainerAndParent() {
        assertEquals("pct 103 via pve", new PctTransport(RecordingTransport.ok(), "103", "pve").describe());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(255, "container '103' not running!\n", "pct: container '103' not running!"),
                Arguments.of(255, "CT 103 not running\n", "pct: CT 103 not running"),
                Arguments.of(2, "Configuration file 'nodes/pve/lxc/103.conf' does not exist\n",
                        "pct: Configuration file 'nodes/pve/lxc/103.conf' does not exist"),
                Arguments.of(1, "lxc-attach: 103: ../src/lxc/attach.c: get_attach_context: 406 Connection refused - Failed to get init pid\n",
                        "lxc-attach: Failed to get init pid"),
                Arguments.of(127, "sh: 1: pct: not found\n", "pct is not installed on the parent host: sh: 1: pct: not found"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void exec_pctRefuses_isUnreachableWithItsReason(int code, String stderr, String reason) {
        RecordingTransport parent = RecordingTransport.answering(code, "", stderr);

        TransportException e = assertThrows(TransportException.class, () -> new PctTransport(parent, "103", "pve").exec(Command.of("true")));

        assertTrue(e.unreachable());
        assertEquals("pct 103 via pve: container 103 is not running or does not exist (" + reason + ")", e.getMessage());
    }

    @Test
    void exec_commandFails_isReturned() {
        RecordingTransport parent = RecordingTransport.answering(1, "", "cat: /x: No such file or directory\n");

        assertEquals(1, new PctTransport(parent, "103", "pve").exec(Command.of("cat", "/x")).exitCode());
    }

    @Test
    void exec_programThatEnvWouldMisread_isRejected() {
        PctTransport t = new PctTransport(RecordingTransport.ok(), "103", "pve");

        assertThrows(IllegalArgumentException.class, () -> t.exec(Command.of("A=B", "x")));
    }

    /** Behind another host (here a recording one, as behind SSH) the container is never read in-process. */
    @Test
    void localInit_behindAnotherHost_isEmpty() {
        assertEquals(java.util.Optional.empty(), new PctTransport(RecordingTransport.ok(), "103", "pve").localInit());
    }

    /** On this machine, a container that does not run here has no init to read through. */
    @Test
    void localInit_noSuchContainerHere_isEmpty() {
        assertEquals(java.util.Optional.empty(), new PctTransport(new LocalTransport(), "pki-no-such-container", "pve").localInit());
    }
}

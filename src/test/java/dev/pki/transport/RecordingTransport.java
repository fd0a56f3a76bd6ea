package dev.pki.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A parent transport for tests: records the commands it receives and answers with a canned result. */
final class RecordingTransport implements Transport {

    final List<Command> received = new ArrayList<>();
    private final ExecResult answer;
    private final TransportException failure;

    private RecordingTransport(ExecResult answer, TransportException failure) {
        this.answer = answer;
        this.failure = failure;
    }

    static RecordingTransport answering(int exitCode, String stdout, String stderr) {
        return new RecordingTransport(new ExecResult(exitCode, stdout.getBytes(StandardCharsets.UTF_8),
                stderr.getBytes(StandardCharsets.UTF_8)), null);
    }

    static RecordingTransport ok() {
        return answering(0, "", "");
    }

    static RecordingTransport throwing(TransportException e) {
        return new RecordingTransport(null, e);
    }

    @Override
    public ExecResult exec(Command command) {
        received.add(command);
        if (failure != null) throw failure;
        return answer;
    }

    @Override
    public int roundTrips() {
        return received.size();
    }

    @Override
    public String describe() {
        return "recording";
    }
}

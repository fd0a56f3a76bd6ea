package dev.pki.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * For tests: this machine reached through {@code sh}, like an SSH or container host — commands
 * run here and are recorded, and nothing is done in-process (the local transport's fast paths
 * are not taken, because this is not the local transport).
 */
public final class ShellHost implements Transport {

    public final List<Command> received = new ArrayList<>();
    private final LocalTransport local = new LocalTransport();

    @Override
    public ExecResult exec(Command command) {
        received.add(command);
        return local.exec(command);
    }

    @Override
    public int roundTrips() {
        return received.size();
    }

    @Override
    public String describe() {
        return "shell host";
    }
}

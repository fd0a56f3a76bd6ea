package dev.pki.engine;

import dev.pki.inventory.Host;
import dev.pki.inventory.Inventory;
import dev.pki.transport.LocalTransport;
import dev.pki.transport.Transport;
import dev.pki.transport.TransportException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One transport per host for the whole run, opened on first use and closed at the end. Container
 * transports wrap their parent host's transport, so they share its connection.
 */
public final class Connections implements AutoCloseable {

    private final Inventory inventory;
    private final Map<String, Transport> open = new ConcurrentHashMap<>();

    public Connections(Inventory inventory) {
        this.inventory = inventory;
    }

    public Transport get(String hostName) {
        return open.computeIfAbsent(hostName, this::connect);
    }

    private Transport connect(String hostName) {
        Host host = inventory.host(hostName);
        if (host == null) throw new TransportException("host " + hostName + " is not in the inventory", true);
        String connection = host.connection();
        return switch (connection) {
            case "local" -> new LocalTransport();
            default -> throw new TransportException("connection '" + connection + "' of host " + hostName
                    + " is not supported (supported: local)", true);
        };
    }

    /** Round trips per host so far, for {@code --debug}. */
    public Map<String, Integer> roundTrips() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        open.forEach((h, t) -> counts.put(h, t.roundTrips()));
        return counts;
    }

    @Override
    public void close() {
        open.values().forEach(Transport::close);
    }
}

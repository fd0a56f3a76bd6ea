package dev.pki.engine;

import dev.pki.inventory.Host;
import dev.pki.inventory.Inventory;
import dev.pki.transport.LocalTransport;
import dev.pki.transport.LxcTransport;
import dev.pki.transport.PctTransport;
import dev.pki.transport.SshOptions;
import dev.pki.transport.SshSettings;
import dev.pki.transport.SshTransport;
import dev.pki.transport.Transport;
import dev.pki.transport.TransportException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One transport per host for the whole run, opened on first use and closed at the end. Container
 * transports wrap their parent host's transport, so they share its connection.
 */
public final class Connections implements AutoCloseable {

    private final Inventory inventory;
    private final SshOptions ssh;
    private final Map<String, Transport> open = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** Connections with strict SSH host-key checking and this process's environment. */
    public Connections(Inventory inventory) {
        this(inventory, SshOptions.defaults());
    }

    /** @param ssh run-wide SSH settings: the {@code --ssh-host-keys} policy, environment, home directory */
    public Connections(Inventory inventory, SshOptions ssh) {
        this.inventory = inventory;
        this.ssh = ssh;
    }

    /** Reaches {@code hostName} through {@code transport} instead of what its inventory entry says (tests, embedding). */
    public Connections with(String hostName, Transport transport) {
        open.put(hostName, transport);
        return this;
    }

    public Transport get(String hostName) {
        Transport t = open.get(hostName);
        if (t != null) return t;
        // Not computeIfAbsent: opening a container's transport opens its parent through get(), and a
        // ConcurrentHashMap must not be modified from inside its own computeIfAbsent. A lock per host
        // keeps one connection per host; locks are taken child before parent along an acyclic via
        // chain (checked first), so they cannot deadlock.
        synchronized (locks.computeIfAbsent(hostName, h -> new Object())) {
            t = open.get(hostName);
            if (t == null) {
                t = connect(hostName);
                open.put(hostName, t);
            }
            return t;
        }
    }

    private Transport connect(String hostName) {
        Host host = inventory.host(hostName);
        if (host == null) throw new TransportException("host " + hostName + " is not in the inventory", true);
        String connection = host.connection();
        return switch (connection) {
            case "local" -> new LocalTransport();
            // Ansible's paramiko and smart connections are SSH too; the session opens on the first command.
            case "ssh", "paramiko", "paramiko_ssh", "smart", "ansible.builtin.ssh", "ansible.builtin.paramiko_ssh" ->
                    new SshTransport(SshSettings.resolve(hostName, host.vars(), ssh), ssh);
            case "lxc", "community.general.lxc" -> {
                Link link = link(host, "lxc");
                yield new LxcTransport(parent(host, link.via()), link.container(), link.via());
            }
            case "pct" -> {
                Link link = link(host, "pct");
                yield new PctTransport(parent(host, link.via()), link.container(), link.via());
            }
            default -> throw new TransportException("connection '" + connection + "' of host " + hostName
                    + " is not supported (supported: local, ssh, lxc, pct)", true);
        };
    }

    /** A container host's parent and container name, checked before anything is opened. */
    private record Link(String via, String container) {
    }

    private Link link(Host host, String connection) {
        String via = host.text("via", null).filter(s -> !s.isBlank()).orElseThrow(() -> new TransportException(
                "host " + host.name() + " has connection " + connection + " but no 'via': set via to the inventory host that runs the container", true));
        // Ansible's lxc connection names the container with ansible_lxc_host; Proxmox modules use vmid.
        String container = host.text("container", "ansible_lxc_host").or(() -> host.text("vmid", null))
                .filter(s -> !s.isBlank()).orElseThrow(() -> new TransportException(
                        "host " + host.name() + " has connection " + connection + " but no 'container': set container to the container's "
                                + ("pct".equals(connection) ? "ID (e.g. '103')" : "name (lxc-attach -n)"), true));
        if (inventory.host(via) == null) {
            throw new TransportException("host " + host.name() + " is reached via " + via + ", which is not in the inventory", true);
        }
        checkAcyclic(host.name());
        return new Link(via, container);
    }

    /** A via chain that returns to a host (a → b → a) would recurse forever; say which hosts form it. */
    private void checkAcyclic(String start) {
        List<String> chain = new ArrayList<>();
        String current = start;
        while (current != null) {
            if (chain.contains(current)) {
                chain.add(current);
                throw new TransportException("hosts reach each other in a cycle through 'via': " + String.join(" → ", chain), true);
            }
            chain.add(current);
            Host h = inventory.host(current);
            current = h == null ? null : viaOf(h).orElse(null);
        }
    }

    private static Optional<String> viaOf(Host h) {
        String c = h.connection();
        boolean container = "lxc".equals(c) || "pct".equals(c) || "community.general.lxc".equals(c);
        return container ? h.text("via", null) : Optional.empty();
    }

    /** Container host → the host it is reached through, for counting each host's own round trips. */
    private final Map<String, String> parents = new ConcurrentHashMap<>();

    private Transport parent(Host host, String via) {
        try {
            Transport parent = get(via);
            parents.put(host.name(), via);
            return parent;
        } catch (TransportException e) {
            // An unreachable parent makes its containers unreachable, with the parent's reason.
            throw new TransportException("host " + host.name() + " is reached via " + via + ": " + e.getMessage(), true, e);
        }
    }

    /**
     * Round trips per host so far, for {@code --debug}: each host's own commands. A container's
     * commands also pass through its parent's transport; they are counted for the container only.
     */
    public Map<String, Integer> roundTrips() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        open.forEach((h, t) -> counts.put(h, t.roundTrips()));
        parents.forEach((child, parent) -> {
            Transport c = open.get(child);
            if (c != null && counts.containsKey(parent)) counts.merge(parent, -c.roundTrips(), Integer::sum);
        });
        return counts;
    }

    @Override
    public void close() {
        open.values().forEach(Transport::close);
    }
}

package dev.pki.resource.container;

import java.util.List;

/**
 * The desired state of one container, as declared.
 *
 * @param id            the container's name (LXC) or numeric ID (Proxmox)
 * @param mounts        bind mounts in the order written
 * @param restart       restart a running container when its mounts change
 * @param ensureRunning start the container if it is stopped
 * @param platform      lxc or pct; null to detect from the host's facts
 */
record ContainerSpec(String id, List<BindMount> mounts, boolean restart, boolean ensureRunning, Platform platform) {

    ContainerSpec {
        mounts = List.copyOf(mounts);
    }
}

/**
 * The {@code container} resource type: bind mounts and the running state of an LXC or Proxmox VE
 * container, declared on the host that runs it. For plain LXC it edits the
 * {@code lxc.mount.entry} lines of {@code /var/lib/lxc/ID/config} (only the lines pki wrote, which
 * carry a {@code # managed by pki} comment); for Proxmox it runs {@code pct set ID -mpN ...},
 * choosing N deterministically and never touching a mount point the playbook does not declare.
 * A running container whose mounts change is restarted unless the playbook says
 * {@code restart false}; the plan says so.
 */
package dev.pki.resource.container;

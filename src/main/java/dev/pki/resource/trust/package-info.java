/**
 * The {@code trust} resource type: puts a CA's root certificate into a target's system trust
 * store. The store's layout (Debian/Ubuntu, RHEL/Fedora, Alpine, Arch) is detected from
 * {@code /etc/os-release} and the update tools present; the update command runs only when the
 * anchor file changed.
 */
package dev.pki.resource.trust;

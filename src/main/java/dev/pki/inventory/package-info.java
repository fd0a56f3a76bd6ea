/**
 * Inventories: hosts, groups and variables read from Ansible-shaped YAML (SnakeYAML's safe
 * loader), and host patterns ({@code all}, {@code guests:!ct102}, {@code ct1*}, ...).
 */
package dev.pki.inventory;

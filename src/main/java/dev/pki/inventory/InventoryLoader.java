package dev.pki.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads Ansible's YAML inventory shape ({@code all}, {@code hosts}, {@code children}, {@code vars}
 * at any level, top-level groups besides {@code all}, host ranges such as {@code ct[101:110]} and
 * {@code host:port}) and the {@code group_vars/} and {@code host_vars/} folders beside each source.
 * Several sources (files or folders of files) are merged before variables are resolved.
 *
 * <p>The work is split in three steps, each in its own class: {@link InventorySources} finds the
 * files and reads them, in order, into an {@link InventoryModel} ({@link InventoryYaml} walks each
 * file's YAML, so every error names the file, line and column of the node at fault); then
 * {@link GroupTree} completes the group hierarchy and {@link VarPrecedence} merges the variables
 * (precedence as in docs/inventory.md).
 */
public final class InventoryLoader {

    private InventoryLoader() {
    }

    /** One inventory file, or a folder of them (see {@link #load(List, Map)}). */
    public static Inventory load(Path source, Map<String, Object> extraVars) {
        return load(List.of(source), extraVars);
    }

    /**
     * Several sources, merged in order: a file, or a folder whose {@code *.yml} and {@code *.yaml}
     * files are read in name order. The {@code group_vars/} and {@code host_vars/} folders beside a
     * file (inside a folder source) are read after every inventory file. A host or group defined in
     * several files gets the union of memberships; for a variable defined twice at the same level, the
     * later file wins.
     */
    public static Inventory load(List<Path> sources, Map<String, Object> extraVars) {
        InventoryModel model = new InventoryModel();
        InventorySources.read(sources, model);
        return model.resolve(extraVars);
    }
}

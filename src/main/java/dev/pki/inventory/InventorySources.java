package dev.pki.inventory;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.diag.Suggestions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where an inventory comes from: the files and folders given with {@code -i}, in order, and the
 * {@code group_vars/} and {@code host_vars/} folders beside them. Each file found is read into the
 * model by {@link InventoryYaml}.
 */
final class InventorySources {

    private static final List<String> VARS_EXTENSIONS = List.of(".yml", ".yaml", ".json");

    private InventorySources() {
    }

    /** Reads every source into the model; the vars folders only after every inventory file, so they can name any group or host. */
    static void read(List<Path> sources, InventoryModel model) {
        Set<Path> varsDirs = new LinkedHashSet<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                List<Path> files = inventoryFiles(source);
                if (files.isEmpty()) throw error(source, "the inventory folder has no *.yml or *.yaml file");
                for (Path f : files) new InventoryYaml(f, model).inventory();
                varsDirs.add(source.toAbsolutePath().normalize());
            } else {
                new InventoryYaml(source, model).inventory();
                Path parent = source.toAbsolutePath().normalize().getParent();
                if (parent != null) varsDirs.add(parent);
            }
        }
        for (Path dir : varsDirs) {
            varsFolder(dir, "group_vars", model);
            varsFolder(dir, "host_vars", model);
        }
    }

    private static List<Path> inventoryFiles(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !hidden(p))
                    .filter(p -> p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw error(folder, "cannot read the inventory folder: " + e.getMessage());
        }
    }

    // --- group_vars/ and host_vars/ ----------------------------------------------------------------------------

    /**
     * {@code group_vars/NAME}, {@code NAME.yml}, {@code NAME.yaml}, {@code NAME.json} or a folder
     * {@code NAME/} whose files are merged in name order. As in Ansible, the first of
     * {@code NAME} (file or folder), {@code NAME.yml}, {@code NAME.yaml}, {@code NAME.json} that exists
     * is read; the others are reported and ignored.
     */
    private static void varsFolder(Path base, String kind, InventoryModel model) {
        Path dir = base.resolve(kind);
        if (!Files.isDirectory(dir)) return;
        Map<String, List<Path>> byName = new LinkedHashMap<>();
        for (Path p : sortedChildren(dir)) {
            if (hidden(p)) continue;
            String file = p.getFileName().toString();
            String name = Files.isDirectory(p) ? file : entityName(file);
            if (name != null) byName.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
        }
        boolean groups = kind.equals("group_vars");
        for (var e : byName.entrySet()) {
            String name = e.getKey();
            List<Path> candidates = new ArrayList<>(e.getValue());
            candidates.sort(Comparator.comparingInt(p -> candidateRank(p, name)));
            Path chosen = candidates.get(0);
            String shown = shown(chosen) + (Files.isDirectory(chosen) ? "/" : "");
            if (candidates.size() > 1) {
                model.warnings.add(Diagnostic.warning(SourceLocation.UNKNOWN, kind + " has both " + shown + " and "
                        + shown(candidates.get(1)) + " for " + name + "; only " + shown + " is read (as Ansible does)"));
            }
            Map<String, Object> target = groups ? (model.groups.containsKey(name) ? model.groups.get(name).fileVars : null)
                    : (model.hosts.containsKey(name) ? model.hosts.get(name).fileVars : null);
            if (target == null) {
                model.warnings.add(Diagnostic.warning(SourceLocation.UNKNOWN, shown + " is not used: there is no " + (groups ? "group" : "host")
                        + " '" + name + "' in the inventory").withSuggestion(Suggestions.didYouMean(name,
                        groups ? model.groups.keySet() : model.hosts.keySet())));
                continue;
            }
            List<Path> files = Files.isDirectory(chosen) ? varsFilesIn(chosen) : List.of(chosen);
            for (Path f : files) target.putAll(new InventoryYaml(f, model).varsFile(base.relativize(f).toString()));
        }
    }

    /** A path as the user would type it: relative to the working directory when under it. */
    private static String shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** Ansible's order of preference: NAME (file or folder), NAME.yml, NAME.yaml, NAME.json. */
    private static int candidateRank(Path p, String name) {
        String file = p.getFileName().toString();
        if (file.equals(name)) return 0;
        return 1 + VARS_EXTENSIONS.indexOf(file.substring(name.length()));
    }

    /** The group or host a file in group_vars/ or host_vars/ is for, or null when its extension is not read. */
    private static String entityName(String file) {
        for (String ext : VARS_EXTENSIONS) {
            if (file.endsWith(ext) && file.length() > ext.length()) return file.substring(0, file.length() - ext.length());
        }
        if (file.endsWith("~")) return null;
        // Ansible also reads files without an extension (group_vars/all); a name with another
        // extension (README.md, all.yml.bak) is not a vars file.
        return file.contains(".") ? null : file;
    }

    /** The vars files in a group_vars/NAME/ folder, in name order, subfolders included. */
    private static List<Path> varsFilesIn(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !folder.relativize(p).toString().startsWith(".") && !p.getFileName().toString().startsWith("."))
                    .filter(p -> VARS_EXTENSIONS.stream().anyMatch(ext -> p.getFileName().toString().endsWith(ext)))
                    .sorted(Comparator.comparing(p -> folder.relativize(p).toString()))
                    .toList();
        } catch (IOException e) {
            throw error(folder, "cannot read " + folder.getFileName() + ": " + e.getMessage());
        }
    }

    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw error(dir, "cannot read " + dir.getFileName() + ": " + e.getMessage());
        }
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static PkiException error(Path file, String message) {
        return new PkiException(SourceLocation.of(file, 0), message);
    }
}

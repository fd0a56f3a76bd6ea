package dev.pki.resource.zfs;

import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.facts.CommandOutput;
import dev.pki.facts.Fact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two facts a dataset needs and their parsers: the imported pools ({@code zpool list -H -o name})
 * and the properties of the pool's root dataset and of the dataset itself, as
 * {@code zfs get -H -p -o name,property,value,source all POOL NAME} prints them (tab-separated).
 * The pool's root is read too so that a misspelt property name is caught at plan time even when
 * the dataset does not exist yet.
 */
final class ZfsFacts {

    private ZfsFacts() {
    }

    static Fact.CommandFact pools() {
        return (Fact.CommandFact) Fact.command("zpool", "list", "-H", "-o", "name");
    }

    static Fact.CommandFact properties(String dataset) {
        String pool = pool(dataset);
        List<String> argv = new ArrayList<>(List.of("zfs", "get", "-H", "-p", "-o", "name,property,value,source", "all", pool));
        if (!pool.equals(dataset)) argv.add(dataset);
        return new Fact.CommandFact(argv);
    }

    static String pool(String dataset) {
        int slash = dataset.indexOf('/');
        return slash < 0 ? dataset : dataset.substring(0, slash);
    }

    /** The names of the imported pools; throws when ZFS is missing or not working on the host. */
    static Set<String> parsePools(CommandOutput out, String host, SourceLocation at) {
        if (out.exitCode() == 127) {
            throw new PkiException(at, "zpool is not installed on " + host + " (install zfsutils-linux, or zfs-fuse)");
        }
        if (!out.ok()) {
            throw new PkiException(at, "cannot list ZFS pools on " + host + ": " + message(out.err(), out.exitCode()));
        }
        Set<String> pools = new LinkedHashSet<>();
        for (String line : out.out().split("\n")) {
            if (!line.isBlank()) pools.add(line.strip());
        }
        return pools;
    }

    /**
     * Properties per dataset name, in the order printed. A dataset that does not exist is simply
     * missing from the map: zfs prints what it can and reports "dataset does not exist" for the rest.
     */
    static Map<String, Map<String, String>> parseProperties(CommandOutput out, String host, SourceLocation at) {
        if (out.exitCode() == 127) {
            throw new PkiException(at, "zfs is not installed on " + host + " (install zfsutils-linux, or zfs-fuse)");
        }
        Map<String, Map<String, String>> datasets = new HashMap<>();
        for (String line : out.out().split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 4) continue;
            // A value could in theory hold a tab: everything between property and source is the value.
            String value = String.join("\t", Arrays.copyOfRange(f, 2, f.length - 1));
            datasets.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], value);
        }
        if (!out.ok() && !out.err().contains("does not exist")) {
            throw new PkiException(at, "cannot read ZFS properties on " + host + ": " + message(out.err(), out.exitCode()));
        }
        return datasets;
    }

    /** All of stderr on one line: zfs-fuse explains a stopped daemon over several lines, the last alone is cryptic. */
    private static String message(String err, int code) {
        String text = String.join("; ", err.strip().lines().map(String::strip)
                .map(l -> l.endsWith(".") ? l.substring(0, l.length() - 1) : l).filter(l -> !l.isEmpty()).toList());
        if (text.length() > 300) text = text.substring(0, 300) + "...";
        return text.isEmpty() ? "exit code " + code : text;
    }
}

package dev.pki.planfile;

import dev.pki.diag.PkiException;
import groovy.json.JsonException;
import groovy.json.JsonOutput;
import groovy.json.JsonSlurper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes plan files: JSON with a {@code pki_plan} marker, the pki version that wrote it
 * and a SHA-256 checksum of the body, so that a file from another version or a damaged file is a
 * clear error rather than a wrong apply.
 */
public final class PlanFile {

    static final String MARKER = "pki_plan";
    static final int FILE_FORMAT = 1;

    private PlanFile() {
    }

    /** A quick look: does this file look like a plan file rather than a playbook? */
    public static boolean looksLikePlan(Path file) {
        if (file.toString().endsWith(".pkiplan")) return true;
        try {
            String head = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).stripLeading();
            return head.startsWith("{") && head.contains("\"" + MARKER + "\"");
        } catch (IOException e) {
            return false;
        }
    }

    public static void write(Path file, SavedPlan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pki_version", plan.pkiVersion());
        body.put("created_at", plan.createdAt());
        body.put("playbook", input(plan.playbook()));
        body.put("inventories", plan.inventories().stream().map(PlanFile::input).toList());
        body.put("vars", plan.vars());
        body.put("limit", plan.limit());
        body.put("salt", plan.salt());
        body.put("fingerprints", plan.fingerprints());
        body.put("plan", plan.plan());
        String bodyJson = JsonOutput.toJson(body);
        Map<String, Object> file0 = new LinkedHashMap<>();
        file0.put(MARKER, FILE_FORMAT);
        file0.put("checksum", sha256(bodyJson));
        file0.put("body", body);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Written atomically and private: a plan carries the playbook's -e variables.
            Path tmp = Files.createTempFile(dir, ".pkiplan", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, JsonOutput.prettyPrint(JsonOutput.toJson(file0)) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PkiException("cannot write plan file " + file + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static SavedPlan read(Path file, String expectedVersion) {
        Object parsed;
        try {
            parsed = new JsonSlurper().parseText(Files.readString(file));
        } catch (IOException e) {
            throw new PkiException("cannot read plan file " + file + ": " + (Files.exists(file) ? e.getMessage() : "no such file"));
        } catch (JsonException | IllegalArgumentException e) {
            throw corrupted(file, "it is not valid JSON");
        }
        if (!(parsed instanceof Map<?, ?> top) || !top.containsKey(MARKER)) throw new PkiException(file + " is not a pki plan file");
        if (!Integer.valueOf(FILE_FORMAT).equals(top.get(MARKER))) {
            throw new PkiException(file + " has plan file format " + top.get(MARKER) + "; this pki reads format " + FILE_FORMAT);
        }
        if (!(top.get("body") instanceof Map<?, ?> rawBody)) throw corrupted(file, "it has no body");
        Map<String, Object> body = (Map<String, Object>) rawBody;
        String version = String.valueOf(body.get("pki_version"));
        if (!version.equals(expectedVersion)) {
            throw new PkiException(file + " was made by pki " + version + "; this is pki " + expectedVersion
                    + ". Make the plan again with this version.");
        }
        if (!sha256(JsonOutput.toJson(body)).equals(top.get("checksum"))) throw corrupted(file, "its checksum does not match its content");
        try {
            List<SavedPlan.InputFile> inventories = new ArrayList<>();
            for (Object o : (List<Object>) body.get("inventories")) inventories.add(input((Map<String, Object>) o));
            return new SavedPlan(version, (String) body.get("created_at"), input((Map<String, Object>) body.get("playbook")), inventories,
                    (Map<String, String>) body.get("vars"), (String) body.get("limit"), (String) body.get("salt"),
                    (Map<String, Map<String, String>>) body.get("fingerprints"), (Map<String, Object>) body.get("plan"));
        } catch (ClassCastException | NullPointerException e) {
            throw corrupted(file, "a field is missing or has the wrong type");
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of a file the plan depends on. */
    public static SavedPlan.InputFile inputFile(Path path) {
        try {
            return new SavedPlan.InputFile(path.toAbsolutePath().normalize().toString(), sha256(Files.readAllBytes(path)));
        } catch (IOException e) {
            throw new PkiException("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> input(SavedPlan.InputFile f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", f.path());
        m.put("sha256", f.sha256());
        return m;
    }

    private static SavedPlan.InputFile input(Map<String, Object> m) {
        return new SavedPlan.InputFile((String) m.get("path"), (String) m.get("sha256"));
    }

    private static PkiException corrupted(Path file, String why) {
        return new PkiException("plan file " + file + " is corrupted: " + why + ". Make the plan again.");
    }
}

package dev.pki.dsl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Compiled playbooks on disk. Parsing a playbook with Groovy's parser costs about a second of CPU
 * on a cold JVM (JFR: most of a validate run); the compiled classes of an unchanged playbook are
 * reused instead. The key is a SHA-256 of pki's and Groovy's versions, the script's name and its
 * source, so any change compiles afresh. The directory holds code: it is used only if it belongs
 * to this user and nobody else can write to it; entries are written 0600, atomically. Any problem
 * with the cache just means compiling.
 */
final class ScriptCache {

    private static final Set<PosixFilePermission> UNSAFE = Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private final Path directory;

    ScriptCache(Path directory) {
        this.directory = directory;
    }

    /** {@code $PKI_CACHE_DIR}, else {@code $XDG_CACHE_HOME/pki/scripts}, else {@code ~/.cache/pki/scripts}. */
    static ScriptCache standard() {
        String dir = System.getenv("PKI_CACHE_DIR");
        if (dir != null && !dir.isBlank()) return new ScriptCache(Path.of(dir));
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new ScriptCache(base.resolve("pki").resolve("scripts"));
    }

    static String key(String scriptName, String source, String pkiVersion) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{pkiVersion, groovy.lang.GroovySystem.getVersion(), scriptName, source}) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classes compiled for {@code key}, by name, if cached and the cache is safe to use. */
    Optional<Map<String, byte[]>> read(String key) {
        Path file = directory.resolve(key + ".classes");
        try {
            if (!safe(directory) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !safe(file)) return Optional.empty();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    String name = in.readUTF();
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    classes.put(name, bytes);
                }
            }
            return Optional.of(classes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // unreadable or damaged: compile instead
        }
    }

    void write(String key, Map<String, byte[]> classes) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!safe(directory)) return;
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(buffer)) {
                out.writeInt(classes.size());
                for (var e : classes.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    out.write(e.getValue());
                }
            }
            Path tmp = Files.createTempFile(directory, ".script", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, buffer.toByteArray());
            Files.move(tmp, directory.resolve(key + ".classes"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written only costs the next run a compilation.
        }
    }

    /** Owned by this process's user and not writable by group or others. */
    private static boolean safe(Path path) throws IOException {
        String me = System.getProperty("user.name");
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(me)
                && Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).stream().noneMatch(UNSAFE::contains);
    }

    /** Defines a compiled script's classes from their bytes, on demand. */
    static final class BytesClassLoader extends ClassLoader {
        /** Every class a playbook loaded in this process since {@link #takeDefined()}. */
        static final Queue<Class<?>> DEFINED = new ConcurrentLinkedQueue<>();

        private final Map<String, byte[]> classes;

        static List<Class<?>> takeDefined() {
            List<Class<?>> taken = new ArrayList<>();
            for (Class<?> c; (c = DEFINED.poll()) != null; ) taken.add(c);
            return taken;
        }

        BytesClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) throw new ClassNotFoundException(name);
            Class<?> defined = defineClass(name, bytes, 0, bytes.length);
            DEFINED.add(defined);
            return defined;
        }
    }
}

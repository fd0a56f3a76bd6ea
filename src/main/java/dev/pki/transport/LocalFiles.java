package dev.pki.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The file operations of {@link Remote} done in-process for the local transport: the same
 * semantics as the shell scripts (temporary file created 0600 beside the target, owner, group and
 * mode set, then an atomic rename), without starting five processes per file — which was most of
 * the time of issuing a thousand certificates. Modes with setuid, setgid or sticky bits, which
 * NIO cannot set, return false so that the caller uses the shell script instead.
 */
final class LocalFiles {

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalFiles() {
    }

    /** See {@link Remote#write} and {@link Remote#writeDurable}. */
    static boolean write(String path, byte[] content, FileAttrs attrs, boolean durable) {
        Set<PosixFilePermission> mode = permissions(attrs.mode());
        if (mode == null) return false;
        Path target = Path.of(path);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = createPrivate(dir, content, durable);
            own(tmp, attrs);
            Files.setPosixFilePermissions(tmp, mode);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            if (durable) force(dir);   // the rename: the directory entry now names the new file
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            // A directory at the target makes the rename fail (EISDIR, whatever it holds); asked
            // only then, not with a stat before every write.
            throw failed("write " + path, Files.isDirectory(target) ? path + " is a directory" : reason(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Best effort; the error that matters was already thrown.
                }
            }
        }
    }

    /**
     * A new file beside the target, created 0600 with the content in one open (and synced to
     * stable storage when {@code durable}). Not createTempFile and a second, truncating open: ext4
     * starts writing back a file truncated to zero when it is closed (auto_da_alloc), which made
     * each write cost up to a millisecond more.
     */
    private static Path createPrivate(Path dir, byte[] content, boolean durable) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(".pki-" + Long.toUnsignedString(RANDOM.nextLong(), 36));
            try (FileChannel out = FileChannel.open(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PRIVATE))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) out.write(buffer);
                if (durable) out.force(true);
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) throw e; // ten collisions of 64 random bits: something else is wrong
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        }
    }

    /** See {@link Remote#mkdir} and {@link Remote#mkdirDurable}. */
    static boolean mkdir(String path, FileAttrs attrs, boolean durable) {
        Set<PosixFilePermission> mode = permissions(attrs.mode());
        if (mode == null) return false;
        try {
            // Each directory about to be created is a new entry in its parent: those parents are synced.
            List<Path> parents = new ArrayList<>();
            for (Path d = Path.of(path).toAbsolutePath(); durable && d.getParent() != null && !Files.isDirectory(d); d = d.getParent()) {
                parents.add(d.getParent());
            }
            Path dir = Files.createDirectories(Path.of(path));
            own(dir, attrs);
            Files.setPosixFilePermissions(dir, mode);
            for (Path parent : parents) force(parent);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            throw failed("create directory " + path, reason(e));
        }
    }

    /** Syncs a directory's entries (and its own attributes) to stable storage. */
    private static void force(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    static boolean setAttributes(String path, FileAttrs attrs) {
        Set<PosixFilePermission> mode = permissions(attrs.mode());
        if (mode == null) return false;
        try {
            Path p = Path.of(path);
            own(p, attrs);
            Files.setPosixFilePermissions(p, mode);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            throw failed("set owner/mode of " + path, reason(e));
        }
    }

    /** chown/chgrp by name or numeric id, as the shell scripts do. */
    private static void own(Path p, FileAttrs attrs) throws IOException {
        if (attrs.owner().isEmpty() && attrs.group().isEmpty()) return;
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.owner().isEmpty()) view.setOwner(lookup.lookupPrincipalByName(attrs.owner()));
        if (!attrs.group().isEmpty()) {
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(attrs.group());
            view.setGroup(group);
        }
    }

    /** rwx bits of an octal mode, or null when it has special bits (setuid, setgid, sticky). */
    static Set<PosixFilePermission> permissions(String octal) {
        int mode;
        try {
            mode = Integer.parseInt(octal, 8);
        } catch (NumberFormatException e) {
            throw failed("set mode", "invalid mode " + octal);
        }
        if ((mode & 07000) != 0) return null;
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        for (int i = 0; i < 9; i++) if ((mode & (0400 >> i)) != 0) out.add(order[i]);
        return out;
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException n) return n.getFile() + ": No such file or directory";
        if (e instanceof java.nio.file.AccessDeniedException a) return a.getFile() + ": Permission denied";
        if (e instanceof java.nio.file.attribute.UserPrincipalNotFoundException u) return "no such user or group: " + u.getName();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static TransportException failed(String what, String why) {
        return new TransportException("could not " + what + ": " + why, false);
    }
}

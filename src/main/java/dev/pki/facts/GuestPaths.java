package dev.pki.facts;

import dev.pki.transport.LxcInit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Path and program facts of a running LXC container on this machine, read in-process through its
 * init's root directory ({@code /proc/PID/root}) — what the gatherer's script would answer inside
 * the container, without the {@code lxc-attach}, {@code sh}, {@code stat} and {@code od} of a
 * script (~27 ms a container on the benchmark machine, most of a converged plan's fact reads).
 *
 * <p>Nothing the container controls can lead a read outside it. The root is opened through the
 * verified {@code /proc/PID} directory (still the monitor's child, the first process of its PID
 * namespace, and no longer on this machine's root, as it is while LXC starts it), and every component is opened relative to its parent
 * with {@code O_NOFOLLOW} ({@link SecureDirectoryStream}); symbolic links are resolved here, as
 * the container would resolve them (absolute targets from its root, {@code ..} stopping at it).
 * Numeric ids and the mode come from a second read by name, used only when it reports the same
 * file (device and inode) as the safe walk. Ids are mapped through the container's user
 * namespace and named from its own {@code /etc/passwd} and {@code /etc/group}.
 *
 * <p>Whatever it cannot answer exactly as the script would — an id without a name in those
 * files, a dangling link, a path under {@code /proc}, {@code /sys} or {@code /dev}, a file that
 * changed during the read — makes the whole read {@link Optional#empty() empty}, and the caller
 * runs the script in the container instead.
 */
final class GuestPaths {

    /** Where the container's kernel views live: their names mean something else from the host. */
    private static final Set<String> KERNEL_VIEWS = Set.of("proc", "sys", "dev");
    private static final int MAX_LINKS = 40;   // Linux's limit on links followed in one lookup

    /** Something the script would answer differently or that changed underway: read with the script instead. */
    static final class Unusual extends Exception {
        Unusual(String why) {
            super(why, null, false, false);
        }
    }

    private final LxcInit.Hint hint;
    private final SecureDirectoryStream<Path> proc;
    private final SecureDirectoryStream<Path> root;
    private IdNames users;
    private IdNames groups;
    private final Map<String, String> idMaps = new HashMap<>();   // uid_map / gid_map → its text

    private GuestPaths(LxcInit.Hint hint, SecureDirectoryStream<Path> proc, SecureDirectoryStream<Path> root) {
        this.hint = hint;
        this.proc = proc;
        this.root = root;
    }

    /** The facts, or empty when the script must read them (see the class comment). */
    static Optional<Map<Fact, Object>> read(LxcInit.Hint hint, Map<String, Boolean> paths, List<Fact.ProgramFact> programs,
                                            List<String> searchPath) {
        try {
            return Optional.of(readOrExplain(hint, paths, programs, searchPath));
        } catch (Unusual | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** As {@link #read}, but says why it could not (for tests). */
    static Map<Fact, Object> readOrExplain(LxcInit.Hint hint, Map<String, Boolean> paths, List<Fact.ProgramFact> programs,
                                           List<String> searchPath) throws Unusual, IOException {
        DirectoryStream<Path> opened = Files.newDirectoryStream(Path.of("/proc", Long.toString(hint.init())));
        if (!(opened instanceof SecureDirectoryStream<Path> proc)) {
            opened.close();
            throw new Unusual("no openat on this platform");
        }
        try (proc) {
            verify(proc, hint);
            try (SecureDirectoryStream<Path> root = proc.newDirectoryStream(Path.of("root"))) {   // the magic link, followed
                // A container still starting has its namespaces but not yet its root (LXC pivots
                // into the root file system just before it runs init): its "root" is this machine's.
                Object rootKey = root.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
                if (rootKey == null || rootKey.equals(Files.readAttributes(Path.of("/"), BasicFileAttributes.class).fileKey())) {
                    throw new Unusual("process " + hint.init() + " has this machine's root: the container is not running yet");
                }
                GuestPaths guest = new GuestPaths(hint, proc, root);
                Map<Fact, Object> answers = new HashMap<>();
                for (Map.Entry<String, Boolean> e : paths.entrySet()) {
                    PathState state = guest.state(e.getKey(), e.getValue());
                    answers.put(new Fact.PathFact(e.getKey(), e.getValue()), state);
                    if (e.getValue()) answers.put(new Fact.PathFact(e.getKey(), false), state);
                }
                for (Fact.ProgramFact p : programs) answers.put(p, guest.programs(p, searchPath));
                return answers;
            }
        }
    }

    /** That the process is still the monitor's child and the first process of its PID namespace. */
    private static void verify(SecureDirectoryStream<Path> proc, LxcInit.Hint hint) throws IOException, Unusual {
        String ppid = null;
        String nspid = null;
        for (String line : text(proc, "status").split("\n")) {
            if (line.startsWith("PPid:")) ppid = line.substring(5).trim();
            else if (line.startsWith("NSpid:")) nspid = line.substring(6).trim();
        }
        String[] ids = nspid == null ? new String[0] : nspid.split("\\s+");
        if (!Long.toString(hint.monitor()).equals(ppid) || ids.length < 2 || !ids[ids.length - 1].equals("1")) {
            throw new Unusual("process " + hint.init() + " is no longer the container's init");
        }
    }

    private PathState state(String path, boolean content) throws IOException, Unusual {
        try (Located at = locate(path)) {
            if (at == null) return PathState.ABSENT;
            Map<String, Object> unix = unixAttributes(at);
            PathState.Kind kind = at.attrs.isDirectory() ? PathState.Kind.DIRECTORY
                    : at.attrs.isRegularFile() ? PathState.Kind.FILE : PathState.Kind.OTHER;
            String mode = FactGatherer.normalizeMode(Integer.toOctalString((Integer) unix.get("mode") & 07777));
            int uid = mapped("uid_map", (Integer) unix.get("uid"));
            int gid = mapped("gid_map", (Integer) unix.get("gid"));
            if (users == null) users = IdNames.of(this, "/etc/passwd");
            if (groups == null) groups = IdNames.of(this, "/etc/group");
            byte[] bytes = content && kind == PathState.Kind.FILE ? contents(at) : null;
            return new PathState(kind, mode, users.name(uid), groups.name(gid), bytes, true, uid, gid);
        }
    }

    /** Name → where {@code command -v} finds it: the first regular, executable file of that name on the search path. */
    private Map<String, String> programs(Fact.ProgramFact fact, List<String> searchPath) throws IOException, Unusual {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : fact.names()) {
            for (String dir : searchPath) {
                String candidate = dir + "/" + name;
                try (Located at = locate(candidate)) {
                    if (at != null && at.attrs.isRegularFile() && ((Integer) unixAttributes(at).get("mode") & 0111) != 0) {
                        found.put(name, candidate);
                        break;
                    }
                }
            }
        }
        return Map.copyOf(found);
    }

    /** The mode and ids, read by name and accepted only for the very file the safe walk found. */
    private Map<String, Object> unixAttributes(Located at) throws IOException, Unusual {
        Map<String, Object> unix = Files.readAttributes(at.byName(at.name), "unix:mode,uid,gid,fileKey", LinkOption.NOFOLLOW_LINKS);
        if (!Objects.equals(unix.get("fileKey"), at.attrs.fileKey())) throw new Unusual(at.name + " changed while it was read");
        return unix;
    }

    private static byte[] contents(Located at) throws IOException {
        try (SeekableByteChannel ch = at.parent().newByteChannel(Path.of(at.name), Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            return readAll(ch);
        }
    }

    /** An id as the container sees it, through its user namespace's map (read once per read, like the names). */
    private int mapped(String mapFile, int hostId) throws IOException, Unusual {
        String map = idMaps.get(mapFile);
        if (map == null) idMaps.put(mapFile, map = text(proc, mapFile));
        int id = mapId(map, hostId);
        if (id < 0) throw new Unusual("id " + hostId + " is not mapped into the container");
        return id;
    }

    /** The id inside a user namespace, from its map ({@code inside outside count} lines); -1 when unmapped. */
    static int mapId(String map, int hostId) {
        for (String line : map.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 3) continue;
            long inside = Long.parseLong(f[0]);
            long outside = Long.parseLong(f[1]);
            long count = Long.parseLong(f[2]);
            if (hostId >= outside && hostId < outside + count) return (int) (inside + hostId - outside);
        }
        return -1;
    }

    /**
     * Opens the path's parent directory safely and looks its last component up, links followed
     * as {@code stat -L} follows them. Null when the path does not exist (as {@code [ -e ]} says).
     */
    Located locate(String path) throws IOException, Unusual {
        Deque<String> todo = components(path);
        Located walk = new Located();
        boolean viaLastLink = false;   // the last component was a link: a missing target means a dangling link
        int links = 0;
        try {
            while (!todo.isEmpty()) {
                String c = todo.pollFirst();
                if (c.equals("..")) {
                    walk.up();
                    continue;
                }
                if (walk.dirs.isEmpty() && KERNEL_VIEWS.contains(c)) throw new Unusual("/" + c + " is the container's own kernel view");
                BasicFileAttributes a;
                try {
                    a = walk.parent().getFileAttributeView(name(c), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
                } catch (NoSuchFileException e) {
                    if (viaLastLink) throw new Unusual(path + " is a dangling link");
                    walk.close();
                    return null;
                }
                if (a.isSymbolicLink()) {
                    if (++links > MAX_LINKS) throw new Unusual(path + ": too many links");
                    if (todo.isEmpty()) viaLastLink = true;
                    // By name: only a string to walk on, safely, from here (see the class comment).
                    String target = Files.readSymbolicLink(walk.byName(c)).toString();
                    if (target.isEmpty()) throw new Unusual(path + ": an empty link");
                    if (target.startsWith("/")) walk.toRoot();
                    Deque<String> then = components(target);
                    while (!then.isEmpty()) todo.addFirst(then.pollLast());
                    continue;
                }
                if (todo.isEmpty()) {
                    walk.name = c;
                    walk.attrs = a;
                    return walk;
                }
                if (!a.isDirectory()) {   // a file where a directory is needed: the path does not exist
                    if (viaLastLink) throw new Unusual(path + " is a dangling link");
                    walk.close();
                    return null;
                }
                walk.down(c);
            }
            throw new Unusual(path + " ends at a directory reached through '..' (or the root)");
        } catch (Unusual | IOException | RuntimeException e) {
            walk.close();
            throw e;
        }
    }

    /** The directories opened on the way down (from the root), the last component and its attributes. */
    final class Located implements AutoCloseable {
        final List<SecureDirectoryStream<Path>> dirs = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        String name;
        BasicFileAttributes attrs;

        SecureDirectoryStream<Path> parent() {
            return dirs.isEmpty() ? root : dirs.get(dirs.size() - 1);
        }

        /** {@code /proc/PID/root/DIRS.../component}: for what only a read by name gives (ids, a link's target). */
        Path byName(String component) {
            return Path.of("/proc", Long.toString(hint.init()), "root").resolve(String.join("/", names)).resolve(component);
        }

        void down(String c) throws IOException, Unusual {
            dirs.add(parent().newDirectoryStream(name(c), LinkOption.NOFOLLOW_LINKS));
            names.add(c);
        }

        void up() throws IOException {
            if (dirs.isEmpty()) return;   // ".." of the root is the root
            dirs.remove(dirs.size() - 1).close();
            names.remove(names.size() - 1);
        }

        void toRoot() throws IOException {
            while (!dirs.isEmpty()) up();
        }

        @Override
        public void close() {
            try {
                toRoot();
            } catch (IOException e) {
                // closing a directory we only read
            }
        }
    }

    private static Path name(String component) throws Unusual {
        try {
            return Path.of(component);
        } catch (InvalidPathException e) {
            throw new Unusual("not a path component: " + component);
        }
    }

    private static Deque<String> components(String path) {
        Deque<String> out = new ArrayDeque<>();
        for (String c : path.split("/")) if (!c.isEmpty() && !c.equals(".")) out.addLast(c);
        return out;
    }

    private static String text(SecureDirectoryStream<Path> dir, String file) throws IOException {
        try (SeekableByteChannel ch = dir.newByteChannel(Path.of(file), Set.of(StandardOpenOption.READ))) {
            return new String(readAll(ch), StandardCharsets.UTF_8);
        }
    }

    /** To the end, whatever size the file claims (files under /proc claim 0). */
    private static byte[] readAll(SeekableByteChannel ch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
        while (ch.read(buf) >= 0) {
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }
        return out.toByteArray();
    }

    /** Id → name from the container's own {@code /etc/passwd} or {@code /etc/group} (the first entry wins, as getpwuid's does). */
    private record IdNames(String file, Map<Integer, String> names) {

        static IdNames of(GuestPaths guest, String file) throws IOException, Unusual {
            Map<Integer, String> names = new HashMap<>();
            try (Located at = guest.locate(file)) {
                if (at != null && at.attrs.isRegularFile()) {
                    for (String line : new String(contents(at), StandardCharsets.UTF_8).split("\n")) {
                        String[] f = line.split(":", -1);
                        if (f.length < 3 || f[0].isEmpty() || f[0].startsWith("+") || f[0].startsWith("-")) continue;
                        try {
                            names.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                        } catch (NumberFormatException e) {
                            // not an entry
                        }
                    }
                }
            }
            return new IdNames(file, names);
        }

        /** The name; an id the file does not name may have one elsewhere (NSS), which only the container can say. */
        String name(int id) throws Unusual {
            String name = names.get(id);
            if (name == null) throw new Unusual("id " + id + " has no name in the container's " + file);
            return name;
        }
    }
}

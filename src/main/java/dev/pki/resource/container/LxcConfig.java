package dev.pki.resource.container;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the bind mounts in an LXC container's config file, as pure text in → text out. Mount
 * lines pki writes are preceded by the {@link #MARKER} comment line (LXC has no trailing
 * comments), and only those are ever replaced; every other line is kept byte for byte. The text
 * is handled as ISO-8859-1, which maps bytes 1:1 to chars, so bytes that are not UTF-8 survive.
 *
 * <p>Format ({@code lxc.container.conf(5)}): {@code lxc.mount.entry = SRC DST none
 * bind,create=dir 0 0}, an fstab line whose target is relative to the container's rootfs (no
 * leading slash) and whose fields escape space, tab, newline and backslash as {@code \040} etc.
 */
final class LxcConfig {

    static final String MARKER = "# managed by pki";

    private static final Pattern ENTRY = Pattern.compile("^\\s*lxc\\.mount\\.entry\\s*=\\s*(.*)$");

    private LxcConfig() {
    }

    /** The new text ({@code null} when nothing changes) and the changes it makes. */
    record Edit(String text, List<MountChange> changes) {
        Edit {
            changes = List.copyOf(changes);
        }
    }

    /** A conflict the user must resolve: a line pki does not own already mounts something else at a target. */
    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    /** An {@code lxc.mount.entry} line, fields unescaped (still in the file's raw ISO-8859-1 form). */
    private record Entry(int line, String source, String target, String options, boolean owned) {
    }

    /**
     * Plans the file's content for the wanted mounts.
     *
     * @param raw    the current file content as ISO-8859-1 text
     * @param wanted the playbook's bind mounts, in order
     * @param files  targets whose source is a regular file ({@code create=file} instead of {@code create=dir})
     */
    static Edit edit(String raw, List<BindMount> wanted, Map<String, Boolean> files) {
        List<String> lines = new ArrayList<>(List.of(raw.split("\n", -1)));
        List<Entry> entries = entries(lines);
        List<MountChange> changes = new ArrayList<>();
        StringBuilder appended = new StringBuilder();
        boolean replaced = false;
        for (BindMount m : wanted) {
            String target = relative(m.target());
            String source = rawText(m.source());
            String options = "bind,create=" + (files.getOrDefault(m.target(), false) ? "file" : "dir");
            String line = "lxc.mount.entry = " + escape(source) + " " + escape(rawText(target)) + " none " + options + " 0 0";
            Optional<Entry> ours = entries.stream().filter(e -> e.owned() && e.target().equals(rawText(target))).findFirst();
            if (ours.isPresent()) {
                Entry e = ours.get();
                if (!lines.get(e.line()).equals(line)) {
                    lines.set(e.line(), line);
                    replaced = true;
                    boolean sameSource = e.source().equals(source);
                    changes.add(new MountChange(m.target(),
                            text(e.source()) + (sameSource ? " (" + e.options() + ")" : ""),
                            m.source() + (sameSource ? " (" + options + ")" : "")));
                }
                continue;
            }
            Optional<Entry> theirs = entries.stream().filter(e -> !e.owned() && e.target().equals(rawText(target))).findFirst();
            if (theirs.isPresent()) {
                // Someone else's line already mounts the same source there: that is the wanted state.
                if (theirs.get().source().equals(source)) continue;
                throw new Conflict(m.target() + " is already mounted from " + text(theirs.get().source())
                        + " by a line pki does not manage (line " + (theirs.get().line() + 1) + ")");
            }
            appended.append(MARKER).append('\n').append(line).append('\n');
            changes.add(new MountChange(m.target(), null, m.source()));
        }
        if (changes.isEmpty()) return new Edit(null, List.of());
        String body = replaced ? String.join("\n", lines) : raw;
        if (appended.length() > 0 && !body.isEmpty() && !body.endsWith("\n")) body += "\n";
        return new Edit(body + appended, changes);
    }

    private static List<Entry> entries(List<String> lines) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ENTRY.matcher(lines.get(i));
            if (!m.matches()) continue;
            String[] f = m.group(1).trim().split("[ \t]+");
            if (f.length < 2) continue;
            boolean owned = i > 0 && lines.get(i - 1).strip().equals(MARKER);
            out.add(new Entry(i, unescape(f[0]), normalize(unescape(f[1])), f.length > 3 ? f[3] : "", owned));
        }
        return out;
    }

    /** {@code /etc/step-ca/ssl} → {@code etc/step-ca/ssl}: LXC resolves relative targets under the rootfs. */
    static String relative(String absolute) {
        return normalize(absolute.replaceFirst("^/+", ""));
    }

    private static String normalize(String target) {
        String t = target.startsWith("./") ? target.substring(2) : target;
        while (t.length() > 1 && t.endsWith("/")) t = t.substring(0, t.length() - 1);
        return t;
    }

    /** fstab escapes: the characters that would end a field or a line. */
    static String escape(String field) {
        StringBuilder out = new StringBuilder();
        for (char c : field.toCharArray()) {
            switch (c) {
                case ' ' -> out.append("\\040");
                case '\t' -> out.append("\\011");
                case '\n' -> out.append("\\012");
                case '\\' -> out.append("\\134");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String field) {
        Matcher m = Pattern.compile("\\\\([0-7]{3})").matcher(field);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 8))));
        return m.appendTail(out).toString();
    }

    /** A path as it appears in the raw (ISO-8859-1) view of a UTF-8 file. */
    static String rawText(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The raw view back as text, for messages. */
    static String text(String raw) {
        return new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}

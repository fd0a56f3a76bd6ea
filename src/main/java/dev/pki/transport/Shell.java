package dev.pki.transport;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place where words become shell text. Anything a user wrote reaches a shell only
 * through {@link #quote(String)}.
 */
public final class Shell {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {
    }

    /** Quotes one word for a POSIX shell: safe words as they are, others in single quotes. */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Joins an argument list into one shell command line, each word quoted. */
    public static String join(List<String> argv) {
        return argv.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    /** Bytes per {@code printf}: keeps every line of a script short, whatever the file's size. */
    static final int PRINTF_CHUNK = 4096;

    /**
     * Shell commands that print exactly {@code content} (any bytes, NUL included), for a script
     * read from standard input, so that file contents travel with the script and never in an
     * argument list. One {@code printf} per chunk, joined by {@code &&} so that a failed write fails
     * the whole. The format holds only printable ASCII and three-digit octal escapes inside single
     * quotes: nothing in it is interpreted by the shell, and {@code %}, {@code \} and {@code '} are
     * escaped for printf. A leading {@code -} is escaped too, or printf would take the format for
     * an option.
     */
    public static String printf(byte[] content) {
        List<String> chunks = new java.util.ArrayList<>();
        for (int start = 0; start < content.length; start += PRINTF_CHUNK) {
            StringBuilder s = new StringBuilder("printf '");
            for (int i = start; i < Math.min(content.length, start + PRINTF_CHUNK); i++) {
                int b = content[i] & 0xff;
                boolean plain = b >= 0x20 && b < 0x7f && b != '\\' && b != '%' && b != '\'' && !(i == start && b == '-');
                if (plain) s.append((char) b);
                else s.append('\\').append((char) ('0' + (b >> 6))).append((char) ('0' + (b >> 3 & 7))).append((char) ('0' + (b & 7)));
            }
            chunks.add(s.append('\'').toString());
        }
        return chunks.isEmpty() ? "" : String.join(" &&\n", chunks) + "\n";
    }
}

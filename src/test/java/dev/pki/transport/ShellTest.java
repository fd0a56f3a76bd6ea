package dev.pki.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellTest {

    @ParameterizedTest
    @ValueSource(strings = {"ls", "/etc/ssl/certs", "a-b_c.d", "user@host", "key=value", "a,b:c", "100%", "+x", "0640"})
    void quote_safeWord_isUnchanged(String word) {
        assertEquals(word, Shell.quote(word));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a b            | 'a b'",
            "it's           | 'it'\\''s'",
            "'              | ''\\'''",
            "$(touch pwned) | '$(touch pwned)'",
            "`id`           | '`id`'",
            "$HOME          | '$HOME'",
            "a;b            | 'a;b'",
            "*              | '*'",
            "~root          | '~root'",
            "a\\b           | 'a\\b'",
    })
    void quote_unsafeWord_isSingleQuoted(String word, String expected) {
        assertEquals(expected, Shell.quote(word));
    }

    @Test
    void quote_emptyString_isTwoSingleQuotes() {
        assertEquals("''", Shell.quote(""));
    }

    @Test
    void quote_newline_isKeptInsideQuotes() {
        assertEquals("'a\nb'", Shell.quote("a\nb"));
    }

    @Test
    void join_mixedWords_quotesOnlyWhatNeedsIt() {
        assertEquals("chmod 0640 '/tmp/my file' ''", Shell.join(List.of("chmod", "0640", "/tmp/my file", "")));
    }

    @Test
    void join_emptyList_isEmptyString() {
        assertEquals("", Shell.join(List.of()));
    }

    /** The real test: /bin/sh must see exactly the words we quoted, nothing expanded or split. */
    @Test
    void join_nastyWords_roundTripThroughRealShell(@TempDir Path dir) {
        String pwned = dir.resolve("pwned").toString();
        List<String> words = List.of(
                "plain", "a b", "  leading and trailing  ", "it's", "''", "'", "\"double\"", "$(touch " + pwned + ")",
                "`touch " + pwned + "`", "'$(touch " + pwned + ")'", "$HOME", "${HOME}", "a\nb", "\n", "tab\there", "*", "?", "[a]", "~", "a;b", "a|b",
                "a&b", "a>b", "<", "!", "#comment", "\\", "back\\slash", "-n", "-e", "%s", "ünïcödé", "=", "x=1");
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "printf '%s\\0' " + Shell.join(words)));
        ExecResult result = new LocalTransport().exec(Command.of(argv));

        assertEquals(0, result.exitCode(), result.err());
        List<String> back = new ArrayList<>(List.of(new String(result.stdout(), StandardCharsets.UTF_8).split("\0", -1)));
        assertEquals("", back.remove(back.size() - 1), "output ends with a NUL terminator");
        assertEquals(words, back);
        assertFalse(Files.exists(dir.resolve("pwned")), "a command substitution was executed");
    }

    @Test
    void join_emptyWord_survivesRealShellAsEmptyArgument() {
        ExecResult result = new LocalTransport().exec(Command.of("sh", "-c", "printf '[%s]' " + Shell.join(List.of("", "x", ""))));
        assertEquals("[][x][]", result.out());
    }
}

package dev.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md §5, checked on the source text: every {@code import} and every
 * fully qualified name used in code (comments and string literals are ignored), per package.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
    /** A qualified name in code such as {@code dev.pki.transport.Remote} or {@code org.bouncycastle.asn1.X}. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])((?:dev|org|com|picocli)\\.[a-z_][\\w]*(?:\\.[a-z_][\\w]*)*)\\.[A-Z]");

    /** One source file: its package and every name it depends on, with the line it is on. */
    record Source(Path file, String pkg, List<Dependency> dependencies) {
    }

    record Dependency(String name, int line) {
    }

    private static List<Source> sources;

    @BeforeAll
    static void scan() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the project directory: " + MAIN.toAbsolutePath());
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().map(ArchitectureTest::parse).toList();
        }
        assertFalse(sources.isEmpty());
    }

    @Test
    void model_dependsOnNothingButDiag() {
        assertNoDependency(inPackage("dev.pki.model"),
                d -> d.startsWith("dev.pki.") && !inTree(d, "dev.pki.model") && !inTree(d, "dev.pki.diag"),
                "dev.pki.model may depend on dev.pki.diag only");
    }

    @Test
    void model_usesNoGroovy() {
        assertNoDependency(inPackage("dev.pki.model"), d -> d.startsWith("groovy.") || d.startsWith("org.codehaus.groovy"),
                "dev.pki.model is plain Java: no Groovy");
    }

    @Test
    void plan_neverTouchesTransport() {
        assertNoDependency(inPackage("dev.pki.plan"), d -> inTree(d, "dev.pki.transport"), "dev.pki.plan never imports dev.pki.transport");
    }

    @Test
    void bouncyCastle_onlyInCrypto() {
        assertOnlyIn("dev.pki.crypto", "org.bouncycastle");
    }

    @Test
    void jline_onlyInRender() {
        assertOnlyIn("dev.pki.render", "org.jline");
    }

    @Test
    void snakeYaml_onlyInInventory() {
        assertOnlyIn("dev.pki.inventory", "org.yaml");
    }

    @Test
    void picocli_onlyInCli() {
        assertOnlyIn("dev.pki.cli", "picocli");
    }

    @Test
    void jsch_onlyInTransport() {
        assertOnlyIn("dev.pki.transport", "com.jcraft");
    }

    @Test
    void everyPackage_hasPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                boolean hasJava;
                try (Stream<Path> files = Files.list(dir)) {
                    hasJava = files.anyMatch(p -> p.toString().endsWith(".java"));
                }
                if (hasJava && !Files.isRegularFile(dir.resolve("package-info.java"))) missing.add(MAIN.relativize(dir).toString().replace('/', '.'));
            }
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    @Test
    void everySource_declaresThePackageOfItsDirectory() {
        List<String> wrong = new ArrayList<>();
        for (Source s : sources) {
            String expected = MAIN.relativize(s.file().getParent()).toString().replace('/', '.');
            if (!expected.equals(s.pkg())) wrong.add(s.file() + " declares " + s.pkg());
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void scanner_seesImportsAndQualifiedNamesButNotComments() {
        Source s = parse(Path.of("dev/pki/x/Sample.java"), String.join("\n",
                "package dev.pki.x;",
                "import org.yaml.snakeyaml.Yaml;",
                "import static picocli.CommandLine.Option;",
                "/** See {@link dev.pki.transport.Remote}. */",
                "class Sample { // org.jline.Foo",
                "  dev.pki.crypto.Keys keys; String s = \"com.jcraft.jsch.JSch\";",
                "  char c = '\"'; org.bouncycastle.asn1.X x;",
                "}"));

        assertEquals("dev.pki.x", s.pkg());
        assertEquals(List.of(new Dependency("org.yaml.snakeyaml.Yaml", 2), new Dependency("picocli.CommandLine.Option", 3),
                new Dependency("dev.pki.crypto.Keys", 6), new Dependency("org.bouncycastle.asn1.X", 7)), s.dependencies());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static void assertOnlyIn(String owner, String library) {
        assertNoDependency(inPackage(owner).negate(), d -> inTree(d, library), "only " + owner + " may use " + library);
    }

    private static void assertNoDependency(Predicate<String> packages, Predicate<String> forbidden, String rule) {
        TreeSet<String> violations = new TreeSet<>();
        for (Source s : sources) {
            if (!packages.test(s.pkg())) continue;
            for (Dependency d : s.dependencies()) {
                if (forbidden.test(d.name())) violations.add(s.file() + ":" + d.line() + " (" + s.pkg() + ") uses " + d.name());
            }
        }
        assertEquals(List.of(), List.copyOf(violations), rule);
    }

    /** The package and its subpackages. */
    private static Predicate<String> inPackage(String pkg) {
        return p -> inTree(p, pkg);
    }

    private static boolean inTree(String name, String prefix) {
        return name.equals(prefix) || name.startsWith(prefix + ".");
    }

    private static Source parse(Path file) {
        try {
            return parse(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Source parse(Path file, String text) {
        String code = stripCommentsAndStrings(text);
        Matcher pkg = PACKAGE.matcher(code);
        String name = pkg.find() ? pkg.group(1) : "";
        List<Dependency> deps = new ArrayList<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) deps.add(new Dependency(imports.group(1), lineOf(code, imports.start(1))));
        // Qualified names outside import lines (imports are already counted).
        String body = IMPORT.matcher(PACKAGE.matcher(code).replaceAll(m -> blank(m.group()))).replaceAll(m -> blank(m.group()));
        Matcher qualified = QUALIFIED.matcher(body);
        while (qualified.find()) deps.add(new Dependency(qualified.group(1) + body.substring(qualified.end(1), identifierEnd(body, qualified.end(1) + 1)),
                lineOf(body, qualified.start(1))));
        deps.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Source(file, name, deps);
    }

    private static int identifierEnd(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) i++;
        return i;
    }

    /** Same length and line breaks, so offsets and line numbers stay valid. */
    private static String blank(String s) {
        return Matcher.quoteReplacement(s.replaceAll("[^\\n]", " "));
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** Replaces comments, string, text block and char literals by spaces, keeping line breaks. */
    static String stripCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') { out.append(' '); i++; }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (; i < end; i++) out.append(s.charAt(i) == '\n' ? '\n' : ' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                for (; i < end; i++) out.append(s.charAt(i) == '\n' ? '\n' : ' ');
            } else if (c == '"' || c == '\'') {
                out.append(' ');
                i++;
                while (i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\') { out.append(' '); i++; }
                    if (i < s.length()) { out.append(' '); i++; }
                }
                if (i < s.length()) { out.append(s.charAt(i) == '\n' ? '\n' : ' '); i++; }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}

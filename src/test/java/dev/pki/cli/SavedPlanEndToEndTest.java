package dev.pki.cli;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans for code review: saved plans applied exactly or refused as stale; JSON and Markdown output. */
class SavedPlanEndToEndTest {

    private static final String PLAYBOOK = "examples/local/playbook.groovy";

    @TempDir
    Path dir;
    private Path out;
    private Path planFile;
    private String state;

    @BeforeEach
    void setUp() {
        out = dir.resolve("pki");
        planFile = dir.resolve("p.pkiplan");
        state = dir.resolve("state").toString();
    }

    private Cli.Result plan(String... extra) {
        List<String> args = new ArrayList<>(List.of("plan", PLAYBOOK, "-e", "out=" + out, "--no-color"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private Cli.Result applyPlanFile() {
        return Cli.run("apply", planFile.toString(), "--state-dir", state, "--no-color");
    }

    @Test
    void savedPlan_appliesOnce_thenIsStale() throws Exception {
        assertEquals(2, plan("--out", planFile.toString(), "--detailed-exitcode").exitCode());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(planFile)));

        Cli.Result apply = applyPlanFile();
        assertEquals(0, apply.exitCode(), apply.all());
        assertTrue(Files.isRegularFile(out.resolve("nginx/nginx.crt")));
        assertEquals(0, plan("--detailed-exitcode").exitCode(), "converged");

        Cli.Result again = applyPlanFile();
        assertEquals(1, again.exitCode(), again.all());
        assertTrue(again.err().contains("the plan is stale for host localhost"), again.err());
    }

    @Test
    void savedPlan_withFileChangedByHand_isRefusedNamingFileAndHost_andChangesNothing() throws Exception {
        Cli.Result first = Cli.run("apply", PLAYBOOK, "-e", "out=" + out, "--yes", "--state-dir", state);
        assertEquals(0, first.exitCode(), first.all());
        Files.delete(out.resolve("nginx/nginx.crt"));
        assertEquals(2, plan("--out", planFile.toString(), "--detailed-exitcode").exitCode());
        Files.writeString(out.resolve("trust/lab_root_ca.crt"), "changed by hand\n");
        long keyModified = Files.getLastModifiedTime(out.resolve("nginx/nginx.key")).toMillis();

        Cli.Result apply = applyPlanFile();
        assertEquals(1, apply.exitCode(), apply.all());
        assertTrue(apply.err().contains("the plan is stale for host localhost: path " + out.resolve("trust/lab_root_ca.crt") + " changed"), apply.err());
        assertFalse(Files.exists(out.resolve("nginx/nginx.crt")), "nothing applied");
        assertEquals(keyModified, Files.getLastModifiedTime(out.resolve("nginx/nginx.key")).toMillis());
        assertEquals("changed by hand\n", Files.readString(out.resolve("trust/lab_root_ca.crt")));
    }

    @Test
    void savedPlan_afterPlaybookEdit_isStale() throws Exception {
        Path playbook = dir.resolve("playbook.groovy");
        Files.copy(Path.of(PLAYBOOK), playbook);
        assertEquals(0, Cli.run("plan", playbook.toString(), "-e", "out=" + out, "--out", planFile.toString()).exitCode());
        Files.writeString(playbook, Files.readString(playbook).replace("www.internal", "api.internal"));
        Cli.Result apply = applyPlanFile();
        assertEquals(1, apply.exitCode());
        assertTrue(apply.err().contains("playbook.groovy changed since the plan was made"), apply.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void corruptedOrForeignPlanFile_isAClearError() throws Exception {
        assertEquals(0, plan("--out", planFile.toString()).exitCode());
        String text = Files.readString(planFile);

        Files.writeString(planFile, text.replace("nginx.internal", "nginx.evil"));
        Cli.Result tampered = applyPlanFile();
        assertEquals(1, tampered.exitCode());
        assertTrue(tampered.err().contains("is corrupted: its checksum does not match"), tampered.err());

        Files.writeString(planFile, text.substring(0, text.length() / 2));
        assertTrue(applyPlanFile().err().contains("is corrupted: it is not valid JSON"));

        Files.writeString(planFile, text.replace("\"pki_version\": \"" + Main.VERSION + "\"", "\"pki_version\": \"0.0.9\""));
        Cli.Result foreign = Cli.run("show", planFile.toString());
        assertEquals(1, foreign.exitCode());
        assertTrue(foreign.err().contains("was made by pki 0.0.9; this is pki " + Main.VERSION), foreign.err());
        assertFalse(foreign.all().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out), "nothing applied");
    }

    @Test
    void noPrivateKeyOrPassphrase_inPlanFileJsonOrMarkdown() throws Exception {
        assertEquals(0, Cli.run("apply", PLAYBOOK, "-e", "out=" + out, "--yes", "--state-dir", state).exitCode());
        Files.delete(out.resolve("nginx/nginx.crt"));   // a replace is planned, reading the existing key
        Files.writeString(out.resolve("trust/lab_root_ca.crt"), "old\n");
        String json = plan("--format", "json", "--out", planFile.toString()).out();
        String markdown = plan("--format", "markdown").out();
        String saved = Files.readString(planFile);
        List<String> secrets = new ArrayList<>(List.of(Files.readString(out.resolve("ca/secrets/passphrase.txt")).strip()));
        for (String key : List.of("nginx/nginx.key", "ca/intermediate_ca.key", "ca/root_ca.key")) {
            secrets.addAll(Files.readAllLines(out.resolve(key)).stream().filter(l -> !l.startsWith("-----")).toList());
        }
        for (String secret : secrets) {
            for (String text : List.of(json, markdown, saved)) assertFalse(text.contains(secret), "a secret appears in a plan output");
        }
        assertTrue(json.contains("(sensitive)"));
    }

    @Test
    void jsonOutput_matchesTheDocumentedSchema() throws Exception {
        Files.createDirectories(out.resolve("trust"));
        Files.writeString(out.resolve("trust/lab_root_ca.crt"), "something else\n");
        String json = plan("--format", "json").out();
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/plan-schema.json")));
        Set<ValidationMessage> errors = schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        assertEquals(Set.of(), errors);
        assertTrue(json.contains("\"action\": \"create\"") && json.contains("\"format_version\": \"1.0\""), json);
    }

    @Test
    void markdownOutput_rendersAsTableAndCollapsibleHosts() throws Exception {
        String md = plan("--format", "markdown").out();
        var extensions = List.of(TablesExtension.create());
        String html = HtmlRenderer.builder().extensions(extensions).build().render(Parser.builder().extensions(extensions).build().parse(md));
        assertTrue(html.contains("<table>") && html.contains("<td>localhost</td>") && html.contains("<td align=\"right\">5</td>"), html);
        assertTrue(html.contains("<details><summary><code>localhost</code> — 5 changes</summary>"), html);
        assertTrue(html.contains("<code class=\"language-diff\">+ ca lab  (create: does not exist)"), html);
        assertTrue(html.indexOf("</details>") > html.indexOf("language-diff"), "the diff is inside the details section");
    }

    @Test
    void detailedExitcode_worksForEveryFormat() {
        for (String format : List.of("text", "json", "markdown")) {
            assertEquals(2, plan("--format", format, "--detailed-exitcode").exitCode(), format);
        }
    }
}

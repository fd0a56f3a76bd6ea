package dev.pki.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pki graph: the CA comes before what uses it, as Mermaid and as DOT. */
class GraphCommandTest {

    @Test
    void mermaid_linksTheCaToTheExportedRootAndTheCertificate() {
        Cli.Result r = Cli.run("graph", "examples/local/playbook.groovy", "-e", "out=/tmp/g");
        assertEquals(0, r.exitCode(), r.all());
        String out = r.out();
        assertTrue(out.startsWith("flowchart TD\n"), out);
        assertTrue(out.contains("  n0[\"localhost: ca lab\"]"), out);
        assertTrue(out.contains("  n2[\"localhost: file /tmp/g/trust/lab_root_ca.crt\"]"), out);
        assertTrue(out.contains("  n0 --> n2\n") && out.contains("  n1 --> n2\n") && out.contains("  n0 --> n4\n") && out.contains("  n3 --> n4\n"), out);
        assertEquals(4, out.lines().filter(l -> l.contains("-->")).count(), out);
    }

    @Test
    void dot_isAGraphvizDigraph() {
        Cli.Result r = Cli.run("graph", "examples/local/playbook.groovy", "-e", "out=/tmp/g", "--format", "dot");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("digraph pki {") && r.out().strip().endsWith("}"), r.out());
        assertTrue(r.out().contains("  n0 -> n4;"), r.out());
    }
}

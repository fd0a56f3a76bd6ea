package dev.pki.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Help texts read well at 80 columns: each description element a sentence, no path or pattern broken inside. */
class HelpTextTest {

    private static final List<String> COMMANDS = List.of("plan", "apply", "show", "graph", "validate");

    @Test
    void mainHelp_listsEveryCommandWithACompleteSentence() {
        String help = Cli.run("--help").out();
        String words = help.replaceAll("\\s+", " ");   // the column width depends on the longest command name

        assertTrue(words.contains(" graph Print which step depends on which, as a Mermaid flowchart (default) or Graphviz DOT."
                + " Contacts no host. "), help);
        assertTrue(help.contains("'pki plan' shows\nwhat would change and why, and 'pki apply' makes it so, idempotently.\n"), help);
    }

    @Test
    void descriptions_everyElementIsAWholeSentence() {
        // picocli starts a new line for every element, so an element that stops mid-sentence breaks a line oddly.
        List<String> cut = new ArrayList<>();
        CommandLine main = new CommandLine(new Main());
        List<CommandSpec> specs = new ArrayList<>(List.of(main.getCommandSpec()));
        COMMANDS.forEach(c -> specs.add(main.getSubcommands().get(c).getCommandSpec()));
        for (CommandSpec spec : specs) {
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            for (ArgSpec arg : spec.args()) texts.addAll(List.of(arg.description()));
            for (String text : texts) if (!text.isBlank() && !text.endsWith(".")) cut.add(spec.qualifiedName() + ": " + text);
        }
        assertEquals(List.of(), cut);
    }

    @Test
    void commandHelp_neverBreaksInsideAPathOrPattern_andFits80Columns() {
        for (String command : COMMANDS) {
            String help = Cli.run(command, "--help").out();
            for (String line : help.split("\n")) assertTrue(line.length() <= 80, command + " --help: longer than 80 columns: " + line);
            if (!command.equals("show")) {
                assertTrue(help.contains("~/.local/state/pki."), command + " --help:\n" + help);
                assertTrue(help.contains("'guests:!ct102'."), command + " --help:\n" + help);
            }
        }
    }
}

package dev.pki.cli;

import dev.pki.diag.PkiException;
import dev.pki.render.DiagnosticRenderer;
import dev.pki.render.Style;
import picocli.CommandLine;

/**
 * Turns failures into messages and exit code 1: diagnostics rendered with their locations, anything
 * unexpected as one line — with the stack trace only under {@code --debug}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean debug = parsed.hasMatchedOption("--debug") || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
        boolean noColor = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--no-color"));
        Style style = Style.detect(noColor);
        if (e instanceof PkiException p) {
            cli.getErr().print(new DiagnosticRenderer(style).render(p.diagnostics()));
        } else {
            cli.getErr().println(style.red("Error:") + " " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            if (!debug) cli.getErr().println("Run again with --debug to see where it happened.");
        }
        if (debug) e.printStackTrace(cli.getErr());
        cli.getErr().flush();
        return ExitCodes.ERROR;
    }
}

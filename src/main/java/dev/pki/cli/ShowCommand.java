package dev.pki.cli;

import dev.pki.planfile.PlanFile;
import dev.pki.planfile.SavedPlan;
import dev.pki.render.PlanJson;
import dev.pki.render.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pki show PLANFILE}: print a saved plan, contacting no host. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Print a plan saved with 'pki plan --out', as text, JSON or Markdown. Contacts no host.", ""},
        footer = {"", "Exit codes: 0 success, 1 error (not a plan file, corrupted, made by another pki version)."})
final class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLANFILE", description = "A plan file made by 'pki plan --out'.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), json or markdown.")
    OutputFormat format;

    @Option(names = "--no-color", description = "No colour.")
    boolean noColor;

    @Override
    public Integer call() {
        SavedPlan saved = PlanFile.read(file, Main.VERSION);
        System.out.print(format.render(PlanJson.read(saved.plan()), Style.detect(noColor)));
        return ExitCodes.OK;
    }
}

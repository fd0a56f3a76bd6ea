package dev.pki.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code pki validate}: load the playbook and inventory and report problems, without contacting any host. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Check a playbook and its inventory: syntax, names, values, references. Contacts no host.", ""},
        footer = {"", "Exit codes: 0 valid, 1 problems found."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        Prepared prepared = Prepared.from(options, System.err);
        long steps = prepared.targets().stream().flatMap(t -> t.hosts().stream().map(h -> t.play().steps(h).size())).mapToLong(Integer::longValue).sum();
        System.out.println(prepared.playbook().file().getFileName() + " is valid: " + Reports.count(prepared.targets().size(), "play") + ", "
                + Reports.count(steps, "step") + " on " + Reports.count(dev.pki.engine.Targets.hosts(prepared.targets()).size(), "host") + ".");
        return ExitCodes.OK;
    }
}

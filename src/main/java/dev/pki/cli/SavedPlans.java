package dev.pki.cli;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.engine.Engine;
import dev.pki.facts.FactSet;
import dev.pki.planfile.PlanFile;
import dev.pki.planfile.SavedPlan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The checks that make applying a saved plan safe: same inputs, same facts on every host. */
final class SavedPlans {

    private SavedPlans() {
    }

    /** The playbook to load, after checking that neither it nor the inventories changed since planning. */
    static Path checkInputs(SavedPlan saved) {
        List<SavedPlan.InputFile> inputs = new ArrayList<>(List.of(saved.playbook()));
        inputs.addAll(saved.inventories());
        for (SavedPlan.InputFile f : inputs) {
            Path path = Path.of(f.path());
            if (!Files.isRegularFile(path)) throw new PkiException("the plan was made from " + f.path() + ", which no longer exists; make the plan again");
            if (!PlanFile.inputFile(path).sha256().equals(f.sha256())) {
                throw new PkiException("the plan is stale: " + f.path() + " changed since the plan was made; make the plan again");
            }
        }
        return Path.of(saved.playbook().path());
    }

    /** The first few changed facts, then how many more: enough to see what happened. */
    private static String describe(TreeSet<String> changed) {
        List<String> shown = changed.stream().limit(4).map(k -> k + " changed").toList();
        int more = changed.size() - shown.size();
        return String.join(", ", shown) + (more > 0 ? " and " + more + " more" : "");
    }

    static List<Path> inventories(SavedPlan saved) {
        return saved.inventories().stream().map(f -> Path.of(f.path())).toList();
    }

    /**
     * Compares every host's facts now with those the plan was made against. Any difference makes
     * the whole plan stale — nothing is applied — with one line per host naming what changed.
     */
    static void refuseIfStale(SavedPlan saved, Engine.Gathered now, Path planFile) {
        List<Diagnostic> stale = new ArrayList<>();
        now.unreachable().forEach((host, why) -> stale.add(Diagnostic.error(SourceLocation.UNKNOWN, "host " + host + " is unreachable: " + why)));
        now.failed().forEach((host, why) -> stale.add(Diagnostic.error(SourceLocation.UNKNOWN, "could not read the facts of host " + host + ": " + why)));
        for (var entry : saved.fingerprints().entrySet()) {
            String host = entry.getKey();
            FactSet facts = now.facts().get(host);
            if (facts == null) continue;
            Map<String, String> then = entry.getValue();
            Map<String, String> current = facts.fingerprints(saved.salt());
            TreeSet<String> changed = new TreeSet<>();
            for (String key : new TreeSet<>(then.keySet())) if (!then.get(key).equals(current.get(key))) changed.add(key);
            for (String key : current.keySet()) if (!then.containsKey(key)) changed.add(key);
            if (!changed.isEmpty()) {
                stale.add(Diagnostic.error(SourceLocation.UNKNOWN, "the plan is stale for host " + host + ": "
                        + describe(changed) + " since the plan was made")
                        .withSuggestion("Nothing was applied. Make the plan again: pki plan ... --out " + planFile));
            }
        }
        if (!stale.isEmpty()) throw new PkiException(stale);
    }
}

package dev.pki.resource;

import dev.pki.model.TargetPath;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;
import dev.pki.model.Mode;
import dev.pki.plan.AttributeChange;
import dev.pki.transport.Remote;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The directories that files a step writes go into. Those that do not exist yet are created
 * (mode 0755, as certbot does) and listed in the plan as {@code directory /x: created, mode 0755}.
 * Shared by every resource that writes files, so that none fails at apply with a mktemp error.
 */
public record ParentDirectories(Set<String> dirs) {

    public static final Mode MODE = new Mode("0755");

    public ParentDirectories {
        dirs = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(dirs));
    }

    /** The parents of these file paths, in the order given. */
    public static ParentDirectories of(Collection<String> files) {
        Set<String> dirs = new LinkedHashSet<>();
        for (String path : files) {
            String parent = TargetPath.parent(path);
            if (parent != null) dirs.add(parent);
        }
        return new ParentDirectories(dirs);
    }

    /** What to read to know which of them exist. */
    public Set<Fact> facts() {
        Set<Fact> facts = new LinkedHashSet<>();
        for (String dir : dirs) facts.add(Fact.path(dir));
        return facts;
    }

    /**
     * The ones missing after the steps planned so far, recorded as created so that later steps
     * are planned against them. Call only when the step will write its files.
     */
    public List<String> planCreate(FactSet facts, PlanContext context) {
        List<String> missing = dirs.stream().filter(d -> !context.path(facts, d).exists()).toList();
        for (String d : missing) context.simulate(d, PathState.directory(MODE.octal(), "", ""));
        return missing;
    }

    /** The plan's lines for directories to create. */
    public static List<AttributeChange> attributes(List<String> missing) {
        return missing.stream().map(d -> AttributeChange.set("directory " + d, "created, mode " + MODE)).toList();
    }

    /** Creates directories (with their own parents) before the files are written. */
    public static void create(Remote remote, List<String> missing) {
        for (String dir : missing) remote.mkdir(dir, new Ownership("", "", MODE).attrs());
    }
}

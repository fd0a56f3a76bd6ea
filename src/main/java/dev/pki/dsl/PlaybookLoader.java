package dev.pki.dsl;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.resource.Playbook;
import groovy.lang.GroovyClassLoader;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.tools.GroovyClass;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles and runs a playbook to build a {@link Playbook}. Every problem — syntax errors, unknown
 * names, wrong values, dangling references — becomes a diagnostic with the playbook's file and
 * line; all of them are thrown together in one {@link PkiException}.
 */
public final class PlaybookLoader {

    private PlaybookLoader() {
    }

    /**
     * Initialises Groovy's runtime ahead of the first playbook: its metaclass registry and, behind
     * the first GString's toString, the default-import scan of the JDK and of pki's jar (~60 ms
     * of a run that a spare core can do while the main thread parses options and inventories).
     */
    public static void warmUp() {
        try {
            Class.forName("org.codehaus.groovy.runtime.FormatHelper", true, PlaybookLoader.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Groovy's runtime is missing from the class path", e);
        }
    }

    /**
     * Calls {@code onChange} whenever Groovy's process-wide state changes in a way that outlives the
     * run that did it: a playbook that sets a metaclass ({@code String.metaClass.shout = ...}).
     * Loading and evaluating playbooks never does; pki's daemon retires after a run that did.
     */
    public static void onGlobalChange(Runnable onChange) {
        groovy.lang.GroovySystem.getMetaClassRegistry().addMetaClassRegistryChangeEventListener(e -> onChange.run());
    }

    /**
     * Lets the classes of the playbooks loaded so far be unloaded once nothing of their runs is
     * left: Groovy keeps every class it has seen (its class info and metaclass caches) until told
     * to forget it. A fresh process never needs this; pki's daemon calls it after each run, or its
     * memory would grow by each run's playbook classes.
     */
    public static void releaseLoadedPlaybooks() {
        for (Class<?> c : ScriptCache.BytesClassLoader.takeDefined()) InvokerHelper.removeClass(c);
    }

    /** Loads a playbook for the implicit inventory (just {@code localhost}) with these variables. */
    public static Playbook load(Path file, Map<String, Object> vars) {
        return load(file, vars, dev.pki.inventory.Inventory.implicit(vars));
    }

    /** Loads a playbook; each {@code hosts} block is evaluated once per host of {@code inventory} it matches. */
    public static Playbook load(Path file, Map<String, Object> vars, dev.pki.inventory.Inventory inventory) {
        Path path = file.toAbsolutePath().normalize();
        String source;
        try {
            source = Files.readString(path);
        } catch (IOException e) {
            throw new PkiException(SourceLocation.UNKNOWN, "cannot read playbook " + file + ": "
                    + (Files.exists(path) ? e.getMessage() : "no such file"));
        }
        DslContext context = new DslContext(path, codeSourceName(path));
        PlaybookScript script = compile(path, source, context);
        script.init(context, new LinkedHashMap<>(vars), inventory);
        try {
            script.run();
        } catch (RuntimeException e) {
            Blocks.report(context, e);
        } catch (LinkageError e) {
            // A class the script uses failed to load or initialize: a problem of this playbook, not a crash of pki.
            context.error(context.locationIn(e.getStackTrace()), "cannot run playbook: " + describe(e));
        }
        for (Keyword k : Keywords.all()) k.finish(context);
        if (context.diagnostics().hasErrors()) {
            // A block evaluated for many hosts reports the same problem once.
            List<Diagnostic> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(context.diagnostics().all()));
            sorted.sort(java.util.Comparator.comparingInt(d -> d.location().line()));
            throw new PkiException(sorted);
        }
        // A block evaluated for several hosts reports the same warning once.
        return new Playbook(path, script.plays(), vars, List.copyOf(new java.util.LinkedHashSet<>(context.diagnostics().all())));
    }

    private static PlaybookScript compile(Path path, String source, DslContext context) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(PlaybookScript.class.getName());
        config.setSourceEncoding("UTF-8");
        // Classic call sites, not invokedynamic (Groovy 4's default): a playbook runs once per host
        // for a few hundred milliseconds, and linking its indy call sites (method handles built at
        // run time) cost more than it saved: loading Phoenix's 22 hosts 355 -> 290 ms cold, a
        // thousand certificates 580 -> 510 ms, served runs no slower (bench/README.md). Groovy 6
        // moves classic call sites into the optional groovy-callsite module.
        config.getOptimizationOptions().put(CompilerConfiguration.INVOKEDYNAMIC, Boolean.FALSE);
        // The code source's name becomes the script's class name and the file name in stack frames,
        // which is how DslContext finds lines; diagnostics show the real path.
        String scriptName = context.codeSourceName();
        ScriptCache cache = ScriptCache.standard();
        // The call-site kind is part of the key: a cache written by a pki of the same version that
        // compiled with invokedynamic is not this compilation.
        String key = ScriptCache.key(scriptName, source, dev.pki.model.PkiVersion.CURRENT + " classic call sites");
        try {
            Map<String, byte[]> classes = cache.read(key).orElse(null);
            if (classes == null) {
                classes = compileToBytes(scriptName, source, config);
                cache.write(key, classes);
            }
            ClassLoader loader = new ScriptCache.BytesClassLoader(PlaybookLoader.class.getClassLoader(), classes);
            Class<?> type = loader.loadClass(scriptName.replaceFirst("\\.groovy$", ""));
            return (PlaybookScript) type.getDeclaredConstructor().newInstance();
        } catch (MultipleCompilationErrorsException e) {
            throw new PkiException(compileErrors(path, e));
        } catch (ReflectiveOperationException | IOException e) {
            throw new PkiException(SourceLocation.of(path, 0), "cannot load playbook: " + e.getMessage());
        } catch (LinkageError e) {
            throw new PkiException(SourceLocation.of(path, 0), "cannot load playbook: " + describe(e));
        }
    }


    /** Compiles the playbook to class files: the script and one class per closure. */
    private static Map<String, byte[]> compileToBytes(String scriptName, String source, CompilerConfiguration config) throws IOException {
        try (GroovyClassLoader groovy = new GroovyClassLoader(PlaybookLoader.class.getClassLoader(), config)) {
            CompilationUnit unit = new CompilationUnit(config, null, groovy);
            unit.addSource(new SourceUnit(scriptName, source, config, groovy, unit.getErrorCollector()));
            unit.compile(Phases.CLASS_GENERATION);
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (GroovyClass c : unit.getClasses()) classes.put(c.getName(), c.getBytes());
            return classes;
        }
    }

    /**
     * {@code Playbook_<name>.groovy}: Groovy names the script's class after the file, so the file
     * name itself could shadow a DSL name ({@code vars.groovy}), be a keyword or a primitive type
     * ({@code int.groovy}), or not be an identifier at all ({@code my-playbook.groovy}).
     */
    static String codeSourceName(Path path) {
        String base = path.getFileName().toString().replaceFirst("\\.groovy$", "");
        StringBuilder name = new StringBuilder("Playbook_");
        for (char c : base.toCharArray()) name.append(Character.isJavaIdentifierPart(c) && c != '$' ? c : '_');
        return name + ".groovy";
    }

    private static String describe(LinkageError e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Groovy quotes the whole rest of the file after "Unexpected input"; one short line is enough. */
    static String readable(String message) {
        String text = message.replaceAll("\\s+@ line \\d+, column \\d+\\.?$", "").replaceAll("\\s+", " ").strip();
        if (text.startsWith("Unexpected input")) {
            text = "unexpected input here: is a closing brace, bracket or quote missing?";
        }
        return text;
    }

    private static List<Diagnostic> compileErrors(Path path, MultipleCompilationErrorsException e) {
        List<Diagnostic> out = new ArrayList<>();
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException x = s.getCause();
                String text = readable(x.getOriginalMessage());
                out.add(Diagnostic.error(new SourceLocation(path.toString(), x.getLine(), x.getStartColumn()), "syntax error: " + text));
            } else if (m instanceof ExceptionMessage x) {
                out.add(Diagnostic.error(SourceLocation.of(path, 0), "cannot compile playbook: " + x.getCause().getMessage()));
            }
        }
        if (out.isEmpty()) out.add(Diagnostic.error(SourceLocation.of(path, 0), "cannot compile playbook"));
        return out;
    }
}

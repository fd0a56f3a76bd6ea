package dev.pki.dsl;

import dev.pki.diag.Diagnostic;
import dev.pki.diag.Diagnostics;
import dev.pki.diag.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The state of one playbook load: collected diagnostics, the blocks being evaluated (for
 * suggestions), and per-keyword scratch space (a CA keyword keeps its declarations here).
 */
public final class DslContext {

    private final Path file;
    private final String codeSourceName;
    private final Diagnostics diagnostics = new Diagnostics();
    private final Deque<Block> blocks = new ArrayDeque<>();
    private final Map<String, Object> scratch = new HashMap<>();

    DslContext(Path file, String codeSourceName) {
        this.file = file;
        this.codeSourceName = codeSourceName;
    }

    public Path file() {
        return file;
    }

    /** The synthetic name the script is compiled under: the file name of its stack frames. */
    String codeSourceName() {
        return codeSourceName;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Records an error at the playbook line being evaluated now. */
    public void error(String summary, String suggestion) {
        add(Diagnostic.error(currentLocation(), summary).withSuggestion(suggestion));
    }

    public void error(SourceLocation at, String summary) {
        add(Diagnostic.error(at, summary));
    }

    /** Whether an error was already recorded at the playbook line being evaluated now. */
    boolean hasErrorHere() {
        SourceLocation here = currentLocation();
        return diagnostics.all().stream().anyMatch(d -> d.isError() && d.location().equals(here));
    }

    /** Records a diagnostic; while a block runs for no host (see {@link #forNoHost}), errors become warnings. */
    public void add(Diagnostic d) {
        if (noHostPattern != null && d.isError()) {
            d = new Diagnostic(Diagnostic.Severity.WARNING, d.summary() + " (in hosts('" + noHostPattern + "'), which matches no host)",
                    d.detail(), d.location(), d.suggestion());
        }
        diagnostics.add(d);
    }

    private String noHostPattern;

    /**
     * Runs a block that matches no host: it is evaluated once so that mistakes in it are seen, but
     * as it runs nowhere (and host.vars is empty), what it finds is reported as warnings.
     */
    void forNoHost(String pattern, Runnable evaluation) {
        noHostPattern = pattern;
        try {
            evaluation.run();
        } finally {
            noHostPattern = null;
        }
    }

    /** The playbook line being evaluated: the innermost stack frame that belongs to the playbook. */
    public SourceLocation currentLocation() {
        // Every declaration asks. A Throwable's stack trace decodes the file and line of every
        // frame (Groovy's dispatch makes the stack deep): a third of loading a playbook of
        // thousands of certificates. The walk stops at the first playbook frame, and whether a
        // class comes from the playbook is decided once per class.
        int line = WALKER.walk(frames -> frames
                .filter(f -> fromPlaybook.computeIfAbsent(f.getDeclaringClass(), c -> codeSourceName.equals(f.getFileName()))
                        && f.getLineNumber() > 0)
                .mapToInt(StackWalker.StackFrame::getLineNumber).findFirst().orElse(0));
        return new SourceLocation(file.toString(), line, 0);
    }

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private final Map<Class<?>, Boolean> fromPlaybook = new java.util.concurrent.ConcurrentHashMap<>();

    SourceLocation locationIn(StackTraceElement[] trace) {
        for (StackTraceElement e : trace) {
            if (codeSourceName.equals(e.getFileName()) && e.getLineNumber() > 0) {
                return new SourceLocation(file.toString(), e.getLineNumber(), 0);
            }
        }
        return new SourceLocation(file.toString(), 0, 0);
    }

    /** Evaluates a nested block's closure with {@code block} as its delegate; errors inside are recorded. */
    public void evaluate(Block block, groovy.lang.Closure<?> body) {
        Blocks.evaluate(this, block, body);
    }

    @SuppressWarnings("unchecked")
    public <T> T scratch(String key, Supplier<T> create) {
        return (T) scratch.computeIfAbsent(key, k -> create.get());
    }

    void push(Block block) {
        blocks.push(block);
    }

    void pop() {
        blocks.pop();
    }

    /** The innermost block being evaluated, or null at the top of the script. */
    Block currentBlock() {
        return blocks.peek();
    }
}

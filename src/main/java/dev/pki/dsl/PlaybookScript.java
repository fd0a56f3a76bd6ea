package dev.pki.dsl;

import dev.pki.diag.Suggestions;
import dev.pki.model.Lifetime;
import dev.pki.resource.Play;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base class of every playbook: {@code hosts}, {@code vars} and the lifetime helpers
 * {@code minutes}, {@code hours}, {@code days}, {@code years}. Unknown names end up in
 * {@link #methodMissing}, which reports them with a suggestion instead of failing obscurely.
 */
public abstract class PlaybookScript extends Script {

    /** Options a {@code hosts(...)} block accepts as named arguments. */
    static final Set<String> HOSTS_OPTIONS = Set.of("serial", "maxFailPercentage", "anyErrorsFatal");

    private DslContext context;
    private Map<String, Object> vars = Map.of();
    private dev.pki.inventory.Inventory inventory;
    private final List<Play> plays = new ArrayList<>();

    void init(DslContext context, Map<String, Object> vars, dev.pki.inventory.Inventory inventory) {
        this.context = context;
        this.vars = vars;
        this.inventory = inventory;
    }

    List<Play> plays() {
        return plays;
    }

    /** Runs the block's steps on every host the pattern matches, in the order written. */
    public void hosts(String pattern, @DelegatesTo(value = HostsBlock.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        hosts(Map.of(), pattern, body);
    }

    /** {@code hosts('guests', serial: 5) { ... }} */
    public void hosts(Map<String, Object> options, String pattern,
                      @DelegatesTo(value = HostsBlock.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        var at = context.currentLocation();
        for (String key : options.keySet()) {
            if (!HOSTS_OPTIONS.contains(key)) {
                context.error("unknown option '" + key + "' for hosts", Suggestions.didYouMean(key, HOSTS_OPTIONS));
            }
        }
        if (pattern == null || pattern.isBlank()) context.error(at, "hosts needs a host pattern, e.g. hosts('all')");
        try {
            dev.pki.model.Rollout.parse(options);
        } catch (IllegalArgumentException e) {
            context.error(at, e.getMessage());
        }
        // The block runs once per matched host, with `host` bound, so steps can differ per host.
        // A pattern that matches nothing is still evaluated once, to report errors in the block.
        Map<String, List<dev.pki.resource.Resource>> steps = new java.util.LinkedHashMap<>();
        List<String> hosts = pattern == null ? List.of() : inventory.match(pattern);
        List<dev.pki.resource.Resource> declared = List.of();
        if (hosts.isEmpty()) {
            HostsBlock block = new HostsBlock(context, new HostInfo(pattern, Map.of()));
            context.forNoHost(pattern, () -> Blocks.evaluate(context, block, body));
            declared = block.steps();
        }
        for (String name : hosts) {
            dev.pki.inventory.Host h = inventory.host(name);
            HostsBlock block = new HostsBlock(context, new HostInfo(name, h == null ? Map.of() : h.vars()));
            Blocks.evaluate(context, block, body);
            steps.put(name, block.steps());
            if (declared.isEmpty()) declared = block.steps();
        }
        plays.add(new Play(pattern == null ? "" : pattern, new HashMap<>(options), steps, declared, at));
    }

    /** Inventory variables of the group {@code all}, overridden by {@code -e key=value}. Missing keys read as null. */
    public Map<String, Object> getVars() {
        return vars;
    }

    public Lifetime minutes(Object n) {
        return Lifetimes.of(context, n, "minutes");
    }

    public Lifetime hours(Object n) {
        return Lifetimes.of(context, n, "hours");
    }

    public Lifetime days(Object n) {
        return Lifetimes.of(context, n, "days");
    }

    public Lifetime years(Object n) {
        return Lifetimes.of(context, n, "years");
    }

    /**
     * A name nobody defines. A keyword used outside {@code hosts} is allowed only as a reference
     * (e.g. {@code ca('lab')} without a block); anything else is an unknown name, reported with the
     * closest name valid at that point.
     */
    public Object methodMissing(String name, Object args) {
        Object[] array = args instanceof Object[] a ? a : new Object[]{args};
        Keyword keyword = Keywords.get(name);
        if (keyword != null && context.currentBlock() == null) {
            return keyword.declare(new Declaration(context, name, array,
                    step -> context.error(name + " must be declared inside a hosts('...') { } block", "")));
        }
        if (keyword != null) {
            // A keyword inside a nested block (e.g. issuer ca('x') within certificate) is a reference.
            return keyword.declare(new Declaration(context, name, array,
                    step -> context.error(name + " cannot be declared inside " + context.currentBlock().blockName(), "")));
        }
        Block block = context.currentBlock();
        String what = block == null ? "unknown block '" + name + "'" : "unknown setting '" + name + "' in " + block.blockName();
        context.error(what, Suggestions.didYouMean(name, Blocks.candidates(context)));
        return null;
    }
}

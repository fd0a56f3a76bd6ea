package dev.pki.dsl;

import dev.pki.model.Lifetime;
import dev.pki.resource.Resource;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingMethodException;

import java.util.ArrayList;
import java.util.List;

/**
 * The delegate of a {@code hosts(pattern) { ... }} closure: every resource keyword ({@code file},
 * {@code ca}, {@code certificate}, ...) is dispatched to the keyword's resource type. Any other
 * name falls through to the script (helper methods, {@code days(90)}, ...).
 */
public final class HostsBlock extends GroovyObjectSupport {

    private final DslContext context;
    private final List<Resource> steps = new ArrayList<>();

    private final HostInfo host;

    HostsBlock(DslContext context, HostInfo host) {
        this.context = context;
        this.host = host;
    }

    /** The host this evaluation of the block is for: {@code host.name}, {@code host.vars.x}. */
    public HostInfo getHost() {
        return host;
    }

    // The lifetime helpers, as the script defines them (see Lifetimes).

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

    /** Groovy calls this for names the class does not define; throwing lets the closure try its owner. */
    public Object methodMissing(String name, Object args) {
        Keyword keyword = Keywords.get(name);
        Object[] array = args instanceof Object[] a ? a : new Object[]{args};
        if (keyword == null) throw new org.codehaus.groovy.runtime.metaclass.MissingMethodExceptionNoStack(name, HostsBlock.class, array);
        return keyword.declare(new Declaration(context, name, array, steps::add, host.getName()));
    }

    List<Resource> steps() {
        return steps;
    }
}

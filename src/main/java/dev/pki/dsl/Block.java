package dev.pki.dsl;

import dev.pki.diag.Suggestions;
import dev.pki.model.Lifetime;
import dev.pki.model.Mode;
import groovy.lang.GroovyObjectSupport;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Base of every DSL block. Its public methods are the block's settings, written either as
 * {@code mode '0640'} or {@code mode = '0640'}. An assignment to any other name is an error with a
 * suggestion — otherwise Groovy would silently turn {@code mdoe = '0640'} into a script variable.
 * Setting methods take {@code Object} and check types themselves, so a wrong type gets a clear
 * message instead of a confusing "no such method".
 */
public abstract class Block extends GroovyObjectSupport {

    private final DslContext context;

    protected Block(DslContext context) {
        this.context = context;
    }

    protected DslContext context() {
        return context;
    }

    /** What the block is called in messages, e.g. {@code certificate block}. */
    protected abstract String blockName();

    @Override
    public void setProperty(String name, Object value) {
        if (settings().contains(name)) {
            invokeMethod(name, new Object[]{value});
            return;
        }
        // The same words as for the call form `mdoe '0640'` (PlaybookScript.methodMissing).
        context.error("unknown setting '" + name + "' in " + blockName(), Suggestions.didYouMean(name, settings()));
    }

    /** The names this block accepts: its public, non-inherited methods. */
    public Set<String> settings() {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = getClass(); c != Block.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !OWN_METHODS.contains(m.getName())) {
                    names.add(m.getName());
                }
            }
        }
        return names;
    }

    private static final Set<String> OWN_METHODS = Set.of("settings", "setProperty", "getProperty", "invokeMethod",
            "getMetaClass", "setMetaClass", "blockName", "toString", "equals", "hashCode");

    // ---- value checks shared by blocks: each returns the value or records an error and returns empty ----

    protected Optional<String> asText(String setting, Object value) {
        if (value instanceof CharSequence s && !s.toString().isBlank()) return Optional.of(s.toString());
        wrongType(setting, "a non-empty string", value);
        return Optional.empty();
    }

    protected Optional<Mode> asMode(String setting, Object value) {
        if (!(value instanceof CharSequence)) {
            wrongType(setting, "a string such as '0640' (a number like 0640 is read by Groovy as octal)", value);
            return Optional.empty();
        }
        Optional<Mode> mode = Mode.parse(value);
        if (mode.isEmpty()) {
            context.error("invalid " + setting + " '" + value + "': expected 3 or 4 octal digits such as '0640'", "");
        }
        return mode;
    }

    protected Optional<Lifetime> asLifetime(String setting, Object value) {
        if (value instanceof Lifetime l) return Optional.of(l);
        wrongType(setting, "a lifetime such as days(90), hours(12) or years(1)", value);
        return Optional.empty();
    }

    protected Optional<Boolean> asBoolean(String setting, Object value) {
        if (value instanceof Boolean b) return Optional.of(b);
        wrongType(setting, "true or false", value);
        return Optional.empty();
    }

    /** Flattens {@code sans 'a', 'b'} and {@code sans(['a', 'b'])} into strings. */
    protected List<String> asStrings(String setting, Object[] values) {
        List<Object> flat = Arrays.stream(values)
                .flatMap(v -> v instanceof Object[] a ? Arrays.stream(a) : v instanceof List<?> l ? l.stream().map(o -> (Object) o) : java.util.stream.Stream.of(v))
                .toList();
        for (Object v : flat) {
            if (!(v instanceof CharSequence)) {
                wrongType(setting, "strings", v);
                return List.of();
            }
        }
        return flat.stream().map(Object::toString).toList();
    }

    protected void wrongType(String setting, String expected, Object got) {
        // A null from a helper that already said what was wrong on this line (days(0)): one error, not two.
        if (got == null && context.hasErrorHere()) return;
        String shown = got == null ? "null" : got instanceof CharSequence ? "'" + got + "'" : got + " (" + got.getClass().getSimpleName() + ")";
        context.error("wrong value for " + setting + " in " + blockName() + ": expected " + expected + ", got " + shown, "");
    }
}

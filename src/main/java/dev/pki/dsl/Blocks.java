package dev.pki.dsl;

import dev.pki.diag.PkiException;
import dev.pki.diag.Suggestions;
import groovy.lang.Closure;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;

import java.util.ArrayList;
import java.util.List;

/** Evaluates a block's closure and turns what goes wrong inside into diagnostics at the right line. */
final class Blocks {

    private Blocks() {
    }

    static void evaluate(DslContext context, Object delegate, Closure<?> body) {
        Closure<?> closure = body.rehydrate(delegate, body.getOwner(), body.getThisObject());
        closure.setResolveStrategy(Closure.DELEGATE_FIRST);
        if (delegate instanceof Block b) context.push(b);
        try {
            closure.call();
        } catch (RuntimeException e) {
            // The rest of this block is skipped, but evaluation goes on so that later errors are reported too.
            report(context, e);
        } finally {
            if (delegate instanceof Block) context.pop();
        }
    }

    static void report(DslContext context, RuntimeException e) {
        var at = context.locationIn(e.getStackTrace());
        if (e instanceof PkiException p) {
            p.diagnostics().forEach(context::add);
        } else if (e instanceof MissingPropertyException m) {
            List<String> candidates = candidates(context);
            context.add(dev.pki.diag.Diagnostic.error(at, "unknown name '" + m.getProperty() + "'" + where(context))
                    .withSuggestion(Suggestions.didYouMean(m.getProperty(), candidates)));
        } else if (e instanceof MissingMethodException m && m.getMethod().equals("call")) {
            // `def sans = ...` at the top, then `sans 'a'` in a block: Groovy calls the variable, not the setting.
            context.add(dev.pki.diag.Diagnostic.error(at, "a variable of type " + m.getType().getSimpleName()
                    + " is used like a setting here: a script variable with the same name as a setting hides the setting")
                    .withSuggestion("Rename the variable."));
        } else if (e instanceof MissingMethodException m) {
            context.add(dev.pki.diag.Diagnostic.error(at, "no method '" + m.getMethod() + "' on "
                    + m.getType().getSimpleName() + " with arguments " + argTypes(m.getArguments())));
        } else {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            context.add(dev.pki.diag.Diagnostic.error(at, message));
        }
    }

    static String where(DslContext context) {
        Block b = context.currentBlock();
        return b == null ? "" : " in " + b.blockName();
    }

    static List<String> candidates(DslContext context) {
        List<String> names = new ArrayList<>(Keywords.names());
        Block b = context.currentBlock();
        if (b != null) names.addAll(b.settings());
        return names;
    }

    private static String argTypes(Object[] args) {
        List<String> types = new ArrayList<>();
        for (Object a : args) types.add(a == null ? "null" : a.getClass().getSimpleName());
        return "(" + String.join(", ", types) + ")";
    }
}

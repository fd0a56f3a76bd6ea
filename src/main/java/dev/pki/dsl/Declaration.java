package dev.pki.dsl;

import dev.pki.diag.SourceLocation;
import dev.pki.resource.Resource;
import groovy.lang.Closure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One use of a keyword: its arguments, its optional closure, where it was written, and where the
 * resulting step goes. Keywords use it to run their block and to add their step to the play.
 */
public final class Declaration {

    private final DslContext context;
    private final String keyword;
    private final Object[] args;
    private final Closure<?> body;
    private final SourceLocation location;
    private final Consumer<Resource> sink;

    private final String host;

    Declaration(DslContext context, String keyword, Object[] rawArgs, Consumer<Resource> sink) {
        this(context, keyword, rawArgs, sink, null);
    }

    Declaration(DslContext context, String keyword, Object[] rawArgs, Consumer<Resource> sink, String host) {
        this.host = host;
        this.context = context;
        this.keyword = keyword;
        this.location = context.currentLocation();
        this.sink = sink;
        if (rawArgs.length > 0 && rawArgs[rawArgs.length - 1] instanceof Closure<?> c) {
            this.body = c;
            this.args = Arrays.copyOf(rawArgs, rawArgs.length - 1);
        } else {
            this.body = null;
            this.args = rawArgs;
        }
    }

    /** The host the enclosing hosts block is being evaluated for; null outside a hosts block. */
    public String host() {
        return host;
    }

    public DslContext context() {
        return context;
    }

    public String keyword() {
        return keyword;
    }

    /** The arguments without the trailing closure. */
    public List<Object> args() {
        return Arrays.asList(args);
    }

    /** Named arguments ({@code bindMount src, at: dst}) arrive as a leading map. */
    public Map<?, ?> namedArgs() {
        return args.length > 0 && args[0] instanceof Map<?, ?> m ? m : Map.of();
    }

    public boolean hasBody() {
        return body != null;
    }

    public SourceLocation location() {
        return location;
    }

    /** The single name argument, e.g. the path of {@code file('/etc/x')}; records an error if it is missing. */
    public Optional<String> name() {
        if (args.length >= 1 && args[args.length - 1] instanceof CharSequence s && !s.toString().isBlank()) {
            return Optional.of(s.toString());
        }
        context.error(location, keyword + " needs a name: " + keyword + "('...')");
        return Optional.empty();
    }

    /** Evaluates the closure (if any) with {@code block} as its delegate; errors inside are recorded. */
    public <B extends Block> B run(B block) {
        if (body != null) Blocks.evaluate(context, block, body);
        return block;
    }

    /** Adds the declared step to the current play. */
    public void add(Resource resource) {
        sink.accept(resource);
    }
}

package dev.pki.resource.container;

import dev.pki.diag.Suggestions;
import dev.pki.dsl.Declaration;
import dev.pki.dsl.DslContext;
import dev.pki.dsl.Keyword;
import dev.pki.model.Address;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code container('103') { bindMount '/srv/103/ssl', at: '/etc/step-ca/ssl'; restart false;
 * ensure 'running'; platform 'lxc' }}, declared on the host that runs the container.
 */
public final class ContainerKeyword implements Keyword {

    @Override
    public String name() {
        return "container";
    }

    @Override
    public Object declare(Declaration d) {
        // container(103) is as natural as container('103'): accept a whole number too.
        var id = d.args().size() == 1 && d.args().get(0) instanceof Number n && n.longValue() >= 0
                ? java.util.Optional.of(String.valueOf(n.longValue())) : d.name();
        Block block = d.run(new Block(d.context()));
        id.ifPresent(name -> {
            if (name.contains("/") || name.startsWith("-") || name.startsWith(".") || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                d.context().error(d.location(), "invalid container name '" + name + "': expected a name or ID such as '103'");
                return;
            }
            if (block.platform == Platform.PCT && !name.matches("[0-9]+")) {
                d.context().error(d.location(), "container '" + name + "': Proxmox VE container IDs are numbers, e.g. container('103')");
                return;
            }
            d.add(new ContainerResource(new Address("container", name), d.location(),
                    new ContainerSpec(name, block.mounts, block.restart, block.ensureRunning, block.platform)));
        });
        return null;
    }

    /** Settings of a container block. */
    public static final class Block extends dev.pki.dsl.Block {

        private static final Set<String> STATES = Set.of("running");

        final List<BindMount> mounts = new ArrayList<>();
        boolean restart = true;
        boolean ensureRunning;
        Platform platform;

        Block(DslContext context) {
            super(context);
        }

        /**
         * {@code bindMount '/host/dir', at: '/dir/in/container'}: makes a host directory (or file)
         * visible inside the container. Groovy passes the named argument first, as a map.
         */
        public void bindMount(Object... args) {
            List<Object> rest = new ArrayList<>(Arrays.asList(args));
            Map<?, ?> named = !rest.isEmpty() && rest.get(0) instanceof Map<?, ?> m ? (Map<?, ?>) rest.remove(0) : Map.of();
            for (Object key : named.keySet()) {
                if (!"at".equals(key)) {
                    context().error("unknown option '" + key + "' of bindMount", Suggestions.didYouMean(String.valueOf(key), List.of("at")));
                    return;
                }
            }
            if (rest.size() != 1 || !(rest.get(0) instanceof CharSequence) || !(named.get("at") instanceof CharSequence)) {
                context().error("bindMount needs a source and a target: bindMount '/host/dir', at: '/dir/in/container'", "");
                return;
            }
            String source = trim(rest.get(0).toString());
            String target = trim(named.get("at").toString());
            if (!source.startsWith("/")) {
                context().error("bindMount source '" + source + "' must be an absolute path on the host", "");
            } else if (!target.startsWith("/") || target.equals("/")) {
                context().error("bindMount target '" + target + "' must be an absolute path inside the container, other than /", "");
            } else if (mounts.stream().anyMatch(m -> m.target().equals(target))) {
                context().error("bindMount target " + target + " is declared twice in this container block", "");
            } else {
                mounts.add(new BindMount(source, target));
            }
        }

        /** Whether to restart a running container when its mounts change (default true). */
        public void restart(Object value) {
            asBoolean("restart", value).ifPresent(v -> restart = v);
        }

        /** {@code ensure 'running'}: start the container if it is stopped. */
        public void ensure(Object value) {
            asText("ensure", value).ifPresent(v -> {
                if (STATES.contains(v)) {
                    ensureRunning = true;
                } else {
                    context().error("unknown container state '" + v + "' for ensure: expected 'running'",
                            Suggestions.didYouMean(v, STATES));
                }
            });
        }

        /** {@code 'lxc'} or {@code 'pct'} (Proxmox VE); by default detected from the host (pct present → pct). */
        public void platform(Object value) {
            asText("platform", value).ifPresent(v -> Platform.parse(v).ifPresentOrElse(p -> platform = p,
                    () -> context().error("unknown platform '" + v + "': expected 'lxc' or 'pct'",
                            Suggestions.didYouMean(v, List.of("lxc", "pct")))));
        }

        private static String trim(String path) {
            String p = path;
            while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
            return p;
        }

        @Override
        protected String blockName() {
            return "container block";
        }
    }
}

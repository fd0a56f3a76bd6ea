package dev.pki.resource.zfs;

import dev.pki.diag.Suggestions;
import dev.pki.dsl.Block;
import dev.pki.dsl.Declaration;
import dev.pki.dsl.DslContext;
import dev.pki.dsl.Keyword;
import dev.pki.model.Address;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code zfsDataset('pool/name') { mountpoint '/mnt/x'; property 'compression', 'on' }}. Destroying
 * a dataset needs both {@code state 'absent'} and {@code force true}, so that a single edited
 * line can never delete data.
 */
public final class ZfsDatasetKeyword implements Keyword {

    /** Pool and dataset names: components of letters, digits, {@code _ - . :}; no snapshots ({@code @}) or bookmarks ({@code #}). */
    private static final Pattern DATASET = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]*(/[A-Za-z0-9_.:-]+)*");

    @Override
    public String name() {
        return "zfsDataset";
    }

    @Override
    public Object declare(Declaration d) {
        var name = d.name();
        Settings block = d.run(new Settings(d.context()));
        if (name.isEmpty()) return null;
        String label = "zfsDataset '" + name.get() + "'";
        if (!DATASET.matcher(name.get()).matches()) {
            d.context().error(d.location(), label + ": not a dataset name; expected pool/path such as 'tank/data' "
                    + "(letters, digits, _ - . : separated by /; no snapshots)");
            return null;
        }
        boolean absent = "absent".equals(block.state);
        if (absent && !block.force) {
            d.context().error(d.location(), label + ": state 'absent' destroys the dataset and all its data; "
                    + "add force true to the block to confirm");
            return null;
        }
        if (absent && (block.mountpoint != null || !block.properties.isEmpty())) {
            d.context().error(d.location(), label + ": state 'absent' takes no mountpoint or properties");
            return null;
        }
        d.add(new ZfsDatasetResource(new Address("zfsDataset", name.get()), d.location(), name.get(),
                block.mountpoint, block.properties, absent));
        return null;
    }

    /** Settings of a zfsDataset block. */
    public static final class Settings extends Block {
        String mountpoint;
        final Map<String, String> properties = new LinkedHashMap<>();
        String state = "present";
        boolean force;

        Settings(DslContext context) {
            super(context);
        }

        /** Where the dataset is mounted: an absolute path, {@code 'legacy'} or {@code 'none'}; unset means not managed. */
        public void mountpoint(Object value) {
            asText("mountpoint", value).ifPresent(v -> {
                if (v.startsWith("/") || v.equals("legacy") || v.equals("none")) mountpoint = v;
                else context().error("invalid mountpoint '" + v + "' in " + blockName() + ": expected an absolute path, 'legacy' or 'none'", "");
            });
        }

        /** Any ZFS property, native or user ({@code module:name}): {@code property 'compression', 'on'}. Repeatable. */
        public void property(Object... args) {
            if (args.length != 2) {
                context().error("property in " + blockName() + " takes a name and a value: property 'compression', 'on'", "");
                return;
            }
            var key = asText("property name", args[0]);
            var value = propertyValue(args[1]);
            if (key.isEmpty() || value == null) return;
            String k = key.get();
            // '=' would split "-o k=v" in the wrong place; whitespace is never part of a property name.
            if (k.contains("=") || !k.strip().equals(k) || k.chars().anyMatch(Character::isWhitespace)) {
                context().error("invalid property name '" + k + "' in " + blockName(), "");
            } else if (k.equals("mountpoint")) {
                context().error("set the mountpoint with mountpoint '" + value + "', not as a property", "");
            } else if (properties.putIfAbsent(k, value) != null) {
                context().error("property '" + k + "' is set twice in " + blockName(), "");
            }
        }

        /** {@code 'present'} (default) or {@code 'absent'}; absent also needs {@code force true}. */
        public void state(Object value) {
            asText("state", value).ifPresent(v -> {
                if (v.equals("present") || v.equals("absent")) state = v;
                else context().error("invalid state '" + v + "' in " + blockName() + "; expected 'present' or 'absent'",
                        Suggestions.didYouMean(v, List.of("present", "absent")));
            });
        }

        /** Confirms {@code state 'absent'}: the dataset, its children and snapshots are destroyed. */
        public void force(Object value) {
            asBoolean("force", value).ifPresent(v -> force = v);
        }

        /** Text or a number ({@code property 'copies', 2}); newlines would break zfs's line-based output. */
        private String propertyValue(Object value) {
            String text = value instanceof Number n ? n.toString() : value instanceof CharSequence s ? s.toString() : null;
            if (text == null || text.isEmpty() || text.contains("\n")) {
                wrongType("property value", "a non-empty single-line string or a number", value);
                return null;
            }
            return text;
        }

        @Override
        protected String blockName() {
            return "zfsDataset block";
        }
    }
}

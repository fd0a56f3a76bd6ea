package dev.pki.dsl;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The keywords that resource types contribute, found with {@link ServiceLoader}. */
public final class Keywords {

    private static final Map<String, Keyword> ALL = load();

    private Keywords() {
    }

    private static Map<String, Keyword> load() {
        Map<String, Keyword> map = new TreeMap<>();
        for (Keyword k : ServiceLoader.load(Keyword.class, Keywords.class.getClassLoader())) {
            Keyword previous = map.put(k.name(), k);
            if (previous != null) throw new IllegalStateException("two keywords named " + k.name());
        }
        return Collections.unmodifiableMap(map);
    }

    public static Keyword get(String name) {
        return ALL.get(name);
    }

    public static Set<String> names() {
        return ALL.keySet();
    }

    static Iterable<Keyword> all() {
        return ALL.values();
    }
}

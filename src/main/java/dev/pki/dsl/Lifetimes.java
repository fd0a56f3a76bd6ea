package dev.pki.dsl;

import dev.pki.model.Lifetime;

/**
 * The playbook's lifetime helpers, {@code minutes(n)}, {@code hours(n)}, {@code days(n)} and
 * {@code years(n)}: defined by the script (at the top level) and by {@link HostsBlock} (inside
 * hosts blocks, so that {@code validity days(90)} in a block resolves at once instead of through a
 * missing method, which Groovy reports with an exception and a stack trace each time).
 */
final class Lifetimes {

    private Lifetimes() {
    }

    /** The lifetime, or null after reporting an argument that is not a positive whole number. */
    static Lifetime of(DslContext context, Object n, String unit) {
        if (!(n instanceof Integer || n instanceof Long) || ((Number) n).longValue() <= 0) {
            context.error(unit + "(n) needs a positive whole number, got " + n, "");
            return null;
        }
        long v = ((Number) n).longValue();
        return switch (unit) {
            case "minutes" -> Lifetime.minutes(v);
            case "hours" -> Lifetime.hours(v);
            case "days" -> Lifetime.days(v);
            default -> Lifetime.years(v);
        };
    }
}

package dev.pki.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A validity or renewal period as the user wrote it: {@code minutes(n)}, {@code hours(n)},
 * {@code days(n)} or {@code years(n)}. Years are calendar years when added to an instant.
 */
public record Lifetime(long amount, ChronoUnit unit) implements Comparable<Lifetime> {

    public Lifetime {
        if (amount <= 0) throw new IllegalArgumentException("a lifetime must be positive, got " + amount);
        if (unit != ChronoUnit.MINUTES && unit != ChronoUnit.HOURS && unit != ChronoUnit.DAYS && unit != ChronoUnit.YEARS) {
            throw new IllegalArgumentException("unsupported unit " + unit);
        }
    }

    public static Lifetime minutes(long n) {
        return new Lifetime(n, ChronoUnit.MINUTES);
    }

    public static Lifetime hours(long n) {
        return new Lifetime(n, ChronoUnit.HOURS);
    }

    public static Lifetime days(long n) {
        return new Lifetime(n, ChronoUnit.DAYS);
    }

    public static Lifetime years(long n) {
        return new Lifetime(n, ChronoUnit.YEARS);
    }

    public Instant addTo(Instant start) {
        return start.atZone(ZoneOffset.UTC).plus(amount, unit).toInstant();
    }

    /** An approximate duration (a year is 365 days) for comparisons and fractions. */
    public Duration toDuration() {
        return unit == ChronoUnit.YEARS ? Duration.ofDays(365 * amount) : Duration.of(amount, unit);
    }

    /** A third of this lifetime: the default renewal window (renew at two thirds of the lifetime). */
    public Duration third() {
        return toDuration().dividedBy(3);
    }

    @Override
    public int compareTo(Lifetime o) {
        return toDuration().compareTo(o.toDuration());
    }

    @Override
    public String toString() {
        String u = switch (unit) {
            case MINUTES -> "m";
            case HOURS -> "h";
            case DAYS -> "d";
            default -> "y";
        };
        return amount + u;
    }

    /** A duration in the largest whole unit, e.g. {@code 9h}, {@code 3d}, {@code 45m}. */
    public static String format(Duration d) {
        if (d.isNegative()) return "-" + format(d.negated());
        if (d.toDays() >= 2) return d.toDays() + "d";
        if (d.toHours() >= 1) return d.toHours() + "h";
        if (d.toMinutes() >= 1) return d.toMinutes() + "m";
        return d.toSeconds() + "s";
    }
}

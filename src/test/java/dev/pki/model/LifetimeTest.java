package dev.pki.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LifetimeTest {

    @ParameterizedTest
    @CsvSource({
            // years are calendar years: the same date, whatever leap days lie between
            "2024-02-28T10:00:00Z, 1, 2025-02-28T10:00:00Z",   // crosses 2024-02-29: 366 days
            "2023-03-01T00:00:00Z, 1, 2024-03-01T00:00:00Z",   // crosses 2024-02-29
            "2025-03-01T00:00:00Z, 1, 2026-03-01T00:00:00Z",   // no leap day: 365 days
            "2024-02-29T12:00:00Z, 1, 2025-02-28T12:00:00Z",   // from a leap day: clamped to Feb 28
            "2024-02-29T12:00:00Z, 4, 2028-02-29T12:00:00Z",
            "2025-01-01T00:00:00Z, 10, 2035-01-01T00:00:00Z",
    })
    void addTo_years_addsCalendarYears(String start, long years, String expected) {
        assertEquals(Instant.parse(expected), Lifetime.years(years).addTo(Instant.parse(start)));
    }

    @Test
    void addTo_yearAcrossLeapDay_isLongerThan365Days() {
        Instant start = Instant.parse("2024-01-15T00:00:00Z");
        assertEquals(Duration.ofDays(366), Duration.between(start, Lifetime.years(1).addTo(start)));
    }

    @ParameterizedTest
    @CsvSource({
            "MINUTES, 45, PT45M",
            "HOURS,   12, PT12H",
            "DAYS,    90, PT2160H",
    })
    void addTo_fixedUnits_addExactDurations(ChronoUnit unit, long amount, Duration expected) {
        Instant start = Instant.parse("2024-02-28T23:30:00Z");
        assertEquals(start.plus(expected), new Lifetime(amount, unit).addTo(start));
    }

    @Test
    void third_ninetyDays_isThirtyDays() {
        assertEquals(Duration.ofDays(30), Lifetime.days(90).third());
    }

    @Test
    void third_oneYear_isAThirdOf365Days() {
        assertEquals(Duration.ofDays(365).dividedBy(3), Lifetime.years(1).third());
    }

    @Test
    void third_oneHour_isTwentyMinutes() {
        assertEquals(Duration.ofMinutes(20), Lifetime.hours(1).third());
    }

    @ParameterizedTest
    @CsvSource({
            "PT9H,        9h",
            "PT12H,       12h",
            "PT47H59M,    47h",   // under two days stays in hours
            "PT48H,       2d",
            "P90D,        90d",
            "PT45M,       45m",
            "PT59M59S,    59m",
            "PT30S,       30s",
            "PT0S,        0s",
            "-PT9H,       -9h",
            "-P3D,        -3d",
    })
    void format_duration_usesLargestWholeUnit(Duration duration, String expected) {
        assertEquals(expected, Lifetime.format(duration));
    }

    @Test
    void toString_eachUnit_isShortForm() {
        assertEquals(List.of("5m", "12h", "90d", "10y"),
                List.of(Lifetime.minutes(5).toString(), Lifetime.hours(12).toString(), Lifetime.days(90).toString(), Lifetime.years(10).toString()));
    }

    @Test
    void compareTo_mixedUnits_comparesApproximateDurations() {
        List<Lifetime> sorted = new ArrayList<>(List.of(Lifetime.years(1), Lifetime.hours(25), Lifetime.days(1), Lifetime.minutes(1441)));
        sorted.sort(null);
        assertEquals(List.of(Lifetime.days(1), Lifetime.minutes(1441), Lifetime.hours(25), Lifetime.years(1)), sorted);
        assertTrue(Lifetime.days(366).compareTo(Lifetime.years(1)) > 0);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void constructor_nonPositiveAmount_throws(long amount) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lifetime.days(amount));
        assertEquals("a lifetime must be positive, got " + amount, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SECONDS", "WEEKS", "MONTHS"})
    void constructor_unsupportedUnit_throws(ChronoUnit unit) {
        assertThrows(IllegalArgumentException.class, () -> new Lifetime(1, unit));
    }
}

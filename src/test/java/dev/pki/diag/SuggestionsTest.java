package dev.pki.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SuggestionsTest {

    private static final List<String> KEYWORDS = List.of("directory", "file", "certificate", "ca", "mode", "owner", "group",
            "compression", "renewBefore", "validity");

    @ParameterizedTest
    @CsvSource({
            "compresion,  compression",   // one deletion
            "comrpession, compression",   // transposition counts as one edit
            "certficate,  certificate",
            "diretcory,   directory",
            "Mode,        mode",          // case does not count
            "RENEWBEFORE, renewBefore",   // and the candidate keeps its own spelling
            "renewbefor,  renewBefore",
            "valdity,     validity",
            "onwer,       owner",
            "fiel,        file",
    })
    void closest_typo_findsIntendedName(String typo, String expected) {
        assertEquals(Optional.of(expected), Suggestions.closest(typo, KEYWORDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zzzzzz", "hostname", "xyz", "certificatesAndMore", "banana"})
    void closest_farFromEveryCandidate_suggestsNothing(String name) {
        assertEquals(Optional.empty(), Suggestions.closest(name, KEYWORDS));
    }

    @Test
    void closest_shortName_allowsOnlyOneEdit() {
        assertEquals(Optional.of("mode"), Suggestions.closest("mde", KEYWORDS));
        assertEquals(Optional.empty(), Suggestions.closest("md", List.of("mode")));
    }

    @Test
    void closest_longName_allowsAtMostThreeEdits() {
        assertEquals(Optional.of("maxFailPercentage"), Suggestions.closest("maxFailPrcntge", List.of("maxFailPercentage")));
        assertEquals(Optional.empty(), Suggestions.closest("maxFlPrcntg", List.of("maxFailPercentage")));
    }

    @Test
    void closest_noCandidates_suggestsNothing() {
        assertEquals(Optional.empty(), Suggestions.closest("mode", List.of()));
    }

    @Test
    void closest_exactMatch_isItself() {
        assertEquals(Optional.of("owner"), Suggestions.closest("owner", KEYWORDS));
    }

    @Test
    void closest_tie_prefersFirstCandidate() {
        assertEquals(Optional.of("ab"), Suggestions.closest("ax", List.of("ab", "ac")));
        assertEquals(Optional.of("ac"), Suggestions.closest("ax", List.of("ac", "ab")));
    }

    @Test
    void didYouMean_closeName_isOneQuotedSuggestion() {
        assertEquals("Did you mean \"compression\"?", Suggestions.didYouMean("compresion", KEYWORDS));
    }

    @Test
    void didYouMean_farName_isEmptyString() {
        assertEquals("", Suggestions.didYouMean("banana", KEYWORDS));
    }

    @ParameterizedTest
    @CsvSource({
            "'', '', 0",
            "abc, '', 3",
            "abc, abc, 0",
            "abc, abd, 1",
            "abc, acb, 1",
            "kitten, sitting, 3",
            "ca, abc, 3",
    })
    void distance_pairs_isOptimalStringAlignment(String a, String b, int expected) {
        assertEquals(expected, Suggestions.distance(a, b));
        assertEquals(expected, Suggestions.distance(b, a));
    }
}

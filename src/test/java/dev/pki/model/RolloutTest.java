package dev.pki.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolloutTest {

    private static final List<String> TEN = IntStream.range(0, 10).mapToObj(i -> "h" + i).toList();

    private static List<Integer> sizes(Map<String, Object> options, List<String> hosts) {
        return Rollout.parse(options).batches(hosts).stream().map(List::size).toList();
    }

    @Test
    void batches_withoutSerial_areOneBatchOfAll() {
        assertEquals(List.of(10), sizes(Map.of(), TEN));
        assertEquals(List.of(), sizes(Map.of(), List.of()));
    }

    @Test
    void batches_withACount_splitInOrder() {
        assertEquals(List.of(3, 3, 3, 1), sizes(Map.of("serial", 3), TEN));
        assertEquals(List.of("h0", "h1", "h2"), Rollout.parse(Map.of("serial", 3)).batches(TEN).get(0));
    }

    @Test
    void batches_withAPercentage_roundDownButAtLeastOne() {
        assertEquals(List.of(2, 2, 2, 2, 2), sizes(Map.of("serial", "25%"), TEN));
        assertEquals(List.of(1, 1, 1), sizes(Map.of("serial", "10%"), List.of("a", "b", "c")));
    }

    @Test
    void batches_withAList_growAndRepeatTheLastSize() {
        assertEquals(List.of(1, 5, 2, 2), sizes(Map.of("serial", List.of(1, 5, "20%")), TEN));
    }

    @Test
    void parse_rejectsBadValues_withAMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Rollout.parse(Map.of("serial", 0))).getMessage().contains("serial takes"));
        assertThrows(IllegalArgumentException.class, () -> Rollout.parse(Map.of("serial", "150%")));
        assertThrows(IllegalArgumentException.class, () -> Rollout.parse(Map.of("serial", List.of())));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Rollout.parse(Map.of("maxFailPercentage", 101))).getMessage()
                .contains("maxFailPercentage must be a whole number from 0 to 100"));
        assertThrows(IllegalArgumentException.class, () -> Rollout.parse(Map.of("anyErrorsFatal", "yes")));
    }

    @Test
    void exceeded_followsMaxFailPercentagePerBatch_andAnyErrorsFatal() {
        Rollout r = Rollout.parse(Map.of("maxFailPercentage", 20));
        assertFalse(r.exceeded(1, 5), "20% is not more than 20%");
        assertTrue(r.exceeded(2, 5));
        assertFalse(Rollout.DEFAULT.exceeded(5, 5), "without limits, failures never stop the run");
        assertTrue(Rollout.parse(Map.of("anyErrorsFatal", true)).exceeded(1, 100));
        assertTrue(Rollout.parse(Map.of("maxFailPercentage", 0)).exceeded(1, 100));
    }
}

package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A range that only whole people prove wide is found wide by an integer search, and no wider than whole people allow;
 * in a block too large for integer programs ({@link IntervalAudit#WHOLE_BLOCK}) the relaxation is the range.
 * <p>
 * The block: a knowledge score's classes 0, 2 and 4 hidden (a, b, c), 5 people with 10 right answers shown. Class 2
 * can hold 0 to 5 people in fractions, but only 1, 3 or 5 whole (the true count is 3); the programs' corners give 3
 * and 5, and 1 only an integer search finds. Tied to the score, a chain of hidden figures (a − c + y1 shown, then
 * y1 + y2, y2 + y3, … shown) makes the block as large as asked without narrowing class 2.
 */
class IntervalAuditTests {

    private static Map<Object, Long> narrow(int chain, int width) {
        Map<Object, Long> unknowns = new LinkedHashMap<>(Map.of("a", 1L, "b", 3L, "c", 1L));
        Map<Object, Long> shown = new LinkedHashMap<>(Map.of("people", 5L, "right", 10L, "s0", 5L));
        List<Map<Object, Integer>> relations = new ArrayList<>(List.of(
                Map.of("a", 1, "b", 1, "c", 1, "people", -1),
                Map.of("b", 2, "c", 4, "right", -1),
                Map.of("a", 1, "c", -1, "y1", 1, "s0", -1)));
        for (int i = 1; i <= chain; i++) {
            unknowns.put("y" + i, 5L);
        }
        for (int i = 1; i < chain; i++) {
            shown.put("s" + i, 10L);
            relations.add(Map.of("y" + i, 1, "y" + (i + 1), 1, "s" + i, -1));
        }
        IntervalAudit audit = new IntervalAudit(unknowns, Map.of(), shown, relations, new HashMap<>(), true);
        return audit.narrowerThan(List.of("b"), width);
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, IntervalAudit.WHOLE_BLOCK - 3 })
    void aRangeOnlyWholePeopleProveWideIsWideAndNoWider(int chain) {
        assertEquals(Map.of(), narrow(chain, 4), "1 to 5 people: four apart");
        assertEquals(java.util.Set.of("b"), narrow(chain, 5).keySet(),
                "five apart would need 0 people, which the score does not allow");
    }

    @org.junit.jupiter.api.Test
    void aBlockTooLargeForIntegerProgramsTakesTheRelaxation() {
        assertEquals(Map.of(), narrow(IntervalAudit.WHOLE_BLOCK - 2, 5), "0 to 5 in fractions");
    }
}

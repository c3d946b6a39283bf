package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The columns of a filtered breakdown within one group of its filter (k = 10, so a column of its own from 100
 * people): crosses of two groups under that are pooled or merged, never left as columns of a few dozen people.
 */
class PairPoolingTests {

    private static final int K = 10;

    private static List<List<Integer>> columns(List<Integer> values, boolean ordered, long[]... waves) {
        return PairPooling.columns(values, List.of(waves), ordered, K);
    }

    @Test
    void smallUnorderedColumnsArePooledAndLargeOnesKept() {
        assertEquals(List.of(List.of(1), List.of(2), List.of(3, 4)),
                columns(List.of(1, 2, 3, 4), false, new long[] { 300, 150, 60, 50 }, new long[] { 320, 170, 65, 45 }));
    }

    @Test
    void aPoolUnderTheMinimumTakesInTheSmallestOtherColumn() {
        // 3 and 4 hold 60 and 65 together: the 150 and 170 of column 2 join them
        assertEquals(List.of(List.of(1), List.of(2, 3, 4)),
                columns(List.of(1, 2, 3, 4), false, new long[] { 300, 150, 40, 20 }, new long[] { 320, 170, 35, 30 }));
    }

    @Test
    void aColumnUnderTheMinimumInOneWaveThatCountsIsPooled() {
        assertEquals(List.of(List.of(1), List.of(2, 3)),
                columns(List.of(1, 2, 3), false, new long[] { 300, 150, 120 }, new long[] { 320, 170, 99 }));
    }

    @Test
    void aLoneSmallColumnJoinsTheSmallestOfTheOthers() {
        // a pool of one would be the same people under another name
        assertEquals(List.of(List.of(1), List.of(2, 3)),
                columns(List.of(1, 2, 3), false, new long[] { 400, 130, 21 }, new long[] { 420, 110, 19 }));
    }

    @Test
    void orderedColumnsMergeWithTheirNeighboursAndNotStatedIsPooled() {
        // age bands 1-4 and "not stated" (0): 1 and 2 reach 100 together, 3 alone, 4 joins 3; 0 is no neighbour,
        // and alone under the minimum it joins the smaller of the two ranges
        assertEquals(List.of(List.of(3, 4), List.of(1, 2, 0)),
                columns(List.of(1, 2, 3, 4, 0), true, new long[] { 60, 50, 110, 30, 5 },
                        new long[] { 70, 40, 120, 20, 4 }));
    }

    @Test
    void aSmallGroupOfTheFilterIsBrokenDownByTheLargestColumnsItAllows() {
        // 150 people: no two columns of 100; of 50 (half) there are two
        assertEquals(List.of(List.of(1), List.of(2, 3)),
                columns(List.of(1, 2, 3), false, new long[] { 90, 40, 20 }, new long[] { 80, 50, 22 }));
        // a group that cannot make two columns of k keeps its columns (one of them "< k")
        assertEquals(List.of(List.of(1), List.of(2)),
                columns(List.of(1, 2), false, new long[] { 14, 8 }, new long[] { 13, 9 }));
    }

    @Test
    void aWaveTooSmallToCountDecidesNothing() {
        assertEquals(List.of(List.of(1), List.of(2)),
                columns(List.of(1, 2), false, new long[] { 300, 150 }, new long[] { 12, 3 }));
        assertEquals(List.of(List.of(1), List.of(2)), columns(List.of(1, 2), false, new long[] { 12, 3 }));
    }
}

package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecodingTests {

    @Test
    void orderedClassesUnderKAreMergedWithTheirNeighboursInEveryWave() {
        // score 0-4 out of 4: 0 and 1 are under 5 in the first wave, 4 in the second
        List<long[]> counts = List.of(new long[] { 2, 3, 40, 50, 9 }, new long[] { 6, 7, 30, 60, 1 });
        assertEquals(List.of(List.of(0, 1), List.of(2), List.of(3, 4)), Recoding.ordered(counts, 5, 5));
        assertEquals("0–1 / 4", Recoding.range("0 / 4", "1 / 4"));
        assertEquals("Strongly disagree – Disagree", Recoding.range("Strongly disagree", "Disagree"));
    }

    @Test
    void aWaveTooSmallToCountDoesNotBlindTheOthers() {
        List<long[]> counts = List.of(new long[] { 20, 30, 40 }, new long[] { 1, 2, 3 });
        assertEquals(Recoding.identity(3), Recoding.ordered(counts, 5, 3));
    }

    @Test
    void binsMergeIntoOneRangeAndKeepTheirOpenEnds() {
        assertEquals("1 – 10", Recoding.range("1 – 2", "5 – 10"));
        assertEquals("< 10", Recoding.range("< 5", "5 – 10"));
        assertEquals("≥ 5", Recoding.range("5 – 10", "≥ 20"));
        assertEquals("2019 – 2021", Recoding.range("2019", "2021"));
    }

    @Test
    void unorderedAnswersUnderKArePooledButNeverTheRightAnswer() {
        // the right answer (class 1) is under k and keeps its own row; two wrong answers under k are pooled
        List<long[]> counts = List.of(new long[] { 50, 3, 2, 3, 40 });
        assertEquals(List.of(List.of(0), List.of(1), List.of(4), List.of(2, 3)),
                Recoding.pooled(counts, 5, 5, 1));
    }

    @Test
    void aPoolIsMadeOnlyWhereItReachesK() {
        // one answer under k alone would only be renamed: the smallest other answer joins it
        assertEquals(List.of(List.of(0), List.of(1, 2)), Recoding.pooled(List.of(new long[] { 50, 2, 40 }), 5, 3,
                -1));
        // nothing reaches k without pooling everything: suppression protects them instead
        assertEquals(Recoding.identity(2), Recoding.pooled(List.of(new long[] { 2, 2 }), 5, 2, -1));
        // nothing under k: nothing pooled
        assertEquals(Recoding.identity(3), Recoding.pooled(List.of(new long[] { 20, 30, 40 }), 5, 3, -1));
    }

    @Test
    void breakdownRowsMergeWhereThatSparesEnoughGroupsACellUnderK() {
        // two groups of 20 with 3 in the first class, two large ones: merging the first two classes spares 2 of 4
        List<long[]> counts = List.of(new long[] { 3, 7, 10 }, new long[] { 3, 7, 10 }, new long[] { 30, 40, 50 },
                new long[] { 30, 40, 50 });
        assertEquals(List.of(List.of(0, 1), List.of(2)), Recoding.forGroups(counts, 5, 3, true, row -> false));
        // one small cell among ten groups does not cost every group a row; a group under k counts for nothing
        List<long[]> many = new java.util.ArrayList<>();
        many.add(new long[] { 3, 7, 10 });
        many.add(new long[] { 1, 1, 1 });
        for (int g = 0; g < 9; g++) {
            many.add(new long[] { 30, 40, 50 });
        }
        assertEquals(Recoding.identity(3), Recoding.forGroups(many, 5, 3, true, row -> false));
        // ordered classes merge with a neighbour only: 0 and 2 are small, 1 is not
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)),
                Recoding.forGroups(List.of(new long[] { 2, 9, 3, 9 }), 5, 4, true, row -> false));
    }

    @Test
    void unorderedBreakdownRowsPoolIntoOneOtherRowAndNeverTheRightAnswer() {
        // the right answer (0) is under k in the group too but keeps its row; 1 and 2 are pooled; 3 stays
        assertEquals(List.of(List.of(0), List.of(3), List.of(1, 2)),
                Recoding.forGroups(List.of(new long[] { 4, 3, 2, 8 }), 5, 4, false, row -> row == 0));
    }

    @Test
    void roundingPicksTheSmallestStepOfTheOneTwoFiveLadderThatCoversTheInterval() {
        assertEquals(new BigDecimal("0.01"), Rounding.step(0));
        assertEquals(new BigDecimal("0.05"), Rounding.step(0.03));
        assertEquals(new BigDecimal("0.2"), Rounding.step(0.11));
        assertEquals(new BigDecimal("1"), Rounding.step(0.6));
        assertEquals("3.45 ±0.05", Rounding.display(Rounding.round(3.4449, new BigDecimal("0.05")),
                new BigDecimal("0.05"), false));
        assertEquals("+0.2 ±0.2", Rounding.display(Rounding.round(0.29, new BigDecimal("0.2")),
                new BigDecimal("0.2"), true));
        assertEquals(new BigDecimal("-0.15"), Rounding.down(-0.101, new BigDecimal("0.05")));
        assertEquals(new BigDecimal("0.35"), Rounding.up(0.301, new BigDecimal("0.05")));
    }
}

package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChangeTests {

    @Test
    void theDifferenceOfTwoProportionsHasAWaldInterval() {
        Change change = Change.ofProportions(30, 60, 60, 80);
        assertEquals(0.25, change.difference(), 1e-12);
        double se = Math.sqrt(0.5 * 0.5 / 60 + 0.75 * 0.25 / 80);
        assertEquals(0.25 - 1.959964 * se, change.low(), 1e-6);
        assertEquals(0.25 + 1.959964 * se, change.high(), 1e-6);
    }

    @Test
    void theDifferenceOfTwoMeansHasAWelchInterval() {
        // Two small samples from a textbook example: {1, 2, 3, 4, 5} and {2, 4, 6, 8, 10}.
        Change.Moments first = new Change.Moments(5, 15, 55);
        Change.Moments second = new Change.Moments(5, 30, 220);
        assertEquals(2.5, first.variance(), 1e-12);
        assertEquals(10.0, second.variance(), 1e-12);
        Change change = Change.ofMeans(first, second);
        assertEquals(3.0, change.difference(), 1e-12);
        // se = √(2.5/5 + 10/5) = 1.5811; Welch df = 2.5² / (0.5²/4 + 2²/4) = 5.882; t(0.975, 5.882) = 2.4588 (between 2.5706 at 5 and 2.4469 at 6)
        assertEquals(3.0 - 2.4588 * 1.58114, change.low(), 2e-3);
        assertEquals(3.0 + 2.4588 * 1.58114, change.high(), 2e-3);
    }

    @Test
    void identicalAnswersGiveAZeroWidthInterval() {
        Change change = Change.ofMeans(new Change.Moments(10, 30, 90), new Change.Moments(12, 48, 192));
        assertEquals(1.0, change.difference(), 1e-12);
        assertEquals(1.0, change.low(), 1e-12);
        assertEquals(1.0, change.high(), 1e-12);
    }
}

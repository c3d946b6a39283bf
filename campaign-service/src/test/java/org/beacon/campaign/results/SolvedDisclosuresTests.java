package org.beacon.campaign.results;

import static org.beacon.campaign.results.PairAttackTests.DIMENSIONS;
import static org.beacon.campaign.results.PairAttackTests.question;
import static org.beacon.campaign.results.SuppressionAttackTests.GENDER;
import static org.beacon.campaign.results.SuppressionAttackTests.K;
import static org.beacon.campaign.results.SuppressionAttackTests.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;

import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.Wave;
import org.junit.jupiter.api.Test;

/**
 * Solved disclosure problems are read instead of solved again, and reading them changes nothing: every output is
 * the same as when each request solves its own problem, a filtered breakdown leaves the survey's problem as it was,
 * and any change to the figures is a new problem.
 */
class SolvedDisclosuresTests {

    private static final List<Wave> WAVES = List.of(Wave.BASELINE, Wave.ENDLINE);

    private final SurveyForm form = SuppressionAttackTests.form();
    private final List<BreakdownAxis> axes = Arrays.stream(DIMENSIONS)
            .mapToObj(id -> BreakdownAxis.of(question(form, id))).toList();

    private ResultsView view(Tally tally, Dimension by, Dimension filter, int value, SolvedDisclosures solved) {
        Dimension pair = filter == null ? null : by.within(filter, value);
        return new SurveyResults(form, tally, K, WAVES, "en", ResultsWording.ENGLISH, axes, pair, solved)
                .view("campaign", by, Wave.ENDLINE, filter, value);
    }

    @Test
    void everyOutputReadFromSolvedProblemsIsTheOneSolvedAlone() {
        for (long seed : new long[] { 3, 52, 106 }) {
            Tally tally = PairAttackTests.tally(SuppressionAttackTests.population(seed));
            SolvedDisclosures solved = new SolvedDisclosures(8);
            // a filtered breakdown first, then the survey's own outputs: the pair works on a copy
            for (int round = 0; round < 2; round++) {
                for (long filter : DIMENSIONS) {
                    for (long by : DIMENSIONS) {
                        if (filter == by) {
                            continue;
                        }
                        int groups = question(form, filter).choices().size();
                        for (int value = 1; value <= groups; value++) {
                            assertEquals(view(tally, Dimension.of(by), Dimension.of(filter), value,
                                    SolvedDisclosures.NONE),
                                    view(tally, Dimension.of(by), Dimension.of(filter), value, solved),
                                    "seed " + seed + ": " + by + " within " + filter + ":" + value);
                        }
                    }
                    assertEquals(view(tally, Dimension.of(filter), null, 0, SolvedDisclosures.NONE),
                            view(tally, Dimension.of(filter), null, 0, solved), "seed " + seed + ": by " + filter);
                }
            }
            // the survey's problem, and one per pair of dimensions whichever of the two filters
            assertEquals(1 + 3, solved.size(), "problems solved for seed " + seed);
        }
    }

    @Test
    void changedFiguresAreANewProblem() {
        int[] population = SuppressionAttackTests.population(7);
        Tally before = PairAttackTests.tally(population);
        SolvedDisclosures solved = new SolvedDisclosures(8);
        ResultsView first = view(before, Dimension.of(REGION), null, 0, solved);
        assertEquals(first, view(PairAttackTests.tally(population), Dimension.of(REGION), null, 0, solved),
                "the same figures read again, from another query");
        assertEquals(1, solved.size());

        // one more respondent: a new problem, solved as if nothing had been kept
        int[] more = population.clone();
        int kind = 0;
        while (more[kind] == 0) {
            kind++;
        }
        more[kind]++;
        Tally after = PairAttackTests.tally(more);
        ResultsView changed = view(after, Dimension.of(REGION), null, 0, solved);
        assertEquals(2, solved.size());
        assertEquals(view(after, Dimension.of(REGION), null, 0, SolvedDisclosures.NONE), changed);
        assertNotEquals(first, changed);
    }

    @Test
    void theLeastRecentlyReadProblemGoesFirst() {
        SolvedDisclosures solved = new SolvedDisclosures(2);
        Tally one = PairAttackTests.tally(SuppressionAttackTests.population(1));
        Tally two = PairAttackTests.tally(SuppressionAttackTests.population(2));
        Tally three = PairAttackTests.tally(SuppressionAttackTests.population(3));
        view(one, Dimension.of(GENDER), null, 0, solved);
        view(two, Dimension.of(GENDER), null, 0, solved);
        view(one, Dimension.of(GENDER), null, 0, solved);
        view(three, Dimension.of(GENDER), null, 0, solved);
        assertEquals(2, solved.size(), "bounded");
        assertEquals(view(two, Dimension.of(GENDER), null, 0, SolvedDisclosures.NONE),
                view(two, Dimension.of(GENDER), null, 0, solved), "a dropped problem is solved again the same way");
    }

    /**
     * A problem that takes longer than a request waits is answered 503 with Retry-After while it is solved on; the
     * requests after it wait for that one solve instead of starting their own, and read its answer once it is done.
     */
    @Test
    void aRequestThatOutwaitsItsPatienceIsToldToComeBackAndTheSolveGoesOn() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            SolvedDisclosures solved = new SolvedDisclosures(4, pool, java.time.Duration.ofMillis(200));
            SolvedDisclosures.Problem problem = SolvedDisclosures.Problem.of("survey", 1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger solves = new java.util.concurrent.atomic.AtomicInteger();
            Disclosure answer = new Disclosure(K);
            java.util.function.Supplier<Disclosure> slow = () -> {
                solves.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return answer;
            };
            for (int request = 0; request < 2; request++) {
                org.beacon.commons.web.ProblemException notReady = org.junit.jupiter.api.Assertions.assertThrows(
                        org.beacon.commons.web.ProblemException.class, () -> solved.solve(problem, slow));
                assertEquals(503, notReady.status());
                assertEquals(1, notReady.retryAfter(), "Retry-After in whole seconds, at least one");
                assertEquals("results.preparing", notReady.reason().key());
            }
            assertEquals(1, solves.get(), "the second request waited for the first one's solve");
            release.countDown();
            java.util.function.Supplier<Disclosure> never = () -> {
                throw new AssertionError("solved again");
            };
            // the next request waits for the solve in flight, and the one after it reads the kept answer
            assertEquals(answer, solved.solve(problem, never));
            assertEquals(answer, solved.solve(problem, never));
            assertEquals(1, solves.get());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A solve that runs out of memory is answered 503 with Retry-After and a reason that says what to do, never a
     * 500; nothing is kept, and the next request solves the problem again.
     */
    @Test
    void aSolveThatRunsOutOfMemoryIsToldToComeBackAndIsSolvedAgain() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            SolvedDisclosures solved = new SolvedDisclosures(4, pool, java.time.Duration.ofSeconds(10));
            SolvedDisclosures.Problem problem = SolvedDisclosures.Problem.of("survey", 2);
            org.beacon.commons.web.ProblemException shortOfMemory = org.junit.jupiter.api.Assertions.assertThrows(
                    org.beacon.commons.web.ProblemException.class, () -> solved.solve(problem, () -> {
                        throw new OutOfMemoryError("Java heap space");
                    }));
            assertEquals(503, shortOfMemory.status());
            assertEquals("results.short-of-memory", shortOfMemory.reason().key());
            assertEquals(30, shortOfMemory.retryAfter());
            assertEquals(0, solved.size(), "nothing kept");
            Disclosure answer = new Disclosure(K);
            assertEquals(answer, solved.solve(problem, () -> answer), "solved again");
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Which solved state a request is shown: the current figures when they were solved already (without solving them
 * again), the latest solved ones while newer answers are solved in the background, and never figures that no solve
 * produced.
 */
class ResultsStatesTests {

    private static final Instant START = Instant.parse("2026-12-06T04:00:00Z");
    private static final Duration STALE_FOR = Duration.ofMinutes(2);

    /** Tasks given to the background, run when the test says. */
    private final List<Runnable> background = new ArrayList<>();
    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this; // an instant has no zone; the states only read instants
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    /** What the database holds now: how many responses a solve finds. */
    private long stored;
    private final AtomicInteger solves = new AtomicInteger();

    private final Supplier<SolvedResults> solve = () -> {
        solves.incrementAndGet();
        return new SolvedResults(null, stored, now);
    };

    private ResultsStates states(Duration staleFor) {
        return new ResultsStates(4, staleFor, Duration.ZERO, background::add, clock);
    }

    private void runBackground() {
        List<Runnable> tasks = new ArrayList<>(background);
        background.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void unchangedFiguresAreServedWithoutSolvingAgain() {
        ResultsStates states = states(STALE_FOR);
        stored = 100;
        SolvedResults first = states.read("survey 1", 100, true, solve);
        now = now.plus(Duration.ofHours(1));
        assertSame(first, states.read("survey 1", 100, true, solve), "the page, an hour later");
        assertSame(first, states.read("survey 1", 100, false, solve), "an export of the same reading");
        assertEquals(1, solves.get());
        assertEquals(List.of(), background);

        stored = 101;
        assertEquals(101, states.read("survey 2", 101, true, solve).responses(), "another reading solves its own");
        assertEquals(2, solves.get());
    }

    @Test
    void newerAnswersAreSolvedInTheBackgroundWhileThePageShowsTheLatestSolvedFigures() {
        ResultsStates states = states(STALE_FOR);
        stored = 100;
        SolvedResults first = states.read("survey", 100, true, solve);

        stored = 103;
        now = now.plusSeconds(30);
        assertSame(first, states.read("survey", 103, true, solve), "no read waits for a full solve");
        stored = 105;
        assertSame(first, states.read("survey", 105, true, solve), "reads join the solve that is running");
        assertEquals(1, solves.get(), "nothing solved on the request's own time");
        assertEquals(1, background.size(), "one solve at a time per reading");

        runBackground();
        SolvedResults newer = states.read("survey", 105, true, solve);
        assertEquals(105, newer.responses());
        assertEquals(START.plusSeconds(30), newer.asOf());
        assertEquals(2, solves.get());
        assertSame(newer, states.read("survey", 104, true, solve), "a request that counted fewer gets the newer");
    }

    @Test
    void exportsAndTooOldFiguresWaitForTheCurrentOnes() {
        ResultsStates states = states(STALE_FOR);
        stored = 100;
        states.read("survey", 100, true, solve);

        stored = 101;
        assertEquals(101, states.read("survey", 101, false, solve).responses(), "an export: the current figures");

        stored = 102;
        now = now.plus(STALE_FOR).plusSeconds(1);
        assertEquals(102, states.read("survey", 102, true, solve).responses(), "kept figures too old to show");
        assertEquals(List.of(), background);

        ResultsStates exact = states(Duration.ZERO);
        stored = 103;
        exact.read("survey", 103, true, solve);
        stored = 104;
        assertEquals(104, exact.read("survey", 104, true, solve).responses(), "no earlier figures allowed");
    }

    @Test
    void aSolveFinishingLateNeverReplacesNewerFigures() {
        ResultsStates states = states(STALE_FOR);
        stored = 100;
        states.read("survey", 100, true, solve);
        stored = 110;
        // the page starts a background solve that will find 110 responses ...
        states.read("survey", 110, true, solve);
        // ... but an export solves 120 first
        stored = 120;
        assertEquals(120, states.read("survey", 120, false, solve).responses());
        stored = 110;
        runBackground();
        assertEquals(120, states.read("survey", 115, true, solve).responses());
    }

    @Test
    void aFailedBackgroundSolveIsStartedAgainByTheNextRead() {
        ResultsStates states = states(STALE_FOR);
        stored = 100;
        SolvedResults first = states.read("survey", 100, true, solve);
        boolean[] fail = { true };
        Supplier<SolvedResults> failing = () -> {
            if (fail[0]) {
                throw new IllegalStateException("database away");
            }
            return solve.get();
        };
        stored = 101;
        assertSame(first, states.read("survey", 101, true, failing));
        runBackground();
        assertSame(first, states.read("survey", 101, true, failing), "the latest solved figures, still");
        assertEquals(1, background.size(), "a new solve started");
        fail[0] = false;
        runBackground();
        assertEquals(101, states.read("survey", 101, true, failing).responses());

        ResultsStates none = states(STALE_FOR);
        assertThrows(IllegalStateException.class, () -> none.read("other", 5, true, () -> {
            throw new IllegalStateException("database away");
        }), "with nothing solved there is nothing to show: the failure is the request's");
    }
}

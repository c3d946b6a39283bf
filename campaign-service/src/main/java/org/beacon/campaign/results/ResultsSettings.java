package org.beacon.campaign.results;

import java.time.Duration;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Survey results (application.properties, beacon.results.*). */
@ConfigMapping(prefix = "beacon.results")
public interface ResultsSettings {

    /**
     * Solved disclosure problems kept in memory ({@link SolvedDisclosures}): one per survey state and, besides, one
     * per filtered pair of dimensions read (ten for a survey with five dimensions). A problem with five dimensions
     * holds a few thousand figures (a few MB).
     */
    @WithDefault("16")
    int solvedProblems();

    /**
     * How long a request waits for its disclosure problem to be solved before it is answered 503 with this as
     * {@code Retry-After} while the problem is solved on. Below the gateway's upstream timeout (30 s), so that the
     * reader gets that answer and not the gateway's.
     */
    @WithDefault("PT15S")
    Duration solvingPatience();

    /**
     * How long the latest solved figures of a survey may still be shown, with their "as of" time, while newer answers
     * are solved in the background ({@link ResultsStates}); 0 makes each read after new answers wait for them.
     */
    @WithDefault("PT2M")
    Duration staleFor();

    /** How long a read of the page waits for newer answers' figures before it is shown the latest solved ones. */
    @WithDefault("PT1S")
    Duration patience();

    /**
     * The narrowest range a reader may be able to bound a hidden count to from the shown figures (highest less lowest
     * possible value in whole people; see {@link Disclosure}); unset, the survey's k; 0 checks no range (the linear
     * guarantee alone: no hidden count can be computed exactly). Headline figures stay shown whatever the width: a
     * range only they could widen is left narrow and listed (README, "Disclosure control in plain words", step 2).
     */
    OptionalInt intervalWidth();

    /**
     * The interval width of filtered breakdowns (a pair of dimensions, one within a group of the other); unset, the
     * same as every other output's. A pair's problem ties every group of both dimensions to every figure of the
     * survey's and is several times larger; a solve that outlasts {@link #solvingPatience()} is answered 503 with
     * Retry-After while it goes on.
     */
    OptionalInt filteredIntervalWidth();
}

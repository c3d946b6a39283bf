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
     * per filtered pair of dimensions read. A problem with five dimensions holds a few thousand figures (a few MB).
     */
    @WithDefault("8")
    int solvedProblems();

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
     * possible value; see {@link Disclosure}). Unset, ranges are not checked: with it, the first filtered breakdown
     * of a pair of dimensions of a shipped survey took longer than a client waits (README, "Disclosure control in
     * plain words", step 2).
     */
    OptionalInt intervalWidth();
}

package org.beacon.campaign.results;

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
     * The narrowest range a reader may be able to bound a hidden count to from the shown figures (highest less lowest
     * possible value; see {@link Disclosure}). Unset, ranges are not checked: the check's cost is not bounded yet
     * (README, "Disclosure control in plain words").
     */
    OptionalInt intervalWidth();
}

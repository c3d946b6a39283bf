package org.beacon.campaign.survey;

/**
 * What the stored responses of a survey mean changed (its question settings), and they were rescored in the current
 * transaction. Fired synchronously: an observer that keeps figures derived from the responses (the results' rollup)
 * rebuilds them in the same transaction, without this package depending on it.
 */
public record ResponsesRescored(long surveyId) {
}

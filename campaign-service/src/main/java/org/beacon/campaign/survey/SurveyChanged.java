package org.beacon.campaign.survey;

/**
 * A survey's version, question settings or wave state changed: fired in the changing transaction, so that what
 * {@link SurveyForms} keeps of its public addresses goes once the change is committed.
 */
record SurveyChanged(long surveyId) {
}

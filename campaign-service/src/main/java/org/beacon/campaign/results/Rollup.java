package org.beacon.campaign.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Rebuilds a survey's rollup from its stored responses, for when what the responses mean changed (question settings:
 * a knowledge item's right answer, a background role) rather than the responses themselves. The rollup is always
 * derivable from survey_response: its rows for the survey are deleted and every response is queued again, in the
 * caller's transaction, so results read the queue meanwhile and stay exact; {@link TallyFold} refills the rollup.
 */
@ApplicationScoped
public class Rollup {

    @Inject
    TallyStore store;

    /**
     * Deletes every rollup row of the survey and queues all its responses. Waits for a fold that is running, which
     * holds the fold's lock to the end of its transaction: a fold's batch is then either entirely in the rows
     * deleted here or queued again here, never counted twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rebuild(long surveyId) {
        store.rebuild(surveyId);
    }
}

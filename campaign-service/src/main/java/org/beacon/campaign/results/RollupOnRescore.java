package org.beacon.campaign.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.beacon.campaign.survey.ResponsesRescored;

/** Responses rescored (question settings changed) make the survey's rollup stale: it is rebuilt in that transaction. */
@ApplicationScoped
public class RollupOnRescore {

    @Inject
    Rollup rollup;

    void rebuild(@Observes ResponsesRescored rescored) {
        rollup.rebuild(rescored.surveyId());
    }
}

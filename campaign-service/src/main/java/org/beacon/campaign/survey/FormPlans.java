package org.beacon.campaign.survey;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The page plan of each survey's current revision. A plan depends only on the XForm, which changes only by
 * re-import (a new revision), so it is made once per revision (a few milliseconds for the shipped survey) and not at
 * every page; one entry per survey, replaced when its revision moves.
 */
@ApplicationScoped
public class FormPlans {

    private record Planned(int revision, FormPlan plan) {
    }

    private final Map<Long, Planned> plans = new ConcurrentHashMap<>();

    public FormPlan of(SurveyForm form) {
        Planned planned = plans.get(form.id());
        if (planned == null || planned.revision() != form.revision()) {
            planned = new Planned(form.revision(), FormPlan.of(form.xform()));
            plans.put(form.id(), planned);
        }
        return planned.plan();
    }
}

package org.beacon.campaign.results;

import java.util.Locale;

import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.commons.web.ProblemException;

/** What results can be broken down by: nothing (everyone) or one background question. */
public enum Dimension {
    ALL(null), AGE_BAND(SurveyQuestion.AGE_BAND), GENDER(SurveyQuestion.GENDER), REGION(SurveyQuestion.REGION);

    private final String role;

    Dimension(String role) {
        this.role = role;
    }

    /** The background question role behind this dimension; null for everyone. */
    public String role() {
        return role;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Dimension parse(String id) {
        for (Dimension dimension : values()) {
            if (dimension != ALL && dimension.id().equals(id)) {
                return dimension;
            }
        }
        throw ProblemException.badRequest("Results can be broken down by age_band, gender or region, not '" + id + "'.");
    }
}

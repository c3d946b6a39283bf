package org.beacon.campaign.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.beacon.campaign.survey.odk.FormEngine;
import org.junit.jupiter.api.Test;

/** Which pages a respondent is asked, and what they say, follow the answers given so far. */
class FormProgressTests {

    private static final String XFORM = PlanForms.xform("survey", PlanForms.BRANCHING_SURVEY, "choices",
            PlanForms.BRANCHING_CHOICES);
    private static final FormPlan PLAN = FormPlan.of(XFORM);
    private static final FormEngine ENGINE = FormEngine.load(XFORM);

    private static FormProgress progress(Map<String, List<String>> answers) {
        return new FormProgress(PLAN, ENGINE.start(), answers::get);
    }

    @Test
    void whoHasNotHeardOfTheCampaignAnswersOnePage() {
        FormProgress progress = progress(Map.of("heard", List.of("no"), "age", List.of("30")));

        assertEquals(1, progress.next(0));
        assertEquals(0, progress.next(1));
        assertEquals(1, progress.count());
        assertTrue(progress.countMayChange(1));
    }

    @Test
    void whoHasHeardIsAskedWhereThenWhatTheyRemember() {
        FormProgress progress = progress(Map.of("heard", List.of("yes"), "age", List.of("30"),
                "where", List.of("radio", "poster")));

        assertEquals(2, progress.next(1));
        assertEquals(3, progress.next(2));
        assertEquals(3, progress.count());
        assertEquals(2, progress.rank(2));
        assertEquals(2, progress.previous(3));
        assertEquals("Que retenez-vous de radio poster ?",
                progress.label(PLAN.question("/data/remember"), "fr"));
        assertEquals(List.of("radio", "poster"), progress.answer("where"));
    }

    @Test
    void anAnswerNoLongerAskedIsCarriedButNeitherReadNorStored() {
        FormProgress progress = progress(Map.of("heard", List.of("no"), "age", List.of("30"),
                "where", List.of("radio")));

        assertNull(progress.answer("where"));
        assertEquals(List.of("radio"), progress.given().get("where"));
        assertEquals("", progress.session().value("/data/where"));
        assertFalse(progress.asked(PLAN.question("/data/where")));
        assertEquals(List.of(), progress.session().violations("en"));
    }

    @Test
    void choicesAreLabelledInTheRespondentsLanguage() {
        FormProgress progress = progress(Map.of("heard", List.of("yes")));
        FormPlan.Question where = PLAN.question("/data/where");

        assertEquals(List.of("radio", "poster", "none"), progress.choices(where));
        assertEquals("Affiche", progress.choiceLabel(where, "poster", "fr"));
        assertEquals("Poster", progress.choiceLabel(where, "poster", "en"));
    }
}

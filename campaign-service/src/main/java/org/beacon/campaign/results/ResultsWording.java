package org.beacon.campaign.results;

import java.util.Map;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.beacon.campaign.survey.SurveyMessages;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.i18n.Languages;

/**
 * The interface words results tables are built with: the page passes its message bundle's wording, the JSON API and
 * the CSV export use English so that files stay comparable across users.
 */
public record ResultsWording(Map<Wave, String> waves, String respondents, String answered, String mean,
        String meanScore, String notStated, String all, String knowledgeScore, String hidden, String percentCorrect,
        String other) {

    public static final ResultsWording ENGLISH = new ResultsWording(
            Map.of(Wave.BASELINE, "Baseline", Wave.ENDLINE, "Endline", Wave.CONTINUOUS, "Continuous"),
            "Respondents", "Answered", "Mean (1-5)", "Mean score", "Not stated", "All", "Knowledge score",
            "hidden", "Correct answers", "Other");

    /** The wording of the page's interface language. */
    public static ResultsWording of(String language) {
        SurveyMessages m = Languages.DEFAULT.equals(language) || Languages.supported(language) == null
                ? MessageBundles.get(SurveyMessages.class)
                : MessageBundles.get(SurveyMessages.class, Localized.Literal.of(Languages.supported(language)));
        return new ResultsWording(Map.of(Wave.BASELINE, m.wave_baseline(), Wave.ENDLINE, m.wave_endline(),
                Wave.CONTINUOUS, m.wave_continuous()), m.respondents(), m.answered(), m.mean(), m.mean_score(),
                m.not_stated(), m.all(), m.knowledge_score(), m.hidden(), m.percent_correct(),
                m.other_answers());
    }

    public String wave(Wave wave) {
        return waves.get(wave);
    }
}

package org.beacon.campaign.results;

import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.beacon.campaign.survey.SurveyMessages;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.i18n.Languages;

/**
 * The interface words results tables are built with: the page passes its message bundle's wording and writes figures
 * in the reader's formats, the JSON API and the CSV export use English and machine formats so that files stay
 * comparable across users.
 */
public record ResultsWording(Map<Wave, String> waves, String respondents, String answered, String mean,
        String meanScore, String notStated, String all, String knowledgeScore, String hidden, String percentCorrect,
        String other, Marking marking, FigureText text, Rows rows, IntFunction<String> otherGroups,
        UnaryOperator<String> mentions, String withoutLink) {

    /** "Other (3 groups)": the groups of a breakdown dimension pooled because each had too few people. */
    static final IntFunction<String> OTHER_GROUPS = groups -> "Other (" + groups + " groups)";
    /** "Mentions of: Radio; SMS": rare options of a multiple-choice question pooled in the breakdowns. */
    static final UnaryOperator<String> MENTIONS = options -> "Mentions of: " + options;
    /** The collection team's group of the answers that came through no link (the web form, uploads). */
    static final String WITHOUT_LINK = "Without a collection link";

    public ResultsWording(Map<Wave, String> waves, String respondents, String answered, String mean,
            String meanScore, String notStated, String all, String knowledgeScore, String hidden,
            String percentCorrect, String other, Marking marking, FigureText text, Rows rows) {
        this(waves, respondents, answered, mean, meanScore, notStated, all, knowledgeScore, hidden, percentCorrect,
                other, marking, text, rows, OTHER_GROUPS, MENTIONS, WITHOUT_LINK);
    }

    /**
     * Words of the rows some tables add: those asked a conditional question, and a number or date question's mean,
     * lowest and highest answer and its single row when too few answered to show bins.
     */
    public record Rows(String asked, String mean, String lowest, String highest, String allAnswers) {
        static final Rows ENGLISH = new Rows("Asked", "Mean", "Lowest", "Highest", "all answers");
    }

    /**
     * Words of the question settings in results: the note of a reverse-worded item, and an option's part credit
     * ("50 % credit") shown instead of marking it correct.
     */
    public record Marking(String reversedItem, IntFunction<String> credit) {
        static final Marking ENGLISH = new Marking("reverse-worded: the mean counts answer 1 as 5 and 5 as 1",
                percent -> percent + " % credit");
    }

    public ResultsWording(Map<Wave, String> waves, String respondents, String answered, String mean,
            String meanScore, String notStated, String all, String knowledgeScore, String hidden,
            String percentCorrect, String other) {
        this(waves, respondents, answered, mean, meanScore, notStated, all, knowledgeScore, hidden, percentCorrect,
                other, Marking.ENGLISH, FigureText.MACHINE, Rows.ENGLISH);
    }

    public static final ResultsWording ENGLISH = new ResultsWording(
            Map.of(Wave.BASELINE, "Baseline", Wave.ENDLINE, "Endline", Wave.CONTINUOUS, "Continuous"),
            "Respondents", "Answered", "Mean (1-5)", "Mean score", "Not stated", "All", "Knowledge score",
            "hidden", "Correct answers", "Other");

    /** The wording of the page's interface language. */
    public static ResultsWording of(String language) {
        SurveyMessages m = Languages.DEFAULT.equals(language) || Languages.supported(language) == null
                ? MessageBundles.get(SurveyMessages.class)
                : MessageBundles.get(SurveyMessages.class, Localized.Literal.of(Languages.supported(language)));
        FigureText reader = FigureText.reader(Locale.forLanguageTag(Languages.supported(language) == null
                ? Languages.DEFAULT : Languages.supported(language)));
        return new ResultsWording(Map.of(Wave.BASELINE, m.wave_baseline(), Wave.ENDLINE, m.wave_endline(),
                Wave.CONTINUOUS, m.wave_continuous()), m.respondents(), m.answered(), m.mean(), m.mean_score(),
                m.not_stated(), m.all(), m.knowledge_score(), m.hidden(), m.percent_correct(),
                m.other_answers(), new Marking(m.reversed_item(), percent -> m.credit(reader.percent(percent))),
                reader, new Rows(m.asked_row(), m.mean_plain(), m.lowest(), m.highest(), m.all_answers()),
                groups -> breakdown(language).other_groups(reader.count(groups)),
                options -> breakdown(language).mentions(options), m.without_link());
    }

    private static BreakdownMessages breakdown(String language) {
        return Languages.DEFAULT.equals(language) || Languages.supported(language) == null
                ? MessageBundles.get(BreakdownMessages.class)
                : MessageBundles.get(BreakdownMessages.class, Localized.Literal.of(Languages.supported(language)));
    }

    public String wave(Wave wave) {
        return waves.get(wave);
    }
}

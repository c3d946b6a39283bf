package org.beacon.campaign.results;

import static org.beacon.campaign.results.SuppressionAttackTests.GENDER;
import static org.beacon.campaign.results.SuppressionAttackTests.K;
import static org.beacon.campaign.results.SuppressionAttackTests.REGION;
import static org.beacon.campaign.results.SuppressionAttackTests.kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.beacon.campaign.results.ResultsView.Breakdown;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.results.ResultsView.QuestionResult;
import org.beacon.campaign.results.ResultsView.Row;
import org.beacon.campaign.results.ResultsView.Table;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.Wave;
import org.junit.jupiter.api.Test;

/**
 * Rows recoded for the breakdowns (issue 13 point 1), on the attack tests' form with data sets made for it. Every
 * region (north, south, not stated) and age band has at least k = 5 people in each wave, so that no group is hidden
 * and what is hidden is cells inside groups.
 */
class BreakdownRecodingTests {

    static final int WOMAN = 1;
    static final int[] REGIONS = { 1, 2, 0 };
    static final int NORTH = 1;
    static final int RADIO = 1;
    static final int BOTH = 3;
    static final int YES = SuppressionAttackTests.K1_KEY;
    static final int NO = 2;
    static final int DONT_KNOW = 3;

    /**
     * In each wave, each region and age band 20 people, 5 of each gender (woman, man, another, not stated): 15 answer
     * k1 "Yes" and k2 right (score 2), 2 "Yes" and k2 wrong (score 1), and 3 answer k1 "No" or "Don't know" and k2
     * wrong (score 0): under 25, 2 "No" and 1 "Don't know", 25 or more the reverse. Overall each answer and score has
     * at least k people in a wave; in a region "No", "Don't know" and score 1 have 3, 3 and 4.
     */
    static int[] knowledge() {
        int[] population = new int[SuppressionAttackTests.KINDS];
        for (int wave = 0; wave < 2; wave++) {
            for (int region : REGIONS) {
                for (int age = 0; age < 2; age++) {
                    int[] k1 = age == 0 ? new int[] { NO, NO, DONT_KNOW } : new int[] { NO, DONT_KNOW, DONT_KNOW };
                    for (int person = 0; person < 20; person++) {
                        int gender = (person + 1) % 4;
                        int answer = person < 3 ? k1[person] : YES;
                        int k2 = person < 5 ? 0 : 1;
                        population[kind(wave, gender, region, age, answer, k2, RADIO)]++;
                    }
                }
            }
        }
        return population;
    }

    /**
     * In each wave, each region and age band 10 women who all heard the radio; posters were ticked by 3 northerners
     * (under 25), 7 southerners and 7 who did not state their region (4 under 25 and 3 older each).
     */
    static int[] channels() {
        int[] population = new int[SuppressionAttackTests.KINDS];
        for (int wave = 0; wave < 2; wave++) {
            for (int region : REGIONS) {
                for (int age = 0; age < 2; age++) {
                    int posters = region == NORTH ? (age == 0 ? 3 : 0) : age == 0 ? 4 : 3;
                    population[kind(wave, WOMAN, region, age, YES, 1, BOTH)] += posters;
                    population[kind(wave, WOMAN, region, age, YES, 1, RADIO)] += 10 - posters;
                }
            }
        }
        return population;
    }

    static SurveyResults results(int[] population, Dimension pair) {
        SurveyForm form = SuppressionAttackTests.form();
        List<BreakdownAxis> axes = Arrays.stream(PairAttackTests.DIMENSIONS)
                .mapToObj(id -> BreakdownAxis.of(PairAttackTests.question(form, id))).toList();
        return new SurveyResults(form, PairAttackTests.tally(population), K, List.of(Wave.BASELINE, Wave.ENDLINE),
                "en", ResultsWording.ENGLISH, axes, pair);
    }

    static List<String> labels(Table table) {
        return table.rows().stream().filter(row -> row.type().equals(Row.CHOICE)).map(Row::label).toList();
    }

    static Figure cell(Table table, String row, String column) {
        Row found = table.rows().stream().filter(r -> r.label().equals(row)).findFirst().orElseThrow();
        return found.cells().get(table.columns().indexOf(column));
    }

    static QuestionResult question(Breakdown breakdown, String name) {
        return breakdown.questions().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aBreakdownMergesWhatItsGroupsHaveTooFewOfWhileTheOverallResultsKeepEveryAnswer() {
        SurveyResults results = results(knowledge(), null);
        ResultsView overall = results.view("campaign", null, null);
        QuestionResult k1 = overall.questions().stream().filter(q -> q.name().equals("k1")).findFirst()
                .orElseThrow();
        assertEquals(List.of("Yes", "No", "Don't know"), labels(k1.table()));
        assertEquals(List.of("0 / 2", "1 / 2", "2 / 2"), labels(overall.knowledgeScore().table()));
        for (Wave wave : List.of(Wave.BASELINE, Wave.ENDLINE)) {
            Breakdown byRegion = results.view("campaign", Dimension.of(REGION), wave).breakdown();
            Table answers = question(byRegion, "k1").table();
            // 3 "No" and 3 "Don't know" in each region: pooled rather than hidden with a partner each
            assertEquals(List.of("Yes", "Other (No; Don't know)"), labels(answers));
            for (String region : List.of("North", "South", "Not stated")) {
                assertEquals(6L, cell(answers, "Other (No; Don't know)", region).n(), region);
            }
            assertEquals(18L, cell(answers, "Other (No; Don't know)", "All").n(),
                    "the total column adds up the overall rows it merges");
            // score 1 has 4 people in a region: merged with its smaller neighbour
            assertEquals(List.of("0–1 / 2", "2 / 2"), labels(byRegion.knowledgeScore().table()));
            // every breakdown shows the same rows: a filter's group is a group of another breakdown
            Breakdown byAge = results.view("campaign", Dimension.of(SuppressionAttackTests.AGE), wave).breakdown();
            assertEquals(labels(answers), labels(question(byAge, "k1").table()));
            assertEquals(labels(byRegion.knowledgeScore().table()), labels(byAge.knowledgeScore().table()));
        }
        assertEquals(List.of(), SuppressionAttackTests.givenAway(SuppressionAttackTests.shown(results),
                knowledge()), "hidden counts that the shown ones give away");
    }

    /**
     * Everyone's score is the number of right answers, so a group's scores add up to its items' right answers: shown,
     * they make its mean score exact (2 × 30 + 1 × 4 = 34 + 30 right answers over 40 people: 1.60), although the
     * score classes 0 and 1 are merged into one row, and the change and its interval are computed from it.
     */
    @Test
    void theMeanScoreIsExactWhereTheItemsRightAnswersAreShownThoughItsClassesAreMerged() {
        SurveyResults results = results(knowledge(), null);
        for (Wave wave : List.of(Wave.BASELINE, Wave.ENDLINE)) {
            Breakdown byRegion = results.view("campaign", Dimension.of(REGION), wave).breakdown();
            Table score = byRegion.knowledgeScore().table();
            assertEquals(List.of("0–1 / 2", "2 / 2"), labels(score));
            for (String region : List.of("North", "South", "Not stated")) {
                long right = 0;
                for (String item : List.of("k1", "k2")) {
                    Table answers = question(byRegion, item).table();
                    Row correct = answers.rows().stream().filter(Row::correct).findFirst().orElseThrow();
                    right += correct.cells().get(answers.columns().indexOf(region)).n();
                }
                assertEquals(64L, right, region);
                Figure mean = cell(score, ResultsWording.ENGLISH.meanScore(), region);
                assertEquals(1.6, mean.mean(), 1e-9, region + ": " + mean.display());
                assertEquals("1.60", mean.display(), "exact, with no ± of a rounded mean");
            }
        }
        // the same answers in both waves: each region's change of the mean score is exactly nothing, not "0 ±1"
        for (ResultsView.GroupChanges group : results.view("campaign", Dimension.of(REGION), Wave.ENDLINE).breakdown()
                .changes()) {
            ResultsView.ChangeRow change = group.changes().stream()
                    .filter(row -> row.name().equals("knowledge_score")).findFirst().orElseThrow();
            assertNull(change.suppressed(), group.group());
            assertEquals(0.0, change.difference(), 1e-9, group.group() + ": " + change.display());
            assertFalse(change.display().contains("±"), group.group() + ": " + change.display());
        }
    }

    /**
     * A knowledge item chosen as a breakdown dimension: its breakdown, and a breakdown filtered on one of its answers
     * (its last column the filter's group), are built with the mean score worked out from what they show.
     */
    @Test
    void aKnowledgeItemAsADimensionKeepsTheMeanScoreComputable() {
        SurveyForm form = SuppressionAttackTests.form();
        List<BreakdownAxis> axes = List.of(BreakdownAxis.of(PairAttackTests.question(form, SuppressionAttackTests.K1)),
                BreakdownAxis.of(PairAttackTests.question(form, REGION)));
        for (Dimension pair : java.util.Arrays.asList(null, Dimension.of(REGION).within(
                Dimension.of(SuppressionAttackTests.K1), YES))) {
            SurveyResults results = new SurveyResults(form, PairAttackTests.tally(knowledge()), K,
                    List.of(Wave.BASELINE, Wave.ENDLINE), "en", ResultsWording.ENGLISH, axes, pair);
            for (Wave wave : List.of(Wave.BASELINE, Wave.ENDLINE)) {
                Breakdown byItem = results.view("campaign", Dimension.of(SuppressionAttackTests.K1), wave).breakdown();
                assertEquals("k1", byItem.dimension());
                if (pair != null) {
                    Breakdown filtered = results.view("campaign", Dimension.of(REGION), wave,
                            Dimension.of(SuppressionAttackTests.K1), YES).breakdown();
                    assertEquals(List.of("North", "South", "Not stated", "Yes"), filtered.respondents().columns());
                }
            }
        }
    }

    /**
     * A filtered breakdown's groups are groups of the breakdown by its filter (women of the north are a column of
     * the gender table by region): it shows them as that breakdown does, with the same rows, and hides none of them
     * to protect its own cells.
     */
    @Test
    void aFilteredBreakdownShowsItsGroupsAsTheOtherBreakdownsDoAndTheSameRows() {
        Dimension womenByRegion = Dimension.of(REGION).within(Dimension.of(GENDER), WOMAN);
        SurveyResults results = results(knowledge(), womenByRegion);
        for (Wave wave : List.of(Wave.BASELINE, Wave.ENDLINE)) {
            Breakdown filtered = results.view("campaign", Dimension.of(REGION), wave, Dimension.of(GENDER), WOMAN)
                    .breakdown();
            Breakdown byRegion = results.view("campaign", Dimension.of(REGION), wave).breakdown();
            Table respondents = filtered.respondents();
            assertEquals("Woman", respondents.columns().get(respondents.columns().size() - 1));
            Table genderByRegion = question(byRegion, "gender").table();
            for (String region : List.of("North", "South", "Not stated")) {
                assertEquals(10L, cell(respondents, respondents.rows().get(0).label(), region).n(),
                        "the women of " + region + " are shown");
                assertEquals(cell(genderByRegion, "Woman", region).n(),
                        cell(respondents, respondents.rows().get(0).label(), region).n());
            }
            assertEquals(labels(question(byRegion, "k1").table()), labels(question(filtered, "k1").table()));
            assertEquals(labels(byRegion.knowledgeScore().table()), labels(filtered.knowledgeScore().table()));
            // the total column is the breakdown by gender's column of women: the same figures
            Breakdown byGender = results.view("campaign", Dimension.of(GENDER), wave).breakdown();
            Table k1 = question(filtered, "k1").table();
            for (String row : labels(k1)) {
                assertEquals(cell(question(byGender, "k1").table(), row, "Woman").display(),
                        cell(k1, row, "Woman").display(), row);
            }
        }
    }

    /**
     * A multiple-choice question's options do not add up within a group (one person may tick several), so an option
     * under k needs no partner in its group's column; across the groups they do add up to the total column (each
     * person is in one group), so it needs one there. The linear attacker, who knows every combination of answers,
     * gets nothing.
     */
    @Test
    void aMultipleChoiceOptionUnderKIsProtectedAcrossTheGroupsOnly() {
        SurveyResults results = results(channels(), null);
        List<SuppressionAttackTests.Shown> shown = new ArrayList<>(SuppressionAttackTests.shown(results));
        for (Wave wave : List.of(Wave.BASELINE, Wave.ENDLINE)) {
            Table heard = question(results.view("campaign", Dimension.of(REGION), wave).breakdown(), "heard").table();
            assertEquals(Figure.SMALL, cell(heard, "Posters", "North").suppressed(), "3 northerners ticked posters");
            assertEquals(20L, cell(heard, "Radio", "North").n(), "radio in the north: nothing to protect in a column");
            assertEquals(60L, cell(heard, "Radio", "All").n());
            assertNull(cell(heard, "Radio", "North").suppressed());
            assertFalse(heard.rows().stream().filter(row -> row.type().equals(Row.ANSWERED))
                    .anyMatch(row -> row.cells().get(0).isHidden()), "the north's answered count is shown");
            // posters: the regions add up to everyone, so one more of the row is hidden
            assertEquals(2, heard.rows().stream().filter(row -> row.label().equals("Posters"))
                    .flatMap(row -> row.cells().stream()).filter(Figure::isHidden).count(),
                    "the posters row has one partner hidden beside the north");
        }
        assertEquals(List.of(), SuppressionAttackTests.givenAway(shown, channels()),
                "hidden counts that the shown ones give away");
    }
}

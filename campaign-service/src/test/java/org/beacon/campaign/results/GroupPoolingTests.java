package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.results.ResultsView.Breakdown;
import org.beacon.campaign.results.ResultsView.QuestionResult;
import org.beacon.campaign.results.ResultsView.Row;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.web.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * Groups of a breakdown dimension under k are pooled ("Other (3 groups)") or merged into ranges (age bands) in the
 * results and in every breakdown, and the pooled group is a group like any other: shown with its own count, refused
 * as a filter by one of its members, accepted as a filter by its own name.
 */
class GroupPoolingTests {

    static final int K = 5;
    static final long REGION = 21;
    static final long AGE = 22;
    static final long Q = 23;

    static SurveyForm form() {
        return new SurveyForm(2, 1, "pooling", 1, "campaign", "org", "Pooling", "en", List.of("en"), Map.of(),
                List.of(SuppressionAttackTests.question(REGION, "region", SurveyQuestion.SINGLE,
                        SurveyQuestion.REGION, true, 1, null, "A", "B", "C", "D", "E"),
                        SuppressionAttackTests.question(AGE, "age_band", SurveyQuestion.SINGLE,
                                SurveyQuestion.AGE_BAND, true, 2, null, "18-24", "25-34", "35-49", "50+"),
                        SuppressionAttackTests.question(Q, "q", SurveyQuestion.SINGLE, null, true, 3, null, "Yes",
                                "No")));
    }

    /** Per wave, the same people: regions A 40, B 30, C 3, D 4, E none; ages 50, 20, 4, 3; half said yes. */
    static Tally tally() {
        int[] regions = { 40, 30, 3, 4, 0 };
        int[] ages = { 50, 20, 4, 3 };
        List<int[]> people = new ArrayList<>();
        int r = 0;
        int a = 0;
        int[] regionLeft = regions.clone();
        int[] ageLeft = ages.clone();
        for (int person = 0; person < 77; person++) {
            while (regionLeft[r] == 0) {
                r++;
            }
            while (ageLeft[a] == 0) {
                a++;
            }
            regionLeft[r]--;
            ageLeft[a]--;
            people.add(new int[] { r + 1, a + 1, person % 2 + 1 });
        }
        Map<Tally.Key, Long> counts = new HashMap<>();
        for (int wave = 1; wave <= 2; wave++) {
            for (int[] p : people) {
                for (long[] cell : List.of(new long[] { Tally.RESPONDENTS, 0 }, new long[] { REGION, 0 },
                        new long[] { REGION, p[0] }, new long[] { AGE, 0 }, new long[] { AGE, p[1] },
                        new long[] { Q, 0 }, new long[] { Q, p[2] })) {
                    for (Map.Entry<Dimension, Integer> group : Map.of(Dimension.ALL, 0, Dimension.of(REGION), p[0],
                            Dimension.of(AGE), p[1]).entrySet()) {
                        counts.merge(new Tally.Key(wave, cell[0], (int) cell[1], group.getKey(), group.getValue()),
                                1L, Long::sum);
                    }
                }
            }
        }
        Tally tally = new Tally();
        counts.forEach((key, n) -> tally.put(key, new Tally.Sums(n, 0, 0)));
        return tally;
    }

    static SurveyResults results() {
        SurveyForm form = form();
        return new SurveyResults(form, tally(), K, 0, List.of(Wave.BASELINE, Wave.ENDLINE), "en",
                ResultsWording.ENGLISH, List.of(BreakdownAxis.of(form.question("region").orElseThrow()),
                        BreakdownAxis.of(form.question("age_band").orElseThrow())),
                null, SolvedDisclosures.NONE);
    }

    @Test
    void smallRegionsArePooledIntoOneShownGroupInTheResultsAndTheBreakdown() {
        SurveyResults results = results();
        Breakdown byRegion = results.view("c", Dimension.of(REGION), Wave.ENDLINE).breakdown();
        assertEquals(List.of("A", "B", "Other (3 groups)", "All"), byRegion.respondents().columns());
        assertEquals(List.of(40L, 30L, 7L, 77L), byRegion.respondents().rows().get(0).cells().stream()
                .map(ResultsView.Figure::n).toList(), "the pool is shown with its own count, nothing hidden");
        QuestionResult region = results.view("c", null, null).questions().stream()
                .filter(q -> q.name().equals("region")).findFirst().orElseThrow();
        assertEquals(List.of("A", "B", "Other (3 groups)", "Answered"),
                region.table().rows().stream().map(Row::label).toList());
        assertEquals(7L, region.table().rows().get(2).cells().get(1).n());
        assertTrue(byRegion.respondents().rows().get(0).cells().stream().noneMatch(ResultsView.Figure::isHidden),
                "no group's count is hidden");
    }

    @Test
    void smallAgeBandsMergeWithTheirNeighboursIntoARange() {
        Breakdown byAge = results().view("c", Dimension.of(AGE), Wave.BASELINE).breakdown();
        assertEquals(List.of("18-24", "25-34", "35-49 – 50+", "All"), byAge.respondents().columns());
        assertEquals(7L, byAge.respondents().rows().get(0).cells().get(2).n());
    }

    @Test
    void aFilterOnAPooledGroupIsRefusedNamingItsPoolAndThePoolItselfIsAFilter() {
        SurveyResults results = results();
        SurveyForm.Question region = form().question("region").orElseThrow();
        BreakdownAxis axis = BreakdownAxis.of(region);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> results.view("c", null, null, Dimension.of(REGION), axis.value("region2")));
        assertTrue(refused.getMessage().contains("region2") && refused.getMessage().contains("Other (3 groups)")
                && refused.getMessage().contains("region:(other)"), refused.getMessage());
        int pool = axis.value(GroupPooling.POOL_NAME);
        ResultsView pooled = results.view("c", null, null, Dimension.of(REGION), pool);
        assertEquals("Other (3 groups)", pooled.filter().label());
        assertEquals(GroupPooling.POOL_NAME, pooled.filter().group());
        assertEquals(List.of(7L, 7L), pooled.respondents().rows().get(0).cells().stream()
                .map(ResultsView.Figure::n).toList(), "the pool's own figures");
        // a region with its own group is a filter as before
        assertEquals("A", results.view("c", null, null, Dimension.of(REGION), axis.value("region0")).filter()
                .label());
        // an age range is named by its first and last band
        int range = BreakdownAxis.of(form().question("age_band").orElseThrow()).value("age_band2~age_band3");
        assertEquals("35-49 – 50+", results.view("c", null, null, Dimension.of(AGE), range).filter().label());
    }

}

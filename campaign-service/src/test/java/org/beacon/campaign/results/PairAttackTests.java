package org.beacon.campaign.results;

import static org.beacon.campaign.results.SuppressionAttackTests.AGE;
import static org.beacon.campaign.results.SuppressionAttackTests.F_AGE;
import static org.beacon.campaign.results.SuppressionAttackTests.F_GENDER;
import static org.beacon.campaign.results.SuppressionAttackTests.F_REGION;
import static org.beacon.campaign.results.SuppressionAttackTests.GENDER;
import static org.beacon.campaign.results.SuppressionAttackTests.K;
import static org.beacon.campaign.results.SuppressionAttackTests.KINDS;
import static org.beacon.campaign.results.SuppressionAttackTests.REGION;
import static org.beacon.campaign.results.SuppressionAttackTests.WAVE;
import static org.beacon.campaign.results.SuppressionAttackTests.age;
import static org.beacon.campaign.results.SuppressionAttackTests.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import org.beacon.campaign.results.ResultsView.Breakdown;
import org.beacon.campaign.results.ResultsView.QuestionResult;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.Wave;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The linear attacker of {@link SuppressionAttackTests} given everything every request can show at once: the
 * overall figures, every dimension's breakdown, and every filtered breakdown (each pair of background dimensions,
 * each way round, for every group of the filter). Requests with different filters are computed separately, so this
 * checks that their union gives no hidden count away, as well as each one alone.
 */
class PairAttackTests {

    static final long[] DIMENSIONS = { GENDER, REGION, AGE };

    static int stated(long dimension, int[] f) {
        return dimension == GENDER ? f[F_GENDER] : dimension == REGION ? f[F_REGION] : age(f);
    }

    /** What the rollup holds for this population: everyone, each dimension's groups and each pair's groups. */
    static Tally tally(int[] population) {
        Tally base = SuppressionAttackTests.tally(population);
        Map<Tally.Key, Long> pairs = new HashMap<>();
        for (int kind = 0; kind < KINDS; kind++) {
            if (population[kind] == 0) {
                continue;
            }
            int[] f = fields(kind);
            for (long[] cell : SuppressionAttackTests.cells(f)) {
                for (long a : DIMENSIONS) {
                    for (long b : DIMENSIONS) {
                        if (a < b) {
                            Dimension within = Dimension.of(b).within(Dimension.of(a), stated(a, f));
                            pairs.merge(new Tally.Key(f[WAVE] + 1, cell[0], (int) cell[1], within, stated(b, f)),
                                    (long) population[kind], Long::sum);
                        }
                    }
                }
            }
        }
        pairs.forEach((key, n) -> base.put(key, new Tally.Sums(n, 0, 0)));
        return base;
    }

    static SurveyForm.Question question(SurveyForm form, long id) {
        return form.questions().stream().filter(q -> q.id() == id).findFirst().orElseThrow();
    }

    /** @param filterValues the filter group's choices (several for a pooled group) */
    static List<IntPredicate> groupsWithin(SurveyForm form, long by, long filter, List<Integer> filterValues,
            int wave, List<String> headers) {
        SurveyForm.Question question = question(form, by);
        List<IntPredicate> groups = new ArrayList<>();
        for (int h = 0; h < headers.size(); h++) {
            String header = headers.get(h);
            List<Integer> values = new ArrayList<>(h == headers.size() - 1 ? List.of()
                    : header.equals("Not stated") ? List.of(0)
                            : SuppressionAttackTests.pooledClasses(question, header, headers));
            if (h < headers.size() - 1 && header.startsWith("Other (") && !headers.contains("Not stated")) {
                values.add(0); // a filtered breakdown pools those who did not state it with the small groups
            }
            groups.add(kind -> {
                int[] f = fields(kind);
                return f[WAVE] == wave && filterValues.contains(stated(filter, f))
                        && (values.isEmpty() || values.contains(stated(by, f)));
            });
        }
        return groups;
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 52, 59, 106, 113 })
    void noHiddenCountIsACombinationOfWhatAllRequestsShow(long seed) {
        assertNothingGivenAway(seed, 0);
    }

    /** The same with the interval rule (width k): the survey's problem solved once, each pair's on top of it. */
    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3 })
    void noHiddenCountIsACombinationOfWhatAllRequestsShowWithTheIntervalRule(long seed) {
        assertNothingGivenAway(seed, K);
    }

    /**
     * The interval attacker of {@link IntervalAttackTests} (ranges in whole people, proven by checked integer
     * solutions) on what a filtered breakdown publishes: every output's figures and one pair's, with every relation
     * between them. The rule reasons on the relaxation in a pair's problem (integer programs over a pair's blocks of
     * hundreds of figures took minutes), which bounds every range from outside but can be wider than whole people
     * allow; this checks, on one data set and two of its three pairs, that whole people narrow no range the rule left
     * wide (the third, gender by region, passed too, 2026-12-07, but its check takes 95 s: left out of the suite). The ranges the rule lists as left narrow are excused, as there. It
     * failed while bounds between blocks were left out of a pair's problem altogether (see {@link Blocks}):
     * the answered count of the multiple-choice question in a pair's group was then bounded to [25, 28].
     */
    @ParameterizedTest
    @CsvSource({ "12, 13", "11, 13" })
    void noHiddenCountOfAPairIsBoundedNarrowerThanTheWidthInWholePeople(long filter, long by) {
        int[] population = SuppressionAttackTests.population(1);
        SurveyForm form = SuppressionAttackTests.form();
        List<BreakdownAxis> axes = Arrays.stream(DIMENSIONS).mapToObj(id -> BreakdownAxis.of(question(form, id)))
                .toList();
        SurveyResults results = new SurveyResults(form, tally(population), K, K, List.of(Wave.BASELINE, Wave.ENDLINE),
                "en", ResultsWording.ENGLISH, axes, Dimension.of(by).within(Dimension.of(filter), 1),
                new SolvedDisclosures(16));
        PublishedDisclosure published = results.disclosure().published();
        assertTrue(published.guarded().size() > 300, "the pair's problem has hidden counts: " + published.guarded());
        assertEquals(List.of(), new IntervalAttackTests.PublishedProgram(published).narrowerThan(K),
                "hidden counts bounded narrower than " + K + " in whole people");
    }

    static void assertNothingGivenAway(long seed, int width) {
        SolvedDisclosures solved = new SolvedDisclosures(16);
        int[] population = SuppressionAttackTests.population(seed);
        SurveyForm form = SuppressionAttackTests.form();
        Tally tally = tally(population);
        List<BreakdownAxis> axes = Arrays.stream(DIMENSIONS).mapToObj(id -> BreakdownAxis.of(question(form, id)))
                .toList();
        List<SuppressionAttackTests.Shown> shown = new ArrayList<>();
        SurveyResults base = new SurveyResults(form, tally, K, width, List.of(Wave.BASELINE, Wave.ENDLINE), "en",
                ResultsWording.ENGLISH, axes, null, solved);
        shown.addAll(SuppressionAttackTests.shown(base));
        for (long filter : DIMENSIONS) {
            for (long by : DIMENSIONS) {
                if (filter == by) {
                    continue;
                }
                // every group a filter can name, as the results show them (a pool of small groups is one)
                BreakdownAxis shownFilter = base.axes().stream().filter(a -> a.dimension().id() == filter)
                        .findFirst().orElseThrow();
                List<String> filterLabels = shownFilter.values(false).stream().filter(v -> v != 0)
                        .map(v -> shownFilter.label(v, "en", "en")).toList();
                for (int shownValue : shownFilter.values(false)) {
                    if (shownValue == 0) {
                        continue;
                    }
                    int value = BreakdownAxis.of(question(form, filter)).value(shownFilter.valueName(shownValue));
                    List<Integer> members = SuppressionAttackTests.pooledClasses(question(form, filter),
                            shownFilter.label(shownValue, "en", "en"), filterLabels);
                    Dimension pair = Dimension.of(by).within(Dimension.of(filter), value);
                    SurveyResults results = new SurveyResults(form, tally, K, width,
                            List.of(Wave.BASELINE, Wave.ENDLINE), "en", ResultsWording.ENGLISH, axes, pair, solved);
                    for (Wave wave : List.of(Wave.BASELINE, Wave.ENDLINE)) {
                        Breakdown breakdown = results.view("campaign", Dimension.of(by), wave, Dimension.of(filter),
                                value).breakdown();
                        List<IntPredicate> groups = groupsWithin(form, by, filter, members, wave.code() - 1,
                                breakdown.respondents().columns());
                        SuppressionAttackTests.collectGroups(shown, breakdown.respondents(), "respondents",
                                k -> true, groups);
                        for (QuestionResult question : breakdown.questions()) {
                            SuppressionAttackTests.collectQuestion(shown, question, groups);
                        }
                        if (breakdown.knowledgeScore() != null) {
                            SuppressionAttackTests.collectQuestion(shown, breakdown.knowledgeScore(), groups);
                        }
                    }
                }
            }
        }
        List<String> givenAway = SuppressionAttackTests.givenAway(shown, population);
        assertTrue(shown.stream().anyMatch(s -> s.figure().isHidden()), "the data set has hidden counts");
        assertEquals(List.of(), givenAway, "hidden counts that the shown ones give away");
    }
}

package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;

import org.beacon.campaign.results.ResultsView.Breakdown;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.results.ResultsView.QuestionResult;
import org.beacon.campaign.results.ResultsView.Row;
import org.beacon.campaign.results.ResultsView.Table;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strongest linear attacker on everything a survey's results show: it knows the survey's structure, so it knows
 * every equation that holds between two shown counts whatever the answers (a count is the number of respondents of
 * some kinds, and an equation holds for every data set exactly when it holds kind by kind). A hidden count is given
 * away when its vector over the kinds of respondent is a combination of the shown counts' vectors. The data sets are
 * random and skewed so that small groups, optional background questions, a cross table of two background
 * dimensions and a knowledge score over two items all occur.
 */
class SuppressionAttackTests {

    static final int K = 5;
    static final long GENDER = 11;
    static final long REGION = 12;
    static final long AGE = 13;
    static final long K1 = 14;
    static final long K2 = 15;
    static final long HEARD = 16;

    /** Kinds of respondent: every combination of wave and answers. Index = mixed-radix number of the fields. */
    static final int[] RADIX = { 2, 4, 3, 2, 4, 2, 4 };
    static final int WAVE = 0, F_GENDER = 1, F_REGION = 2, F_AGE = 3, F_K1 = 4, F_K2 = 5, F_HEARD = 6;
    static final int KINDS = 2 * 4 * 3 * 2 * 4 * 2 * 4;
    static final int K1_KEY = 1;
    static final int K2_KEY = 2;

    static int[] fields(int kind) {
        int[] fields = new int[RADIX.length];
        for (int f = RADIX.length - 1; f >= 0; f--) {
            fields[f] = kind % RADIX[f];
            kind /= RADIX[f];
        }
        return fields;
    }

    static int kind(int... fields) {
        int kind = 0;
        for (int f = 0; f < RADIX.length; f++) {
            kind = kind * RADIX[f] + fields[f];
        }
        return kind;
    }

    /** Age is required (choice 1 or 2, stored here as 0/1 + 1); k2 is required (1 or 2); heard is a bit mask. */
    static int age(int[] f) {
        return f[F_AGE] + 1;
    }

    static int k2(int[] f) {
        return f[F_K2] + 1;
    }

    static int score(int[] f) {
        return (f[F_K1] == K1_KEY ? 1 : 0) + (k2(f) == K2_KEY ? 1 : 0);
    }

    static SurveyForm form() {
        return new SurveyForm(1, 1, "attack", 1, "campaign", "org", "Attack", "en", List.of("en"), Map.of(),
                List.of(question(GENDER, "gender", SurveyQuestion.SINGLE, SurveyQuestion.GENDER, false, 1, null,
                        "Woman", "Man", "Another"),
                        question(REGION, "region", SurveyQuestion.SINGLE, SurveyQuestion.REGION, false, 2, null,
                                "North", "South"),
                        question(AGE, "age_band", SurveyQuestion.SINGLE, SurveyQuestion.AGE_BAND, true, 3, null,
                                "Under 25", "25 or more"),
                        question(K1, "k1", SurveyQuestion.KNOWLEDGE, null, false, 4, K1_KEY, "Yes", "No",
                                "Don't know"),
                        question(K2, "k2", SurveyQuestion.KNOWLEDGE, null, true, 5, K2_KEY, "True", "False"),
                        question(HEARD, "heard", SurveyQuestion.MULTIPLE, null, false, 6, null, "Radio",
                                "Posters")));
    }

    static SurveyForm.Question question(long id, String name, String kind, String role, boolean required, int slot,
            Integer key, String... choices) {
        List<SurveyForm.Choice> list = new ArrayList<>();
        for (int c = 0; c < choices.length; c++) {
            list.add(new SurveyForm.Choice(c + 1, name + c, Map.of("en", choices[c])));
        }
        return new SurveyForm.Question(id, name, kind, role, required, slot, Map.of("en", name), Map.of(), key, list);
    }

    /** Which kinds of respondent a shown count counts. */
    record Shown(String where, Figure figure, IntPredicate counts) {
    }

    /**
     * Twenty ordinary data sets, and the ten of seeds 1-400 where a hidden cell is pinned down only by several
     * relations together (the rule "no relation with a single hidden figure" alone leaves it computable).
     */
    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 52, 59, 106, 113,
            164, 285, 299, 308, 357, 398 })
    void noHiddenCountIsACombinationOfShownCounts(long seed) {
        int[] population = population(seed);
        SurveyResults results = results(population);
        List<Shown> shown = shown(results);
        assertTrue(shown.stream().anyMatch(figure -> figure.figure().isHidden()), "the data set has hidden counts");
        assertEquals(List.of(), givenAway(shown, population), "hidden counts that the shown ones give away");
    }

    /**
     * The same attacker on results protected with the interval rule too (width k, as the service does when its
     * width is set to k): the partners it hides leave no hidden count computable either.
     */
    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 52, 59, 106 })
    void noHiddenCountIsACombinationOfShownCountsWithTheIntervalRule(long seed) {
        int[] population = population(seed);
        SurveyForm form = form();
        SurveyResults results = new SurveyResults(form, tally(population), K, K, List.of(Wave.BASELINE, Wave.ENDLINE),
                "en", ResultsWording.ENGLISH, List.of(BreakdownAxis.of(form.question("age_band").orElseThrow()),
                        BreakdownAxis.of(form.question("gender").orElseThrow()),
                        BreakdownAxis.of(form.question("region").orElseThrow())),
                null, SolvedDisclosures.NONE);
        List<Shown> shown = shown(results);
        assertTrue(shown.stream().anyMatch(figure -> figure.figure().isHidden()), "the data set has hidden counts");
        assertEquals(List.of(), givenAway(shown, population), "hidden counts that the shown ones give away");
    }

    /** The hidden counts that are combinations of shown ones; every shown count is checked against the truth. */
    static List<String> givenAway(List<Shown> shown, int[] population) {
        List<double[]> basis = new ArrayList<>();
        for (Shown figure : shown) {
            double[] vector = vector(figure.counts());
            if (!figure.figure().isHidden()) {
                assertEquals(dot(vector, population), figure.figure().n(), figure.where() + " shows its true count");
                reduceInto(basis, vector);
            }
        }
        List<String> givenAway = new ArrayList<>();
        for (Shown figure : shown) {
            // a count shown rounded is not kept from anyone: its range protects others (IntervalAttackTests)
            if (figure.figure().isHidden() && !Figure.ROUNDED.equals(figure.figure().suppressed())) {
                if (residual(basis, vector(figure.counts())) < 1e-6) {
                    givenAway.add(figure.where() + " (true count " + dot(vector(figure.counts()), population) + ")");
                }
            }
        }
        return givenAway;
    }

    /** A random, skewed data set: kinds of respondent and how many of each. */
    static int[] population(long seed) {
        Random random = new Random(seed);
        int[] population = new int[KINDS];
        for (int wave = 0; wave < 2; wave++) {
            int respondents = 15 + random.nextInt(60);
            for (int i = 0; i < respondents; i++) {
                population[kind(wave, pick(random, 0.04, 0.5, 0.4, 0.06), pick(random, 0.06, 0.8, 0.14),
                        pick(random, 0.7, 0.3), pick(random, 0.1, 0.6, 0.2, 0.1), pick(random, 0.3, 0.7),
                        pick(random, 0.2, 0.5, 0.2, 0.1))]++;
            }
        }
        return population;
    }

    static SurveyResults results(int[] population) {
        return new SurveyResults(form(), tally(population), K, List.of(Wave.BASELINE, Wave.ENDLINE), "en",
                ResultsWording.ENGLISH);
    }

    /** Every count of every output (overall and every breakdown), shown or hidden, with the kinds it counts. */
    static List<Shown> shown(SurveyResults results) {
        SurveyForm form = form();
        List<Shown> shown = new ArrayList<>();
        ResultsView view = results.view("campaign", null, null);
        for (int w = 0; w < 2; w++) {
            final int wave = w;
            collect(shown, view.respondents(), 0, "respondents", column -> f -> f[WAVE] == wave, wave);
        }
        for (QuestionResult question : view.questions()) {
            collectOverall(shown, question);
        }
        collectOverall(shown, view.knowledgeScore());
        for (Breakdown breakdown : results.breakdowns()) {
            int wave = breakdown.wave().equals("baseline") ? 0 : 1;
            String dimension = breakdown.dimension();
            List<IntPredicate> groups = groups(form, dimension, wave, breakdown.respondents().columns());
            collectGroups(shown, breakdown.respondents(), "respondents", f -> true, groups);
            for (QuestionResult question : breakdown.questions()) {
                collectQuestion(shown, question, groups);
            }
            collectQuestion(shown, breakdown.knowledgeScore(), groups);
        }
        return shown;
    }

    static int pick(Random random, double... weights) {
        double x = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** What the database's grouping sets return for this population (see ResultsQueries and survey_response_cell). */
    static Tally tally(int[] population) {
        Map<Tally.Key, Long> counts = new HashMap<>();
        for (int kind = 0; kind < KINDS; kind++) {
            if (population[kind] == 0) {
                continue;
            }
            int[] f = fields(kind);
            int wave = f[WAVE] + 1;
            for (long[] cell : cells(f)) {
                counts.merge(new Tally.Key(wave, cell[0], (int) cell[1], Dimension.ALL, 0), (long) population[kind],
                        Long::sum);
                counts.merge(new Tally.Key(wave, cell[0], (int) cell[1], Dimension.of(AGE), age(f)),
                        (long) population[kind], Long::sum);
                counts.merge(new Tally.Key(wave, cell[0], (int) cell[1], Dimension.of(GENDER), f[F_GENDER]),
                        (long) population[kind], Long::sum);
                counts.merge(new Tally.Key(wave, cell[0], (int) cell[1], Dimension.of(REGION), f[F_REGION]),
                        (long) population[kind], Long::sum);
            }
        }
        Tally tally = new Tally();
        counts.forEach((key, n) -> tally.put(key, new Tally.Sums(n, 0, 0)));
        return tally;
    }

    /** The cells of survey_response_cell that a respondent of these fields contributes: (question, choice). */
    static List<long[]> cells(int[] f) {
        List<long[]> cells = new ArrayList<>();
        cells.add(new long[] { Tally.RESPONDENTS, 0 });
        cells.add(new long[] { Tally.KNOWLEDGE_SCORE, score(f) + 1 });
        if (f[F_GENDER] > 0) {
            cells.add(new long[] { GENDER, 0 });
            cells.add(new long[] { GENDER, f[F_GENDER] });
        }
        if (f[F_REGION] > 0) {
            cells.add(new long[] { REGION, 0 });
            cells.add(new long[] { REGION, f[F_REGION] });
        }
        cells.add(new long[] { AGE, 0 });
        cells.add(new long[] { AGE, age(f) });
        if (f[F_K1] > 0) {
            cells.add(new long[] { K1, 0 });
            cells.add(new long[] { K1, f[F_K1] });
        }
        cells.add(new long[] { K2, 0 });
        cells.add(new long[] { K2, k2(f) });
        if (f[F_HEARD] > 0) {
            cells.add(new long[] { HEARD, 0 });
            for (int b = 1; b <= 2; b++) {
                if ((f[F_HEARD] & (1 << (b - 1))) != 0) {
                    cells.add(new long[] { HEARD, b });
                }
            }
        }
        return cells;
    }

    /** Which kinds a row of a question's table counts (before the column narrows it down). */
    static IntPredicate row(String question, int choice) {
        return kind -> {
            int[] f = fields(kind);
            return switch (question) {
                case "gender" -> choice == 0 ? f[F_GENDER] > 0 : f[F_GENDER] == choice;
                case "region" -> choice == 0 ? f[F_REGION] > 0 : f[F_REGION] == choice;
                case "age_band" -> choice == 0 || age(f) == choice;
                case "k1" -> choice == 0 ? f[F_K1] > 0 : f[F_K1] == choice;
                case "k2" -> choice == 0 || k2(f) == choice;
                case "heard" -> choice == 0 ? f[F_HEARD] > 0 : (f[F_HEARD] & (1 << (choice - 1))) != 0;
                case "knowledge_score" -> choice == 0 || score(f) == choice - 1;
                default -> throw new IllegalArgumentException(question);
            };
        };
    }

    /** Which kinds a row counts: the answered row, one class, or the classes a recoded or pooled row merges. */
    static IntPredicate row(String question, Row row, List<String> rowLabels) {
        if (row.type().equals(Row.ANSWERED)) {
            return row(question, 0);
        }
        List<IntPredicate> classes = members(question, row.label(), rowLabels).stream().map(c -> row(question, c))
                .toList();
        return kind -> classes.stream().anyMatch(c -> c.test(kind));
    }

    /** The classes behind a row of a table with these row labels, pooled groups of a background question included. */
    static List<Integer> members(String question, String label, List<String> rowLabels) {
        return form().question(question).map(q -> pooledClasses(q, label, rowLabels))
                .orElseGet(() -> classesOf(question, label));
    }

    /** The classes (1-based) behind a row's label: its own, a range "first – last", or a pool "Other (a; b)". */
    static List<Integer> classesOf(String question, String label) {
        List<String> labels = question.equals("knowledge_score") ? List.of("0 / 2", "1 / 2", "2 / 2")
                : form().questions().stream().filter(q -> q.name().equals(question)).findFirst().orElseThrow()
                        .choices().stream().map(c -> c.label("en", "en")).toList();
        if (labels.contains(label)) {
            return List.of(labels.indexOf(label) + 1);
        }
        String other = ResultsWording.ENGLISH.other() + " (";
        if (label.startsWith(other)) {
            return List.of(label.substring(other.length(), label.length() - 1).split("; ")).stream()
                    .map(member -> labels.indexOf(member) + 1).toList();
        }
        List<Integer> range = ranges(labels, label);
        if (!range.isEmpty()) {
            return range;
        }
        throw new IllegalArgumentException("No classes of " + question + " are shown as " + label);
    }

    interface FieldTest {
        boolean test(int[] fields);
    }

    interface ColumnTest {
        FieldTest of(int column);
    }

    static void collect(List<Shown> shown, Table table, int rowIndex, String what, ColumnTest columns, int only) {
        Row row = table.rows().get(rowIndex);
        FieldTest column = columns.of(only);
        shown.add(new Shown(what + " w" + only, row.cells().get(only), kind -> column.test(fields(kind))));
    }

    static void collectOverall(List<Shown> shown, QuestionResult question) {
        for (int r = 0; r < question.table().rows().size(); r++) {
            Row row = question.table().rows().get(r);
            if (row.type().equals(Row.MEAN)) {
                continue;
            }
            IntPredicate counts = row(question.name(), row, labels(question.table()));
            for (int wave = 0; wave < 2; wave++) {
                final int w = wave;
                shown.add(new Shown(question.name() + " / " + row.label() + " / wave " + wave, row.cells().get(wave),
                        kind -> fields(kind)[WAVE] == w && counts.test(kind)));
            }
        }
    }

    static List<String> labels(Table table) {
        return table.rows().stream().map(Row::label).toList();
    }

    static List<IntPredicate> groups(SurveyForm form, String dimension, int wave, List<String> headers) {
        SurveyForm.Question background = form.question(dimension).orElseThrow();
        int field = switch (background.role()) {
            case "gender" -> F_GENDER;
            case "region" -> F_REGION;
            case "age_band" -> F_AGE;
            default -> throw new IllegalArgumentException();
        };
        List<IntPredicate> groups = new ArrayList<>();
        for (String header : headers) {
            List<Integer> values = header.equals("All") ? List.of() : header.equals("Not stated") ? List.of(0)
                    : pooledClasses(background, header, headers);
            groups.add(kind -> {
                int[] f = fields(kind);
                int stated = field == F_AGE ? age(f) : f[field];
                return f[WAVE] == wave && (values.isEmpty() || values.contains(stated));
            });
        }
        return groups;
    }

    /**
     * The choices (1-based) behind a group or row of a background question: its own, a merged range, or a pool
     * "Other (n groups)", which holds the form's choices that no other group or row shows (the form is public).
     */
    static List<Integer> pooledClasses(SurveyForm.Question background, String label, List<String> shown) {
        List<String> labels = background.choices().stream().map(c -> c.label("en", "en")).toList();
        if (label.startsWith("Other (") && label.endsWith(" groups)")) {
            List<Integer> pooled = new ArrayList<>();
            for (int c = 0; c < labels.size(); c++) {
                String own = labels.get(c);
                if (shown.stream().noneMatch(other -> other.equals(own) || ranges(labels, other).contains(labels
                        .indexOf(own) + 1))) {
                    pooled.add(c + 1);
                }
            }
            return pooled;
        }
        return classesOf(background.name(), label);
    }

    /** The classes a range label "first – last" of these labels spans; empty when it is not one. */
    static List<Integer> ranges(List<String> labels, String label) {
        for (int from = 0; from < labels.size(); from++) {
            for (int to = from + 1; to < labels.size(); to++) {
                if (Recoding.range(labels.get(from), labels.get(to)).equals(label)) {
                    List<Integer> classes = new ArrayList<>();
                    for (int c = from; c <= to; c++) {
                        classes.add(c + 1);
                    }
                    return classes;
                }
            }
        }
        return List.of();
    }

    static void collectGroups(List<Shown> shown, Table table, String what, IntPredicate counts,
            List<IntPredicate> groups) {
        Row row = table.rows().get(0);
        for (int g = 0; g < groups.size(); g++) {
            IntPredicate group = groups.get(g);
            shown.add(new Shown(what + " / " + table.columns().get(g), row.cells().get(g),
                    kind -> group.test(kind) && counts.test(kind)));
        }
    }

    static void collectQuestion(List<Shown> shown, QuestionResult question, List<IntPredicate> groups) {
        for (int r = 0; r < question.table().rows().size(); r++) {
            Row row = question.table().rows().get(r);
            if (row.type().equals(Row.MEAN)) {
                continue;
            }
            IntPredicate counts = row(question.name(), row, labels(question.table()));
            for (int g = 0; g < groups.size(); g++) {
                IntPredicate group = groups.get(g);
                shown.add(new Shown(question.name() + " / " + row.label() + " / " + question.table().columns().get(g),
                        row.cells().get(g), kind -> group.test(kind) && counts.test(kind)));
            }
        }
    }

    static double[] vector(IntPredicate counts) {
        double[] vector = new double[KINDS];
        for (int kind = 0; kind < KINDS; kind++) {
            vector[kind] = counts.test(kind) ? 1 : 0;
        }
        return vector;
    }

    static long dot(double[] vector, int[] population) {
        long sum = 0;
        for (int kind = 0; kind < KINDS; kind++) {
            sum += (long) vector[kind] * population[kind];
        }
        return sum;
    }

    /** Gram-Schmidt: adds what is new in a vector to an orthonormal basis. */
    static void reduceInto(List<double[]> basis, double[] vector) {
        double[] rest = project(basis, vector);
        double norm = Math.sqrt(dotProduct(rest, rest));
        if (norm > 1e-6) {
            for (int i = 0; i < rest.length; i++) {
                rest[i] /= norm;
            }
            basis.add(rest);
        }
    }

    static double residual(List<double[]> basis, double[] vector) {
        double[] rest = project(basis, vector);
        return Math.sqrt(dotProduct(rest, rest));
    }

    static double[] project(List<double[]> basis, double[] vector) {
        double[] rest = vector.clone();
        // Twice, so rounding from a long basis does not leave a false remainder.
        for (int pass = 0; pass < 2; pass++) {
            for (double[] unit : basis) {
                double along = dotProduct(rest, unit);
                for (int i = 0; i < rest.length; i++) {
                    rest[i] -= along * unit[i];
                }
            }
        }
        return rest;
    }

    static double dotProduct(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.beacon.campaign.results.ResultsView.Breakdown;
import org.beacon.campaign.results.ResultsView.ChangeRow;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.results.ResultsView.QuestionResult;
import org.beacon.campaign.results.ResultsView.Row;
import org.beacon.campaign.results.ResultsView.Table;
import org.beacon.campaign.results.SuppressionAttackTests.Shown;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.Wave;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interval attacker: it cannot solve a hidden count exactly (see {@link SuppressionAttackTests}), so it bounds
 * it. It knows the survey's structure (each count is a sum over kinds of respondent), every count shown, every mean
 * and change shown with the rounding it states ("3.45 ±0.05" means the exact value lies within 0.05), and that
 * there are never fewer than zero people of a kind. Linear programming (ojalgo) gives the smallest and largest value
 * each hidden count can take; as counts are whole numbers, both are rounded inwards. Rounded means and changes must
 * not narrow the range of any hidden count, nor of any answer under k inside a pooled or merged row.
 */
class IntervalAttackTests {

    /** A linear statement about the kinds: low ≤ Σ coefficient × people of that kind ≤ high. */
    record Bound(String where, double[] coefficients, double low, double high) {
        boolean holdsFor(int[] population) {
            double value = 0;
            for (int kind = 0; kind < population.length; kind++) {
                value += coefficients[kind] * population[kind];
            }
            return low - 1e-6 <= value && value <= high + 1e-6;
        }
    }

    /**
     * Rounded means and changes are computed from shown counts alone, so the attacker who knows them bounds no hidden
     * count more tightly than one who knows only the counts; exact means from classes that recoding merged would.
     */
    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 52 })
    void roundedMeansAndChangesBoundNoHiddenCountMoreTightly(long seed) {
        // Without the interval audit: on these small data sets it hides every mean, and this property is the
        // rounding's own (the audit only hides more counts, behind which means are rounded the same way).
        Attack attack = new Attack(seed, 0);
        assertTrue(!attack.means.isEmpty(), "the attacker knows means or changes");
        Program counts = new Program(attack.all(), attack.counts, attack.targets.values());
        Program countsAndMeans = new Program(attack.all(), attack.all(), attack.targets.values());
        List<String> narrowed = new ArrayList<>();
        for (Map.Entry<String, double[]> target : attack.targets.entrySet()) {
            long[] without = attack.range(counts, target);
            long[] with = attack.range(countsAndMeans, target);
            if (with[0] != without[0] || with[1] != without[1]) {
                narrowed.add(target.getKey() + ": [" + without[0] + ", " + without[1] + "] becomes [" + with[0]
                        + ", " + with[1] + "]");
            }
        }
        assertEquals(List.of(), narrowed, "hidden counts that the means and changes bound more tightly");
    }

    /**
     * The interval rule's own guarantee, checked by a program of this test's own: a reader who knows every shown
     * figure, every relation between figures that the outputs make true (rows and columns adding up to their totals,
     * the knowledge score's classes weighted by their value adding up to the items' right answers, the classes inside
     * a merged row adding up to it), that no count is below zero and that counts are whole numbers, bounds no count
     * an output shows as hidden to a range narrower than the width (highest less lowest value: linear programs over
     * all hidden figures at once, rounded inwards to whole people). The rule runs with the width; without it the same
     * reader finds narrow ranges.
     */
    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 52 })
    void noHiddenCountIsBoundedNarrowerThanTheWidthByWhatIsPublished(long seed) {
        assertEquals(List.of(), narrowRanges(seed, WIDTH), "hidden counts bounded narrower than " + WIDTH);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2 })
    void withoutTheRuleWhatIsPublishedBoundsHiddenCountsNarrowly(long seed) {
        assertTrue(!narrowRanges(seed, 0).isEmpty(), "the linear steps alone leave narrow ranges");
    }

    /** The width the tests' results are protected with: k, as in the service when the width is not set. */
    static final int WIDTH = SuppressionAttackTests.K;

    /** The hidden counts of people whose range, from what is published, is narrower than {@link #WIDTH}. */
    static List<String> narrowRanges(long seed, int width) {
        int[] population = SuppressionAttackTests.population(seed);
        SurveyForm form = SuppressionAttackTests.form();
        SurveyResults results = new SurveyResults(form, SuppressionAttackTests.tally(population),
                SuppressionAttackTests.K, width, List.of(Wave.BASELINE, Wave.ENDLINE), "en", ResultsWording.ENGLISH,
                List.of(BreakdownAxis.of(form.question("age_band").orElseThrow()),
                        BreakdownAxis.of(form.question("gender").orElseThrow()),
                        BreakdownAxis.of(form.question("region").orElseThrow())),
                null, SolvedDisclosures.NONE);
        Disclosure.Published published = results.disclosure().published();
        assertTrue(!published.guarded().isEmpty(), "the data set has hidden counts");
        return new PublishedProgram(published).narrowerThan(WIDTH);
    }

    /**
     * The reader of the published figures as a linear program: one non-negative unknown per hidden figure, one
     * equation per relation with the shown figures moved to the right-hand side.
     */
    static final class PublishedProgram {
        private final Disclosure.Published published;
        private final List<Object> hidden;
        /** More people than all figures hold together: a range that reaches it is unbounded for the reader. */
        private final double ceiling;

        PublishedProgram(Disclosure.Published published) {
            this.published = published;
            this.hidden = new ArrayList<>(published.hidden());
            double total = 1;
            for (long n : published.counts().values()) {
                total += n;
            }
            this.ceiling = total;
        }

        List<String> narrowerThan(int width) {
            // every solution is a possible set of counts: the values seen so far settle most figures without programs
            lowest = new double[hidden.size()];
            highest = new double[hidden.size()];
            for (int v = 0; v < hidden.size(); v++) {
                lowest[v] = published.counts().get(hidden.get(v));
                highest[v] = lowest[v];
            }
            List<String> narrow = new ArrayList<>();
            for (Object figure : published.guarded()) {
                int v = hidden.indexOf(figure);
                if (range(v) < width) {
                    solve(figure, true);
                }
                if (range(v) < width) {
                    solve(figure, false);
                }
                long truth = published.counts().get(figure);
                assertTrue(Math.ceil(lowest[v] - 1e-6) <= truth && truth <= Math.floor(highest[v] + 1e-6), figure
                        + ": the true count " + truth + " lies in the reader's range");
                if (range(v) < width) {
                    narrow.add(figure + " (" + truth + ") in [" + (long) Math.ceil(lowest[v] - 1e-6) + ", "
                            + (long) Math.floor(highest[v] + 1e-6) + "]");
                }
            }
            return narrow;
        }

        private double[] lowest;
        private double[] highest;

        /** Highest less lowest value, rounded inwards to whole people; a count reaching the ceiling is unbounded. */
        private long range(int v) {
            if (highest[v] >= ceiling - 1e-6) {
                return Long.MAX_VALUE;
            }
            return (long) (Math.floor(highest[v] + 1e-6) - Math.ceil(lowest[v] - 1e-6));
        }

        private void solve(Object target, boolean maximise) {
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            Map<Object, Variable> x = new LinkedHashMap<>();
            for (Object figure : hidden) {
                x.put(figure, model.addVariable(String.valueOf(x.size())).lower(0).upper(ceiling));
            }
            int r = 0;
            for (Map<Object, Integer> relation : published.relations()) {
                double level = 0;
                Expression expression = model.addExpression("r" + r++);
                for (Map.Entry<Object, Integer> term : relation.entrySet()) {
                    Variable variable = x.get(term.getKey());
                    if (variable == null) {
                        level -= term.getValue() * (double) published.counts().get(term.getKey());
                    } else {
                        expression.set(variable, term.getValue());
                    }
                }
                expression.level(level);
            }
            model.addExpression("goal").weight(1).set(x.get(target), 1);
            Optimisation.Result result = maximise ? model.maximise() : model.minimise();
            assertTrue(result.getState().isOptimal(), "the reader's program is solved: " + result.getState());
            for (int v = 0; v < hidden.size(); v++) {
                lowest[v] = Math.min(lowest[v], result.doubleValue(v));
                highest[v] = Math.max(highest[v], result.doubleValue(v));
            }
        }
    }

    /** One data set's outputs as the attacker sees them. */
    static final class Attack {
        final int[] population;
        final SurveyResults results;
        final List<Bound> counts = new ArrayList<>();
        final List<Bound> means;
        final Map<String, double[]> targets = new LinkedHashMap<>();

        /** @param width the interval width the results were protected with (0: the linear steps only) */
        Attack(long seed, int width) {
            population = SuppressionAttackTests.population(seed);
            SurveyForm form = SuppressionAttackTests.form();
            results = new SurveyResults(form, SuppressionAttackTests.tally(population), SuppressionAttackTests.K,
                    width, List.of(Wave.BASELINE, Wave.ENDLINE), "en", ResultsWording.ENGLISH,
                    List.of(BreakdownAxis.of(form.question("age_band").orElseThrow()),
                            BreakdownAxis.of(form.question("gender").orElseThrow()),
                            BreakdownAxis.of(form.question("region").orElseThrow())),
                    null, SolvedDisclosures.NONE);
            List<Shown> shown = SuppressionAttackTests.shown(results);
            for (Shown count : shown) {
                double[] vector = SuppressionAttackTests.vector(count.counts());
                if (count.figure().isHidden()) {
                    targets.putIfAbsent(count.where(), vector);
                } else {
                    counts.add(new Bound(count.where(), vector, count.figure().n(), count.figure().n()));
                }
            }
            targets.putAll(smallClassesOfMergedRows(results, population));
            means = means(results);
            for (Bound statement : all()) {
                assertTrue(statement.holdsFor(population), statement.where() + " holds for the true answers");
            }
            assertTrue(!targets.isEmpty(), "the data set has hidden counts");
        }

        List<Bound> all() {
            List<Bound> all = new ArrayList<>(counts);
            all.addAll(means);
            return all;
        }

        /** The attacker's range for a count, rounded inwards to whole people; it holds the true count. */
        long[] range(Program program, Map.Entry<String, double[]> target) {
            double[] range = program.range(target.getValue());
            long low = (long) Math.ceil(range[0] - 1e-6);
            long high = (long) Math.floor(range[1] + 1e-6);
            long truth = SuppressionAttackTests.dot(target.getValue(), population);
            assertTrue(low <= truth && truth <= high, target.getKey() + ": the true count " + truth
                    + " lies in the attacker's range [" + low + ", " + high + "]");
            return new long[] { low, high };
        }
    }

    /**
     * Every mean and change of the knowledge score the outputs show, as bounds on the sum of scores of a group: an
     * exact figure is rounded to 2 decimals, a rounded one states its step.
     */
    static List<Bound> means(SurveyResults results) {
        List<Bound> bounds = new ArrayList<>();
        ResultsView view = results.view("campaign", null, null);
        List<IntPredicate> waves = List.of(kind -> SuppressionAttackTests.fields(kind)[SuppressionAttackTests.WAVE] == 0,
                kind -> SuppressionAttackTests.fields(kind)[SuppressionAttackTests.WAVE] == 1);
        addMeans(bounds, view.knowledgeScore().table(), waves);
        for (Breakdown breakdown : results.breakdowns()) {
            int wave = breakdown.wave().equals("baseline") ? 0 : 1;
            addMeans(bounds, breakdown.knowledgeScore().table(), SuppressionAttackTests.groups(
                    SuppressionAttackTests.form(), breakdown.dimension(), wave,
                    breakdown.respondents().columns()));
        }
        for (ChangeRow change : view.changes()) {
            if (change.name().equals("knowledge_score") && change.suppressed() == null) {
                double tolerance = tolerance(change.display().split(" \\[")[0]);
                double[] after = scores(waves.get(1), 1.0 / change.endline().n());
                double[] before = scores(waves.get(0), -1.0 / change.baseline().n());
                for (int kind = 0; kind < after.length; kind++) {
                    after[kind] += before[kind];
                }
                bounds.add(new Bound("change " + change.display(), after, change.difference() - tolerance,
                        change.difference() + tolerance));
            }
        }
        return bounds;
    }

    static void addMeans(List<Bound> bounds, Table table, List<IntPredicate> columns) {
        for (Row row : table.rows()) {
            if (!row.type().equals(Row.MEAN)) {
                continue;
            }
            for (int c = 0; c < columns.size(); c++) {
                Figure mean = row.cells().get(c);
                if (mean.isHidden() || mean.mean() == null) {
                    continue;
                }
                double tolerance = tolerance(mean.display());
                bounds.add(new Bound(table.title() + " mean " + mean.display() + " / " + table.columns().get(c),
                        scores(columns.get(c), 1.0), mean.n() * (mean.mean() - tolerance),
                        mean.n() * (mean.mean() + tolerance)));
            }
        }
    }

    /** "3.45 ±0.05" states its step; a figure without one is exact to its 2 decimals. */
    static double tolerance(String display) {
        int plusMinus = display.indexOf('±');
        return plusMinus < 0 ? 0.005 + 1e-9 : Double.parseDouble(display.substring(plusMinus + 1).trim()) + 1e-9;
    }

    static double[] scores(IntPredicate group, double factor) {
        double[] vector = new double[SuppressionAttackTests.KINDS];
        for (int kind = 0; kind < vector.length; kind++) {
            if (group.test(kind)) {
                vector[kind] = factor * SuppressionAttackTests.score(SuppressionAttackTests.fields(kind));
            }
        }
        return vector;
    }

    /** The classes under k inside merged or pooled rows of every question, in every column of every output. */
    static Map<String, double[]> smallClassesOfMergedRows(SurveyResults results, int[] population) {
        Map<String, double[]> classes = new LinkedHashMap<>();
        ResultsView view = results.view("campaign", null, null);
        List<IntPredicate> waves = List.of(kind -> SuppressionAttackTests.fields(kind)[SuppressionAttackTests.WAVE] == 0,
                kind -> SuppressionAttackTests.fields(kind)[SuppressionAttackTests.WAVE] == 1);
        List<Map.Entry<QuestionResult, List<IntPredicate>>> tables = new ArrayList<>();
        view.questions().forEach(question -> tables.add(Map.entry(question, waves)));
        tables.add(Map.entry(view.knowledgeScore(), waves));
        for (Breakdown breakdown : results.breakdowns()) {
            int wave = breakdown.wave().equals("baseline") ? 0 : 1;
            List<IntPredicate> groups = SuppressionAttackTests.groups(SuppressionAttackTests.form(),
                    breakdown.dimension(), wave, breakdown.respondents().columns());
            breakdown.questions().forEach(question -> tables.add(Map.entry(question, groups)));
            tables.add(Map.entry(breakdown.knowledgeScore(), groups));
        }
        for (Map.Entry<QuestionResult, List<IntPredicate>> table : tables) {
            String question = table.getKey().name();
            for (Row row : table.getKey().table().rows()) {
                if (!row.type().equals(Row.CHOICE)) {
                    continue;
                }
                List<Integer> members = SuppressionAttackTests.members(question, row.label(),
                        SuppressionAttackTests.labels(table.getKey().table()));
                if (members.size() < 2) {
                    continue;
                }
                for (int c = 0; c < table.getValue().size(); c++) {
                    IntPredicate column = table.getValue().get(c);
                    for (int member : members) {
                        IntPredicate inClass = SuppressionAttackTests.row(question, member);
                        double[] vector = SuppressionAttackTests.vector(kind -> column.test(kind)
                                && inClass.test(kind));
                        if (SuppressionAttackTests.dot(vector, population) < SuppressionAttackTests.K) {
                            classes.put(question + " class " + member + " of " + row.label() + " / "
                                    + table.getKey().table().columns().get(c), vector);
                        }
                    }
                }
            }
        }
        return classes;
    }

    /**
     * The statements as a linear program over kinds of respondent, with kinds that no statement or target tells
     * apart joined into one variable (their sum), which leaves every bound as it is and the program small.
     */
    static final class Program {
        private final int[] variableOf = new int[SuppressionAttackTests.KINDS];
        private final int variables;
        private final List<Bound> constraints = new ArrayList<>();

        /**
         * @param known every statement any attacker of the comparison knows (they decide which kinds are joined)
         * @param statements what this attacker uses
         */
        Program(List<Bound> known, List<Bound> statements, java.util.Collection<double[]> targets) {
            List<double[]> all = new ArrayList<>();
            known.forEach(statement -> all.add(statement.coefficients()));
            all.addAll(targets);
            Map<List<Double>, Integer> signatures = new LinkedHashMap<>();
            for (int kind = 0; kind < variableOf.length; kind++) {
                List<Double> signature = new ArrayList<>(all.size());
                for (double[] vector : all) {
                    signature.add(vector[kind]);
                }
                variableOf[kind] = signatures.computeIfAbsent(signature, s -> signatures.size());
            }
            variables = signatures.size();
            Set<List<Double>> seen = new LinkedHashSet<>();
            for (Bound statement : statements) {
                double[] row = reduce(statement.coefficients());
                List<Double> key = new ArrayList<>();
                for (double v : row) {
                    key.add(v);
                }
                key.add(statement.low());
                key.add(statement.high());
                if (seen.add(key)) {
                    constraints.add(new Bound(statement.where(), row, statement.low(), statement.high()));
                }
            }
        }

        private double[] reduce(double[] vector) {
            double[] row = new double[variables];
            for (int kind = 0; kind < vector.length; kind++) {
                // kinds joined into one variable share their coefficient
                row[variableOf[kind]] = vector[kind];
            }
            return row;
        }

        /** The smallest and largest value the target can take. */
        double[] range(double[] target) {
            double[] objective = reduce(target);
            return new double[] { solve(objective, false), solve(objective, true) };
        }

        private double solve(double[] objective, boolean maximise) {
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            Variable[] x = new Variable[variables];
            for (int v = 0; v < variables; v++) {
                x[v] = model.addVariable("x" + v).lower(0);
            }
            int c = 0;
            for (Bound constraint : constraints) {
                Expression expression = model.addExpression("c" + c++).lower(constraint.low())
                        .upper(constraint.high());
                for (int v = 0; v < variables; v++) {
                    if (constraint.coefficients()[v] != 0) {
                        expression.set(x[v], constraint.coefficients()[v]);
                    }
                }
            }
            Expression goal = model.addExpression("goal").weight(1);
            for (int v = 0; v < variables; v++) {
                if (objective[v] != 0) {
                    goal.set(x[v], objective[v]);
                }
            }
            Optimisation.Result result = maximise ? model.maximise() : model.minimise();
            if (result.getState() == Optimisation.State.UNBOUNDED) {
                // nothing shown bounds the target (a count with no shown total above it)
                return maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            assertTrue(result.getState().isOptimal(), "the attacker's program is solved: " + result.getState());
            return result.getValue();
        }
    }
}

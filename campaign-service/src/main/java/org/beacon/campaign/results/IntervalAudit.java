package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;

/**
 * What a reader can say about the hidden figures of one block when they know the shown figures, the relations
 * between figures, that no count is below zero, that a count shown rounded lies in its range and that counts are
 * whole numbers: how far apart the values each can take lie.
 * <p>
 * A figure's range is proven wide by <em>witnesses</em>: possible sets of counts for every figure of the block at
 * once, in whole people, each checked against every relation. The true counts are the first; a linear program's
 * solution (ojalgo) is another when it is whole, as the corners of a two-way table are. The linear relaxation
 * (counts allowed to be fractions) bounds every range from outside, but is not a reader's range: the corners of the
 * knowledge score's weighted relation and of tables tied by several totals often fall on halves, and a reader who
 * knows counts are whole can be narrower (class 2 of a score with classes 0, 2, 4 hidden, 5 people and 10 right
 * answers: 0 to 5 in fractions, only 1, 3 or 5 whole). So a figure whose witnesses do not span the width, while the
 * relaxation leaves room, gets an integer program (ojalgo's branch and bound) asking for a whole solution the width
 * away from a witness; none found within its limit, it is narrow. In a block of more than {@link #WHOLE_BLOCK}
 * figures, and where the caller asks for it (a filtered breakdown's pair, whose blocks tie hundreds of cross cells
 * and whose integer programs took minutes), the relaxation is taken as the range.
 * <p>
 * Two programs per figure would make a large block slow, so the audit first collects points it knows are possible:
 * a figure whose witnesses already span the width needs no program of its own; most figures are settled by the first
 * two programs (all guarded figures as low, then as high, as they can be).
 */
final class IntervalAudit {

    private static final double EPSILON = 1e-6;

    /**
     * The most hidden figures a block may hold for its ranges to be proven in whole people (see above). The bound is
     * the memory of the integer programs: ojalgo's branch and bound keeps dense tableaux that grow with the square of
     * the unknowns, and more of them the longer it searches. On the end-to-end stack's Safe Journeys answers one
     * search over a block of 388 hidden figures needed 96 to 128 MB of heap, the service's whole heap there; searches
     * over 150 figures (the nearest of those blocks' figures, replayed on their own, 2026-12-07) each fitted in 16 MB.
     */
    static final int WHOLE_BLOCK = 150;

    /**
     * Witness searches run one at a time in the service, so that their memory does not add up when several surveys'
     * results are solved at once (each finds what it would alone: a search is deterministic).
     */
    private static final Object ONE_SEARCH = new Object();

    /**
     * How many nodes of its branch and bound each of a witness search's two integer programs may visit before its
     * figure is taken to be narrow. A count, not a time, with the search on one thread: every replica, loaded or not,
     * reaches the same answer and hides the same figures (two replicas hiding different figures of a survey would
     * together show both). The time limit only stops a search gone wrong.
     */
    private static final int WITNESS_SEARCH_NODES = 1_000;
    private static final long WITNESS_SEARCH_MILLIS = 30_000;
    private static final IntegerStrategy ONE_THREAD = IntegerStrategy.DEFAULT.withParallelism(() -> 1);

    private final List<Object> unknowns;
    /** Whether ranges are proven in whole people here (see the constructor). */
    private final boolean wholePeople;
    private final Map<Object, Integer> column = new LinkedHashMap<>();
    private final List<double[]> rows = new ArrayList<>();
    private final List<Double> levels = new ArrayList<>();
    /** The lowest and highest value of each unknown among the witnesses seen so far (whole numbers). */
    private final double[] lowest;
    private final double[] highest;
    /** The lowest and highest value of each unknown among the relaxation's solutions seen so far. */
    private final double[] relaxedLowest;
    private final double[] relaxedHighest;
    /** Each figure's lowest and highest possible value seen by earlier audits, kept up to date by this one. */
    private final Map<Object, double[]> possible;
    /**
     * More people than all figures of the block hold together: no count reaches it, so a figure that a program
     * takes up to it is unbounded for the reader (and the program never is).
     */
    private final double ceiling;
    /** The true counts, the first witness: the integer searches look for others as differences from it. */
    private final double[] truth;
    /** Each unknown's least and greatest value: 0 and the ceiling, or the ends of the range it is shown rounded to. */
    private final double[] least;
    private final double[] most;

    /** A relation over the unknowns with its shown figures moved to the right-hand side, compared by value. */
    private record Constraint(double[] row, double level) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Constraint constraint && constraint.level == level
                    && java.util.Arrays.equals(constraint.row, row);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(row) + Double.hashCode(level);
        }
    }

    /**
     * @param unknowns the hidden figures of the block with their true counts
     * @param ranges of the unknowns shown rounded, the range each is shown as (see {@link Disclosure#round})
     * @param shown the shown figures its relations name, with their counts
     * @param relations each a sum of coefficient × figure that is zero
     * @param possible the lowest and highest value each figure took in possible counts of earlier audits of the same
     *        figures with fewer of them hidden (a possible point then is one now, with the newly hidden figures at
     *        their true counts); updated with what this audit finds
     * @param wholePeople whether ranges are proven in whole people (in a block of at most {@link #WHOLE_BLOCK}
     *        figures); otherwise the relaxation is the range
     */
    IntervalAudit(Map<Object, Long> unknowns, Map<Object, long[]> ranges, Map<Object, Long> shown,
            List<Map<Object, Integer>> relations, Map<Object, double[]> possible, boolean wholePeople) {
        this.unknowns = new ArrayList<>(unknowns.keySet());
        this.truth = unknowns.values().stream().mapToDouble(Long::doubleValue).toArray();
        this.wholePeople = wholePeople && unknowns.size() <= WHOLE_BLOCK;
        this.possible = possible;
        lowest = new double[this.unknowns.size()];
        highest = new double[this.unknowns.size()];
        relaxedLowest = new double[this.unknowns.size()];
        relaxedHighest = new double[this.unknowns.size()];
        for (Object key : this.unknowns) {
            int c = column.size();
            column.put(key, c);
            double[] seen = possible.get(key);
            lowest[c] = seen == null ? unknowns.get(key) : Math.min(seen[0], unknowns.get(key));
            highest[c] = seen == null ? unknowns.get(key) : Math.max(seen[1], unknowns.get(key));
            relaxedLowest[c] = lowest[c];
            relaxedHighest[c] = highest[c];
        }
        java.util.Set<Constraint> distinct = new java.util.HashSet<>();
        for (Map<Object, Integer> relation : relations) {
            double[] row = new double[this.unknowns.size()];
            double level = 0;
            for (Map.Entry<Object, Integer> term : relation.entrySet()) {
                Integer c = column.get(term.getKey());
                if (c == null) {
                    level -= term.getValue() * (double) shown.get(term.getKey());
                } else {
                    row[c] += term.getValue();
                }
            }
            // A relation met again (a table seen from either of its dimensions, a total shared by two outputs)
            // constrains nothing more: the program keeps one of each, its sign made alike.
            double sign = 0;
            for (int c = 0; c < row.length && sign == 0; c++) {
                sign = Math.signum(row[c]);
            }
            if (sign < 0) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = row[c] == 0 ? 0 : -row[c]; // never -0.0, which compares unequal to 0.0
                }
                level = 0 - level;
            }
            if (distinct.add(new Constraint(row, level))) {
                rows.add(row);
                levels.add(level);
            }
        }
        double total = 1;
        for (long n : unknowns.values()) {
            total += n;
        }
        for (long n : shown.values()) {
            total += n;
        }
        ceiling = total;
        least = new double[this.unknowns.size()];
        most = new double[this.unknowns.size()];
        for (int c = 0; c < least.length; c++) {
            long[] range = ranges.get(this.unknowns.get(c));
            least[c] = range == null ? 0 : range[0];
            most[c] = range == null ? ceiling : range[1];
        }
    }

    /**
     * The targets whose range in whole people is narrower than the width, each with how much wider it must become.
     */
    Map<Object, Long> narrowerThan(List<Object> targets, int width) {
        // Figures already seen wide enough stay so: only the others need programs.
        // A figure that one relation caps below the width is narrow whatever else is possible: no program needed.
        double[] cap = caps();
        Map<Object, Long> narrow = new LinkedHashMap<>();
        for (Object target : targets) {
            long capped = (long) Math.floor(cap[column.get(target)] + EPSILON);
            if (capped < width) {
                narrow.put(target, width - capped);
            }
        }
        List<Object> open = targets.stream().filter(target -> !narrow.containsKey(target))
                .filter(target -> !wide(column.get(target), width)).toList();
        // All open figures as low, then as high, as they can be together: each pair of programs settles most of
        // them, and is repeated for the rest while it settles at least a quarter (one program per figure is dearer).
        while (open.size() > 1) {
            double[] all = new double[unknowns.size()];
            for (Object target : open) {
                all[column.get(target)] = 1;
            }
            solve(all, false);
            solve(all, true);
            List<Object> still = open.stream().filter(target -> !wide(column.get(target), width)).toList();
            boolean settledEnough = still.size() * 4 <= open.size() * 3;
            open = still;
            if (!settledEnough) {
                break;
            }
        }
        for (Object target : open) {
            int c = column.get(target);
            if (wide(c, width)) {
                continue;
            }
            double[] one = new double[unknowns.size()];
            one[c] = 1;
            solve(one, true);
            if (!wide(c, width)) {
                solve(one, false);
            }
            if (!wide(c, width) && relaxedRange(c) >= width) {
                searchWitness(c, width); // (only in a block small enough: a larger one is wide by now)
            }
            if (!wide(c, width)) {
                narrow.put(target, width - range(c));
            }
        }
        for (Object key : unknowns) {
            int c = column.get(key);
            possible.put(key, wholePeople ? new double[] { lowest[c], highest[c] }
                    : new double[] { relaxedLowest[c], relaxedHighest[c] });
        }
        return narrow;
    }

    /**
     * Each figure's highest value that a single relation allows: in a relation whose unknowns all have coefficients
     * of one sign (a row adding up to a shown total), none can exceed what the shown figures leave, the others being
     * at least zero. The ceiling where no such relation names it.
     */
    private double[] caps() {
        double[] cap = new double[unknowns.size()];
        java.util.Arrays.fill(cap, ceiling);
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            boolean positive = false;
            boolean negative = false;
            for (double coefficient : row) {
                positive |= coefficient > 0;
                negative |= coefficient < 0;
            }
            if (positive && negative) {
                continue;
            }
            for (int c = 0; c < row.length; c++) {
                if (row[c] != 0) {
                    cap[c] = Math.min(cap[c], levels.get(r) / row[c]);
                }
            }
        }
        return cap;
    }

    /**
     * Whether the figure's range, rounded inwards to whole numbers, is wider than {@code range}: no when one relation
     * caps it at that range already (see {@link #caps}), else a program for each end as far as needed.
     */
    boolean widerThan(Object figure, long range) {
        int c = column.get(figure);
        if (Math.floor(caps()[c] + EPSILON) <= range) {
            return false;
        }
        double[] one = new double[unknowns.size()];
        one[c] = 1;
        solve(one, true);
        if (relaxedRange(c) <= range) {
            solve(one, false);
        }
        return relaxedRange(c) > range;
    }

    /** Highest less lowest value among the witnesses; in a larger block, in the relaxation. */
    private long range(int c) {
        return wholePeople ? Math.round(highest[c] - lowest[c]) : relaxedRange(c);
    }

    /** Highest less lowest value in the relaxation, rounded inwards: no range in whole people is wider. */
    private long relaxedRange(int c) {
        return (long) (Math.floor(relaxedHighest[c] + EPSILON) - Math.ceil(relaxedLowest[c] - EPSILON));
    }

    private boolean wide(int c, int width) {
        return range(c) >= width;
    }

    /**
     * Looks for a whole solution the width above the lowest witness or below the highest, on the side the relaxation
     * leaves room, and keeps it as a witness once checked. Any solution will do: one without an objective differs
     * from the witnesses in many figures at once, which settles their ranges too.
     * <p>
     * ojalgo's branch and bound, with no objective to guide it, can lose its way on one way of writing the program and
     * not on another, so a search tries two, each up to {@link #WITNESS_SEARCH_NODES}: first over each figure's
     * difference from its true count (the relations then add up to zero), then over the counts themselves. On a
     * 1,000,000-response survey's largest block the counts failed every one of ten searches (relations adding up to
     * a million people) and the differences found all ten; on a 100,000-response survey's, the differences failed
     * the one search the counts solved at once (replayed on their own: `bench/survey-results` README, 2026-12-07).
     */
    private void searchWitness(int c, int width) {
        for (boolean upward : new boolean[] { true, false }) {
            for (boolean differences : new boolean[] { true, false }) {
                double bound = upward ? lowest[c] + width : highest[c] - width;
                if (wide(c, width) || (upward ? Math.floor(relaxedHighest[c] + EPSILON) < bound
                        : Math.ceil(relaxedLowest[c] - EPSILON) > bound)) {
                    continue;
                }
                searchWitness(c, bound, upward, differences);
            }
        }
    }

    /** One integer program for a witness with figure c at or past the bound (see {@link #searchWitness(int, int)}). */
    private void searchWitness(int c, double bound, boolean upward, boolean differences) {
        double[] from = differences ? truth : new double[truth.length];
        ExpressionsBasedModel model = model(true, differences);
        Expression target = model.addExpression("target").set(model.getVariable(c), 1);
        if (upward) {
            target.lower(bound - from[c]);
        } else {
            target.upper(bound - from[c]);
        }
        // ojalgo 55's default simplex under branch and bound answers INFEASIBLE on these degenerate systems even for a
        // bound the true counts meet; its experimental one finds solutions, none believed unchecked
        model.options.experimental = true;
        model.options.integer(ONE_THREAD);
        model.options.iterations_abort = WITNESS_SEARCH_NODES;
        model.options.time_abort = WITNESS_SEARCH_MILLIS;
        model.options.time_suffice = 0;
        Optimisation.Result result;
        synchronized (ONE_SEARCH) {
            result = model.minimise();
        }
        if (result.getState().isFeasible()) {
            double[] point = new double[truth.length];
            for (int v = 0; v < point.length; v++) {
                point[v] = from[v] + result.doubleValue(v);
            }
            keep(point);
        }
    }

    /**
     * Minimises or maximises the objective and keeps the solution's values as possible ones; whether the solver
     * found the optimum.
     */
    private boolean solve(double[] objective, boolean maximise) {
        ExpressionsBasedModel model = model(false, false);
        Variable[] x = model.getVariables().toArray(new Variable[0]);
        Expression goal = model.addExpression("goal").weight(1);
        for (int v = 0; v < objective.length; v++) {
            if (objective[v] != 0) {
                goal.set(x[v], objective[v]);
            }
        }
        Optimisation.Result result = maximise ? model.maximise() : model.minimise();
        if (!result.getState().isOptimal()) {
            // The true counts satisfy every relation, so the program always has a solution; a solver that fails
            // to find one has told nothing, and the figures it would have widened stay as narrow as they were.
            return false;
        }
        for (int v = 0; v < x.length; v++) {
            double value = result.doubleValue(v);
            relaxedLowest[v] = Math.min(relaxedLowest[v], value);
            relaxedHighest[v] = Math.max(relaxedHighest[v], value);
        }
        double[] point = new double[x.length];
        for (int v = 0; v < point.length; v++) {
            point[v] = result.doubleValue(v);
        }
        keep(point);
        return true;
    }

    /**
     * The block's relations over one unknown per hidden figure (a whole number if asked), at least zero (a rounded
     * one within its range); or over each
     * figure's difference from its true count (at least minus that count), the relations then adding up to zero.
     */
    private ExpressionsBasedModel model(boolean whole, boolean differences) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] x = new Variable[unknowns.size()];
        for (int v = 0; v < x.length; v++) {
            double from = differences ? truth[v] : 0;
            x[v] = model.addVariable("x" + v).lower(least[v] - from).upper(most[v] - from).integer(whole);
        }
        for (int r = 0; r < rows.size(); r++) {
            Expression relation = model.addExpression("r" + r).level(differences ? 0 : levels.get(r));
            double[] row = rows.get(r);
            for (int v = 0; v < row.length; v++) {
                if (row[v] != 0) {
                    relation.set(x[v], row[v]);
                }
            }
        }
        return model;
    }

    /**
     * A solution kept as a witness when it is one: every count whole and at least zero (a rounded one within its
     * range), every relation adding up
     * exactly (the coefficients and levels are whole numbers, their sums far inside a double's exact range).
     */
    private void keep(double[] solution) {
        double[] point = new double[solution.length];
        for (int v = 0; v < point.length; v++) {
            point[v] = Math.rint(solution[v]);
            if (Math.abs(solution[v] - point[v]) > EPSILON || point[v] < least[v] || point[v] > most[v]) {
                return;
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            double sum = 0;
            for (int v = 0; v < row.length; v++) {
                sum += row[v] * point[v];
            }
            if (sum != levels.get(r)) {
                return;
            }
        }
        for (int v = 0; v < point.length; v++) {
            lowest[v] = Math.min(lowest[v], point[v]);
            highest[v] = Math.max(highest[v], point[v]);
        }
    }
}

package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;

/**
 * The linear program of one block of hidden figures, as a reader of the outputs can write it: one unknown per hidden
 * figure, at least zero (a figure shown rounded within its range), and every relation between figures with the shown
 * ones moved to the right-hand side, each relation once. On it, {@link IntervalAudit} solves the relaxation (counts
 * allowed to be fractions) and searches for witnesses in whole people ({@link #witness}); a solution is a witness only
 * once checked against every relation ({@link #whole}).
 */
final class BlockProgram {

    static final double EPSILON = 1e-6;

    /**
     * Witness searches run one at a time in the service, so that their memory does not add up when several surveys'
     * results are solved at once (each finds what it would alone: a search is deterministic).
     */
    private static final Object ONE_SEARCH = new Object();

    /**
     * How many nodes of its branch and bound each of a witness search's integer programs may visit before its figure
     * is taken to be narrow. A count, not a time, with the search on one thread: every replica, loaded or not,
     * reaches the same answer and hides the same figures (two replicas hiding different figures of a survey would
     * together show both). The time limit only stops a search gone wrong.
     */
    private static final int WITNESS_SEARCH_NODES = 1_000;
    private static final long WITNESS_SEARCH_MILLIS = 30_000;
    private static final IntegerStrategy ONE_THREAD = IntegerStrategy.DEFAULT.withParallelism(() -> 1);

    private final List<Object> unknowns;
    private final Map<Object, Integer> column = new LinkedHashMap<>();
    private final List<double[]> rows = new ArrayList<>();
    private final List<Double> levels = new ArrayList<>();
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
     */
    BlockProgram(Map<Object, Long> unknowns, Map<Object, long[]> ranges, Map<Object, Long> shown,
            List<Map<Object, Integer>> relations) {
        this.unknowns = new ArrayList<>(unknowns.keySet());
        this.truth = unknowns.values().stream().mapToDouble(Long::doubleValue).toArray();
        for (Object key : this.unknowns) {
            column.put(key, column.size());
        }
        Set<Constraint> distinct = new HashSet<>();
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

    /** The block's hidden figures, in the order of the program's unknowns. */
    List<Object> unknowns() {
        return unknowns;
    }

    /** The unknown a hidden figure of the block is. */
    int column(Object figure) {
        return column.get(figure);
    }

    /**
     * Each figure's highest value that a single relation allows: in a relation whose unknowns all have coefficients
     * of one sign (a row adding up to a shown total), none can exceed what the shown figures leave, the others being
     * at least zero. The ceiling where no such relation names it.
     */
    double[] caps() {
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
     * The relaxation's optimum of the objective (a weight per unknown), or null when the solver finds none. The true
     * counts satisfy every relation, so the program always has a solution; a solver that fails to find one has told
     * nothing.
     */
    double[] optimum(double[] objective, boolean maximise) {
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
            return null;
        }
        double[] point = new double[x.length];
        for (int v = 0; v < point.length; v++) {
            point[v] = result.doubleValue(v);
        }
        return point;
    }

    /**
     * One integer program (ojalgo's branch and bound) for a solution in whole people with unknown c at or past the
     * bound (at least it when upward, at most it otherwise), written over each figure's difference from its true
     * count or over the counts themselves (see {@link IntervalAudit}); the solution found, still to be checked
     * ({@link #whole}), or null.
     */
    double[] witness(int c, double bound, boolean upward, boolean differences) {
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
        if (!result.getState().isFeasible()) {
            return null;
        }
        double[] point = new double[truth.length];
        for (int v = 0; v < point.length; v++) {
            point[v] = from[v] + result.doubleValue(v);
        }
        return point;
    }

    /**
     * The block's relations over one unknown per hidden figure (a whole number if asked), at least zero (a rounded
     * one within its range); or over each figure's difference from its true count (at least minus that count), the
     * relations then adding up to zero.
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
     * The solution in whole people when it is a witness, else null: every count whole and at least zero (a rounded
     * one within its range), every relation adding up exactly (the coefficients and levels are whole numbers, their
     * sums far inside a double's exact range).
     */
    double[] whole(double[] solution) {
        double[] point = new double[solution.length];
        for (int v = 0; v < point.length; v++) {
            point[v] = Math.rint(solution[v]);
            if (Math.abs(solution[v] - point[v]) > EPSILON || point[v] < least[v] || point[v] > most[v]) {
                return null;
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            double sum = 0;
            for (int v = 0; v < row.length; v++) {
                sum += row[v] * point[v];
            }
            if (sum != levels.get(r)) {
                return null;
            }
        }
        return point;
    }
}

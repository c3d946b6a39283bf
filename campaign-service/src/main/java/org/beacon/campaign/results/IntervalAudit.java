package org.beacon.campaign.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The programs are written on the block's {@link BlockProgram}. Two per figure would make a large block slow, so the
 * audit first collects points it knows are possible:
 * a figure whose witnesses already span the width needs no program of its own; most figures are settled by the first
 * two programs (all guarded figures as low, then as high, as they can be).
 */
final class IntervalAudit {

    private static final double EPSILON = BlockProgram.EPSILON;

    /**
     * The most hidden figures a block may hold for its ranges to be proven in whole people (see above). The bound is
     * the memory of the integer programs: ojalgo's branch and bound keeps dense tableaux that grow with the square of
     * the unknowns, and more of them the longer it searches. On the end-to-end stack's Safe Journeys answers one
     * search over a block of 388 hidden figures needed 96 to 128 MB of heap, the service's whole heap there; searches
     * over 150 figures (the nearest of those blocks' figures, replayed on their own, 2026-12-07) each fitted in 16 MB.
     */
    static final int WHOLE_BLOCK = 150;

    /** The block's hidden figures, in the order of the program's unknowns. */
    private final List<Object> unknowns;
    /** Whether ranges are proven in whole people here (see the constructor). */
    private final boolean wholePeople;
    private final BlockProgram program;
    /** The lowest and highest value of each unknown among the witnesses seen so far (whole numbers). */
    private final double[] lowest;
    private final double[] highest;
    /** The lowest and highest value of each unknown among the relaxation's solutions seen so far. */
    private final double[] relaxedLowest;
    private final double[] relaxedHighest;
    /** Each figure's lowest and highest possible value seen by earlier audits, kept up to date by this one. */
    private final Map<Object, double[]> possible;

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
        this.program = new BlockProgram(unknowns, ranges, shown, relations);
        this.unknowns = program.unknowns();
        this.wholePeople = wholePeople && unknowns.size() <= WHOLE_BLOCK;
        this.possible = possible;
        lowest = new double[this.unknowns.size()];
        highest = new double[this.unknowns.size()];
        relaxedLowest = new double[this.unknowns.size()];
        relaxedHighest = new double[this.unknowns.size()];
        for (Object key : this.unknowns) {
            int c = program.column(key);
            double[] seen = possible.get(key);
            lowest[c] = seen == null ? unknowns.get(key) : Math.min(seen[0], unknowns.get(key));
            highest[c] = seen == null ? unknowns.get(key) : Math.max(seen[1], unknowns.get(key));
            relaxedLowest[c] = lowest[c];
            relaxedHighest[c] = highest[c];
        }
    }

    /**
     * The targets whose range in whole people is narrower than the width, each with how much wider it must become.
     */
    Map<Object, Long> narrowerThan(List<Object> targets, int width) {
        // Figures already seen wide enough stay so: only the others need programs.
        // A figure that one relation caps below the width is narrow whatever else is possible: no program needed.
        double[] cap = program.caps();
        Map<Object, Long> narrow = new LinkedHashMap<>();
        for (Object target : targets) {
            long capped = (long) Math.floor(cap[program.column(target)] + EPSILON);
            if (capped < width) {
                narrow.put(target, width - capped);
            }
        }
        List<Object> open = targets.stream().filter(target -> !narrow.containsKey(target))
                .filter(target -> !wide(program.column(target), width)).toList();
        // All open figures as low, then as high, as they can be together: each pair of programs settles most of
        // them, and is repeated for the rest while it settles at least a quarter (one program per figure is dearer).
        while (open.size() > 1) {
            double[] all = new double[unknowns.size()];
            for (Object target : open) {
                all[program.column(target)] = 1;
            }
            solve(all, false);
            solve(all, true);
            List<Object> still = open.stream().filter(target -> !wide(program.column(target), width)).toList();
            boolean settledEnough = still.size() * 4 <= open.size() * 3;
            open = still;
            if (!settledEnough) {
                break;
            }
        }
        for (Object target : open) {
            int c = program.column(target);
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
            int c = program.column(key);
            possible.put(key, wholePeople ? new double[] { lowest[c], highest[c] }
                    : new double[] { relaxedLowest[c], relaxedHighest[c] });
        }
        return narrow;
    }

    /**
     * Whether the figure's range, rounded inwards to whole numbers, is wider than {@code range}: no when one relation
     * caps it at that range already (see {@link #caps}), else a program for each end as far as needed.
     */
    boolean widerThan(Object figure, long range) {
        int c = program.column(figure);
        if (Math.floor(program.caps()[c] + EPSILON) <= range) {
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
     * not on another, so a search tries two, each up to a count of nodes ({@link BlockProgram#witness}): first over each figure's
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
                double[] found = program.witness(c, bound, upward, differences);
                if (found != null) {
                    keep(found);
                }
            }
        }
    }

    /**
     * Minimises or maximises the objective in the relaxation and keeps the solution's values as possible ones;
     * whether the solver found the optimum (when it does not, the figures it would have widened stay as narrow as
     * they were).
     */
    private boolean solve(double[] objective, boolean maximise) {
        double[] point = program.optimum(objective, maximise);
        if (point == null) {
            return false;
        }
        for (int v = 0; v < point.length; v++) {
            relaxedLowest[v] = Math.min(relaxedLowest[v], point[v]);
            relaxedHighest[v] = Math.max(relaxedHighest[v], point[v]);
        }
        keep(point);
        return true;
    }

    /** A solution kept as a witness when it is one ({@link BlockProgram#whole}). */
    private void keep(double[] solution) {
        double[] point = program.whole(solution);
        if (point == null) {
            return;
        }
        for (int v = 0; v < point.length; v++) {
            lowest[v] = Math.min(lowest[v], point[v]);
            highest[v] = Math.max(highest[v], point[v]);
        }
    }
}

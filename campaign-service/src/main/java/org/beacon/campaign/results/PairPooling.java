package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;

/**
 * The columns of a filtered breakdown ("by age band, region 2 only") recoded per group of the filter, as
 * {@link GroupPooling} recodes a dimension's own groups: a column of a cross of two groups from fewer than
 * {@value GroupPooling#MINIMUM_PER_K} × k people shows little but "&lt; k" and "hidden", and worse, the results
 * without a filter (the region's answers, the age band's answers, the age band × region respondents) bound its hidden
 * cells to ranges that no figure of the filtered breakdown can widen. So such columns are pooled ("Other (3 groups)")
 * or, for ordered groups, merged with their neighbours into ranges within that group of the filter, and the cross
 * cells inside a pool are never shown: they stay in the problem as withheld figures that the pool's figures add up
 * (both directions of the pair share them), so the linear steps still keep each of them from being computed. Unlike
 * a dimension's own groups, a pool is itself at least the minimum: a pool under it (a single small column too, which
 * as a pool of one would be that column under another name) takes in the smallest other column until it reaches it,
 * and when fewer than two columns would reach the minimum it is halved, down to k, so that the group is still broken
 * down by the largest columns it allows. (Pools of small crosses left under the minimum made new narrow ranges: on
 * the demo answers, a pool of three genders within an age band held a few answers of an optional question that the
 * margins bounded to seven possible values.)
 */
final class PairPooling {

    /** A pooled column's value: this plus its place among the group's columns (far from any choice or link). */
    static final int POOLED_FROM = 3_000_000;

    static final PairPooling NONE = new PairPooling(Map.of(), Map.of());

    /** Per dimension within a group of the other: its columns, each the values it adds up, in the order shown. */
    private final Map<Dimension, List<List<Integer>>> columns;
    /** Per dimension within a group of the other: whether its groups are ordered (a range is labelled by its ends). */
    private final Map<Dimension, Boolean> ordered;

    private PairPooling(Map<Dimension, List<List<Integer>>> columns, Map<Dimension, Boolean> ordered) {
        this.columns = columns;
        this.ordered = ordered;
    }

    /** What the registry knows of a dimension's groups: its values in a wave, and how many people each holds. */
    interface Groups {
        List<Integer> values(int wave, Dimension dimension);

        long respondents(int wave, Dimension dimension, int value);
    }

    /** The columns of both directions of a pair of dimensions, in every group of the other. */
    static PairPooling of(Dimension first, Dimension second, Map<Dimension, BreakdownAxis> axes, Groups groups,
            List<Wave> waves, int k) {
        Map<Dimension, List<List<Integer>>> columns = new LinkedHashMap<>();
        Map<Dimension, Boolean> ordered = new LinkedHashMap<>();
        for (Dimension[] direction : new Dimension[][] { { first, second }, { second, first } }) {
            Dimension filter = direction[0];
            Dimension broken = direction[1];
            boolean inOrder = ordered(axes.get(broken));
            for (int group : union(groups, waves, filter)) {
                Dimension within = broken.within(filter, group);
                List<Integer> values = union(groups, waves, within);
                List<long[]> counts = new ArrayList<>();
                for (Wave wave : waves) {
                    long[] sizes = new long[values.size()];
                    for (int i = 0; i < values.size(); i++) {
                        sizes[i] = groups.respondents(wave.code(), within, values.get(i));
                    }
                    counts.add(sizes);
                }
                List<List<Integer>> recoded = columns(values, counts, inOrder, k);
                if (recoded.size() < values.size()) {
                    columns.put(within, recoded);
                    ordered.put(within, inOrder);
                }
            }
        }
        return columns.isEmpty() ? NONE : new PairPooling(Map.copyOf(columns), Map.copyOf(ordered));
    }

    /**
     * Age bands and the points of a Likert question are ordered; regions, genders, teams and a knowledge item's
     * answers ("No", "I don't know") are not.
     */
    private static boolean ordered(BreakdownAxis axis) {
        return !axis.isTeam() && (GroupPooling.ordered(axis.question())
                || axis.question().kind().equals(SurveyQuestion.LIKERT));
    }

    private static List<Integer> union(Groups groups, List<Wave> waves, Dimension dimension) {
        List<Integer> values = new ArrayList<>();
        for (Wave wave : waves) {
            for (int value : groups.values(wave.code(), dimension)) {
                if (!values.contains(value)) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /**
     * The columns of one group of the filter: each a list of values. The minimum starts at
     * {@value GroupPooling#MINIMUM_PER_K} × k and is halved, down to k, while fewer than two columns reach it; a group
     * that cannot make two columns even of k keeps its values as they are (each is "&lt; k" there).
     *
     * @param counts per wave, the people in each value's group (in the order of values)
     */
    static List<List<Integer>> columns(List<Integer> values, List<long[]> counts, boolean ordered, int k) {
        List<long[]> waves = counts.stream()
                .filter(wave -> java.util.Arrays.stream(wave).sum() >= (long) Recoding.SMALL_WAVE * k).toList();
        List<List<Integer>> identity = values.stream().map(List::of).toList();
        if (waves.isEmpty()) {
            return identity;
        }
        for (int minimum = GroupPooling.MINIMUM_PER_K * k;; minimum = Math.max(k, minimum / 2)) {
            List<List<Integer>> recoded = recode(values, waves, ordered, minimum);
            if (recoded.size() >= 2) {
                return recoded;
            }
            if (minimum == k) {
                return identity;
            }
        }
    }

    private static List<List<Integer>> recode(List<Integer> values, List<long[]> waves, boolean ordered,
            int minimum) {
        List<Integer> small = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            final int index = i;
            if (waves.stream().anyMatch(wave -> wave[index] < minimum)) {
                small.add(i);
            }
        }
        if (small.isEmpty()) {
            return values.stream().map(List::of).toList();
        }
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> pool = new ArrayList<>();
        if (ordered) {
            // the stated groups merged with their neighbours; "not stated" (0) is no neighbour of any, so it is pooled
            List<Integer> stated = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != 0) {
                    stated.add(i);
                }
            }
            List<long[]> statedCounts = waves.stream()
                    .map(wave -> stated.stream().mapToLong(i -> wave[i]).toArray()).toList();
            for (List<Integer> range : Recoding.ordered(statedCounts, 1, minimum, stated.size())) {
                rows.add(range.stream().map(stated::get).toList());
            }
            int notStated = values.indexOf(0);
            if (notStated >= 0 && small.contains(notStated)) {
                pool.add(notStated);
            } else if (notStated >= 0) {
                rows.add(List.of(notStated));
            }
        } else {
            for (int i = 0; i < values.size(); i++) {
                if (small.contains(i)) {
                    pool.add(i);
                } else {
                    rows.add(List.of(i));
                }
            }
        }
        // A pool under the minimum (a pool of one would also be that column under another name) takes in the
        // smallest of the other columns until it reaches it: every column holds the minimum, the pool too.
        while (!pool.isEmpty() && !rows.isEmpty() && (pool.size() == 1 || !reaches(waves, pool, minimum))) {
            List<Integer> smallest = rows.stream()
                    .min(Comparator.comparingLong(row -> row.stream().mapToLong(i -> total(waves, i)).sum()))
                    .orElseThrow();
            rows.remove(smallest);
            pool.addAll(smallest);
        }
        if (!pool.isEmpty()) {
            rows.add(pool.stream().sorted().toList());
        }
        return rows.stream().map(row -> row.stream().map(values::get).toList()).toList();
    }

    private static boolean reaches(List<long[]> waves, List<Integer> columns, int minimum) {
        return waves.stream().allMatch(wave -> columns.stream().mapToLong(i -> wave[i]).sum() >= minimum);
    }

    private static long total(List<long[]> waves, int index) {
        return waves.stream().mapToLong(wave -> wave[index]).sum();
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    /** The columns of a dimension within a group of the other, each the values it adds up; null if not recoded. */
    List<List<Integer>> columns(Dimension within) {
        return columns.get(within);
    }

    /** Whether a value is shown as a column of its own within its group (not inside a pool). */
    boolean shown(Dimension within, int value) {
        List<List<Integer>> rows = columns.get(within);
        return rows == null || rows.contains(List.of(value));
    }

    /** The value a column that adds up several values goes by. */
    static int pooled(List<List<Integer>> rows, List<Integer> row) {
        return POOLED_FROM + rows.indexOf(row);
    }

    /** The values a pooled column adds up (see {@link #pooled}). */
    List<Integer> members(Dimension within, int pooled) {
        return columns.get(within).get(pooled - POOLED_FROM);
    }

    /** Whether a pooled column is a range of neighbouring ordered groups, labelled by its ends. */
    boolean isRange(Dimension within, int pooled) {
        List<Integer> members = members(within, pooled);
        return ordered.get(within) && !members.contains(0);
    }

    /** For the tally: per recoded dimension, the pooled value each member of a pool counts in. */
    Map<Dimension, Map<Integer, Integer>> poolOf() {
        Map<Dimension, Map<Integer, Integer>> poolOf = new LinkedHashMap<>();
        columns.forEach((within, rows) -> {
            Map<Integer, Integer> members = new LinkedHashMap<>();
            for (List<Integer> row : rows) {
                if (row.size() > 1) {
                    row.forEach(value -> members.put(value, pooled(rows, row)));
                }
            }
            poolOf.put(within, members);
        });
        return poolOf;
    }
}

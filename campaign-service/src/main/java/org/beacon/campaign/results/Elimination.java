package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.beacon.campaign.results.Disclosure.Relation;

/**
 * The elimination of a {@link Disclosure}'s linear steps: which hidden figures of a block the shown figures pin down
 * through any combination of the relations, and from which shown figures each is computed.
 */
final class Elimination {

    private static final double EPSILON = 1e-9;

    private Elimination() {
    }

    /**
     * The figures of a block that the relations pin down, each with the shown figures its value is computed from,
     * by reduced row echelon form over the hidden figures (the shown ones ride along as extra columns). A hidden
     * figure whose row has no other hidden entry is determined; when no shown figure is left in that row either, it
     * is a constant of the structure (zero) that tells nothing, and is not reported.
     *
     * @param block the hidden figures, the unknowns of the elimination
     * @param relations the relations among them and the shown figures
     * @param hidden whether a figure of the relations is hidden (the others are shown)
     */
    static Map<Object, List<Object>> determined(List<Object> block, List<Relation> relations, Predicate<Object> hidden) {
        Map<Object, Integer> column = new LinkedHashMap<>();
        for (Object key : block) {
            column.put(key, column.size());
        }
        int unknowns = column.size();
        for (Relation relation : relations) {
            for (Object key : relation.terms().keySet()) {
                if (!hidden.test(key)) {
                    column.putIfAbsent(key, column.size());
                }
            }
        }
        List<Object> keys = new ArrayList<>(column.keySet());
        List<double[]> rows = new ArrayList<>();
        for (Relation relation : relations) {
            double[] row = new double[keys.size()];
            relation.terms().forEach((key, coefficient) -> row[column.get(key)] = coefficient);
            rows.add(row);
        }
        int[] pivotRowOf = new int[unknowns];
        Arrays.fill(pivotRowOf, -1);
        int rank = 0;
        for (int c = 0; c < unknowns && rank < rows.size(); c++) {
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (Math.abs(rows.get(r)[c]) > EPSILON && (pivot < 0
                        || Math.abs(rows.get(r)[c]) > Math.abs(rows.get(pivot)[c]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            Collections.swap(rows, rank, pivot);
            double[] top = rows.get(rank);
            double scale = top[c];
            for (int j = 0; j < top.length; j++) {
                top[j] /= scale;
            }
            for (int r = 0; r < rows.size(); r++) {
                double[] row = rows.get(r);
                if (r != rank && Math.abs(row[c]) > EPSILON) {
                    double factor = row[c];
                    for (int j = 0; j < row.length; j++) {
                        row[j] -= factor * top[j];
                    }
                }
            }
            pivotRowOf[c] = rank++;
        }
        Map<Object, List<Object>> determined = new LinkedHashMap<>();
        for (int c = 0; c < unknowns; c++) {
            if (pivotRowOf[c] < 0) {
                continue;
            }
            double[] row = rows.get(pivotRowOf[c]);
            boolean alone = true;
            for (int j = 0; j < unknowns && alone; j++) {
                alone = j == c || Math.abs(row[j]) <= EPSILON;
            }
            List<Object> from = new ArrayList<>();
            for (int j = unknowns; j < row.length; j++) {
                if (Math.abs(row[j]) > EPSILON) {
                    from.add(keys.get(j));
                }
            }
            if (alone && !from.isEmpty()) {
                determined.put(block.get(c), from);
            }
        }
        return determined;
    }
}

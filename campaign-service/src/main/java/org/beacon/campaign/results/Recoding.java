package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Recoding before suppression, as statistical offices do it: rather than hide a class that fewer than k people are
 * in, show it together with others. Ordered classes (Likert points, knowledge score classes, the bins of a number or
 * date) are merged with their neighbours into ranges ("0–1 / 5"); unordered answers that fewer than k people gave are
 * pooled into one "other" row. The decision is taken once per survey from the counts of everyone in each wave, so
 * every output (page, JSON, CSV, every breakdown) shows the same rows; a group's cell of a recoded row can still be
 * under k and is then suppressed like any other count.
 */
final class Recoding {

    /**
     * A wave is left out of the decision when fewer than this many times k answered: merging down to its size would
     * blind the large waves, and suppression protects its cells anyway.
     */
    static final int SMALL_WAVE = 2;

    private Recoding() {
    }

    /** The classes as they are: one row each. */
    static List<List<Integer>> identity(int classes) {
        List<List<Integer>> rows = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            rows.add(List.of(c));
        }
        return rows;
    }

    /**
     * Adjacent ordered classes merged until each row holds at least k answers in every wave that counts; a last row
     * still under k joins the one before it.
     *
     * @param counts per wave, the answers in each class (index 0 = first class)
     * @return per row, the classes it merges (0-based, ascending)
     */
    static List<List<Integer>> ordered(List<long[]> counts, int k, int classes) {
        return ordered(counts, k, k, classes);
    }

    /**
     * Adjacent ordered classes merged until each row holds at least the minimum in every wave that counts (one where
     * at least {@link #SMALL_WAVE} × k answered); a last row still under it joins the one before it.
     */
    static List<List<Integer>> ordered(List<long[]> counts, int k, int minimum, int classes) {
        List<long[]> waves = counting(counts, k);
        if (waves.isEmpty()) {
            return identity(classes);
        }
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long[] sizes = new long[waves.size()];
        for (int c = 0; c < classes; c++) {
            current.add(c);
            boolean enough = true;
            for (int w = 0; w < waves.size(); w++) {
                sizes[w] += waves.get(w)[c];
                enough &= sizes[w] >= minimum;
            }
            if (enough) {
                rows.add(current);
                current = new ArrayList<>();
                sizes = new long[waves.size()];
            }
        }
        if (!current.isEmpty()) {
            if (rows.isEmpty()) {
                rows.add(current);
            } else {
                List<Integer> last = new ArrayList<>(rows.remove(rows.size() - 1));
                last.addAll(current);
                rows.add(last);
            }
        }
        return rows;
    }

    /**
     * Unordered answers under k pooled into one row placed last, when the pool reaches k in every wave that counts
     * (the smallest other answers join it until it does) and holds at least two answers; otherwise nothing is pooled
     * and suppression protects the small ones.
     *
     * @param keep a class that always keeps its own row (a knowledge item's right answer), or -1
     */
    static List<List<Integer>> pooled(List<long[]> counts, int k, int classes, int keep) {
        List<long[]> waves = counting(counts, k);
        if (waves.isEmpty()) {
            return identity(classes);
        }
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            if (c != keep) {
                candidates.add(c);
            }
        }
        candidates.sort(Comparator.comparingLong((Integer c) -> smallest(waves, List.of(c))));
        List<Integer> pool = new ArrayList<>();
        for (int c : candidates) {
            if (smallest(waves, List.of(c)) < k || smallest(waves, pool) < k) {
                pool.add(c);
            }
        }
        // a pool of one answer is that answer under another name, and a pool of everything shows nothing new
        if (pool.size() < 2 || smallest(waves, pool) < k || pool.size() == classes) {
            return identity(classes);
        }
        pool.sort(Comparator.naturalOrder());
        List<List<Integer>> rows = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            if (!pool.contains(c)) {
                rows.add(List.of(c));
            }
        }
        rows.add(pool);
        return rows;
    }

    /**
     * Rows merged for the groups of the breakdowns, by what each merge spares: a group's cell under k is hidden (and
     * often a partner with it), so merging two rows helps every group where one of them is under k, and costs a row
     * of detail in every group. Rows are merged one pair at a time, the pair that turns the most cells under k into
     * fewer (two small cells into one of k or more, or into one small cell) first, while a merge spares at least one
     * group's column in {@value #SPARED_PER_COLUMNS} a cell under k, and until two rows are left (of merges that
     * spare as many, the one making the smallest row). Ordered classes merge with a neighbour only; unordered ones
     * into one pool, never with a row to keep. Groups under k count for nothing: all their cells are hidden anyway.
     *
     * @param counts per group and wave, the answers in each row
     * @param kept the rows that are never merged (a knowledge item's right answer, an option under k overall)
     * @return per new row, the rows it merges (0-based, ascending); ordered rows in order, a pool last
     */
    static List<List<Integer>> forGroups(List<long[]> counts, int k, int classes, boolean ordered, IntPredicate kept) {
        List<long[]> columns = counts.stream().filter(column -> total(column) >= k).toList();
        List<List<Integer>> rows = identity(classes).stream().map(row -> (List<Integer>) new ArrayList<>(row))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        List<Integer> pool = null;
        while (rows.size() > 2) {
            int bestA = -1;
            int bestB = -1;
            int best = 0;
            long bestSize = Long.MAX_VALUE;
            for (int a = 0; a < rows.size(); a++) {
                for (int b = a + 1; b < rows.size(); b++) {
                    boolean allowed = ordered ? b == a + 1
                            : rows.get(a).stream().noneMatch(kept::test) && rows.get(b).stream().noneMatch(kept::test)
                                    && (pool == null || rows.get(a) == pool || rows.get(b) == pool);
                    if (!allowed) {
                        continue;
                    }
                    int spared = spared(columns, k, rows.get(a), rows.get(b));
                    long size = size(counts, rows.get(a)) + size(counts, rows.get(b));
                    // of merges that spare as many, the one that makes the smallest row loses the least detail
                    if (spared > best || spared == best && spared > 0 && size < bestSize) {
                        best = spared;
                        bestSize = size;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0 || (long) best * SPARED_PER_COLUMNS < columns.size()) {
                break;
            }
            List<Integer> merged = new ArrayList<>(rows.get(bestA));
            merged.addAll(rows.get(bestB));
            merged.sort(Comparator.naturalOrder());
            rows.remove(bestB);
            rows.set(bestA, merged);
            if (!ordered) {
                pool = merged;
            }
        }
        if (!ordered && pool != null) {
            rows.remove(pool);
            rows.add(pool);
        }
        return rows;
    }

    /** A merge must spare a cell under k in at least one group's column in this many. */
    static final int SPARED_PER_COLUMNS = 5;

    /** The answers in these rows over all groups. */
    private static long size(List<long[]> counts, List<Integer> rows) {
        long n = 0;
        for (long[] column : counts) {
            for (int c : rows) {
                n += column[c];
            }
        }
        return n;
    }

    /** How many fewer cells under k two rows make merged than apart, over these columns. */
    private static int spared(List<long[]> columns, int k, List<Integer> a, List<Integer> b) {
        int spared = 0;
        for (long[] column : columns) {
            long na = 0;
            long nb = 0;
            for (int c : a) {
                na += column[c];
            }
            for (int c : b) {
                nb += column[c];
            }
            spared += (na < k ? 1 : 0) + (nb < k ? 1 : 0) - (na + nb < k ? 1 : 0);
        }
        return spared;
    }

    private static List<long[]> counting(List<long[]> counts, int k) {
        return counts.stream().filter(wave -> total(wave) >= (long) SMALL_WAVE * k).toList();
    }

    private static long total(long[] wave) {
        long total = 0;
        for (long n : wave) {
            total += n;
        }
        return total;
    }

    /** The fewest answers these classes hold together in any wave. */
    private static long smallest(List<long[]> waves, List<Integer> classes) {
        long smallest = Long.MAX_VALUE;
        for (long[] wave : waves) {
            long n = 0;
            for (int c : classes) {
                n += wave[c];
            }
            smallest = Math.min(smallest, n);
        }
        return smallest;
    }

    /**
     * The label of a range of ordered classes from the labels of its first and last class: "0 / 5" and "1 / 5" give
     * "0–1 / 5"; "1 – 2" and "5 – 10" (bins) give "1 – 10"; "&lt; 5" and "5 – 10" give "&lt; 10"; other labels are
     * joined ("Strongly disagree – Disagree").
     */
    static String range(String first, String last) {
        String outOf = " / ";
        if (first.contains(outOf) && last.contains(outOf)
                && first.substring(first.indexOf(outOf)).equals(last.substring(last.indexOf(outOf)))) {
            return first.substring(0, first.indexOf(outOf)) + "–" + last;
        }
        String to = " – ";
        String below = "< ";
        String from = "≥ ";
        String lower = first.startsWith(below) ? null : first.contains(to) ? first.substring(0, first.indexOf(to))
                : first.startsWith(from) ? first.substring(from.length()) : first;
        String upper = last.startsWith(from) ? null : last.contains(to) ? last.substring(last.indexOf(to) + to.length())
                : last.startsWith(below) ? last.substring(below.length()) : last;
        if (lower == null && upper == null) {
            return first + ", " + last;
        }
        if (lower == null) {
            return below + upper;
        }
        if (upper == null) {
            return from + lower;
        }
        return lower + to + upper;
    }
}

package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;

/**
 * Decides the rows each item of one survey's results shows, before any figure is registered with the disclosure
 * problem ({@link Recoding} holds the merging itself): the overall results' rows from everyone's counts, then coarser
 * rows shared by every breakdown from the groups' counts.
 */
final class ItemRecoding {

    private final FigureRegistry figures;
    private final List<Wave> waves;
    /** The background questions' ids: they keep their classes, which are the breakdowns' groups. */
    private final Set<Long> background;
    private final int minCellSize;
    private final ResultsWording words;

    ItemRecoding(FigureRegistry figures, List<Wave> waves, Set<Long> background, int minCellSize,
            ResultsWording words) {
        this.figures = figures;
        this.waves = waves;
        this.background = background;
        this.minCellSize = minCellSize;
        this.words = words;
    }

    /**
     * Recodes an item for the overall results, from the counts of everyone in each wave: ordered classes (Likert
     * points, bins) are merged into ranges, other single answers under k pooled into "other". Background questions
     * keep their classes: they are the groups of the breakdowns. So does the knowledge score: each of its classes is
     * tied to the knowledge items' shown right answers (scores weighted by their value add up to them), which would
     * tell how a merged range splits.
     */
    void overall(ResultItem item) {
        if (background.contains(item.question) || item.question == Tally.KNOWLEDGE_SCORE
                || !ordered(item) && !item.additive || item.choices() < 2) {
            return;
        }
        List<long[]> counts = new ArrayList<>();
        for (Wave wave : waves) {
            long[] classes = new long[item.choices()];
            for (int c = 1; c <= classes.length; c++) {
                classes[c - 1] = figures.n(item.classKey(wave.code(), c, Dimension.ALL, 0));
            }
            counts.add(classes);
        }
        List<List<Integer>> rows = (ordered(item) ? Recoding.ordered(counts, minCellSize, item.choices())
                : Recoding.pooled(counts, minCellSize, item.choices(), item.correct - 1)).stream()
                .map(row -> row.stream().map(c -> c + 1).toList()).toList();
        if (rows.size() == item.choices()) {
            return;
        }
        List<String> labels = labels(item, rows);
        item.classLabels = item.choiceLabels;
        item.choiceLabels = labels;
        item.rows = rows;
    }

    /**
     * Whether an item's rows may be merged for the breakdowns: its classes are ordered, its answers add up and are
     * unordered, or it is a multiple-choice question, whose rare options are pooled as mentions (see
     * {@link #mentions}).
     */
    private boolean recodable(ResultItem item) {
        return !background.contains(item.question)
                && (ordered(item) || item.additive || mentions(item)) && item.choices() >= 2;
    }

    /**
     * A multiple-choice question's options do not add up to those who answered (one person may pick several), so a
     * row pooling rare options counts how often they were chosen, not people: "Mentions of: Radio; SMS", with no
     * share of the group beside it. The sum is a linear figure like any merged row, so suppression protects it and
     * what it holds the same way.
     */
    static boolean mentions(ResultItem item) {
        return item.kind.equals(SurveyQuestion.MULTIPLE) && item.values == null && !item.integer;
    }

    private static boolean ordered(ResultItem item) {
        return item.kind.equals(SurveyQuestion.LIKERT) || item.bins != null || item.question == Tally.KNOWLEDGE_SCORE;
    }

    /**
     * Recodes each item once more for the breakdowns (issue 13 point 1): groups are smaller than everyone, so a row
     * that holds k people overall can hold fewer in most groups, and would be a row of "&lt; k" cells and of the cells
     * hidden to protect them. The overall rows are merged further where that spares enough groups a cell under k
     * ({@link Recoding#forGroups}, counted over the groups of every dimension in every wave): ordered rows into
     * ranges, unordered ones into "Other (…)"; the knowledge score's classes too, which overall stay whole. All
     * breakdowns share these rows: a filtered breakdown's total column is a group of another breakdown, and showing
     * it with other rows would split or merge figures that breakdown published (a row merged in one and hidden in
     * the other could then be subtracted out).
     * The overall results keep their rows; background questions keep their classes, which are the groups.
     */
    void breakdowns(List<ResultItem> items, List<Dimension> groups) {
        for (ResultItem item : items) {
            if (!recodable(item) || groups.isEmpty()) {
                continue;
            }
            List<List<Integer>> rows = coarser(item, item.rowClasses(), groups);
            // one row of every answer would only repeat those who answered
            if (rows.size() < item.choices() && rows.size() > 1) {
                item.recodeBreakdowns(rows, labels(item, rows));
            }
        }
    }

    /**
     * These rows (each a list of classes) merged further for the groups of these dimensions in every wave; a
     * knowledge item's right answer keeps its own row.
     */
    private List<List<Integer>> coarser(ResultItem item, List<List<Integer>> units, List<Dimension> groups) {
        List<long[]> counts = new ArrayList<>();
        for (Wave wave : waves) {
            for (Dimension dimension : groups) {
                for (int value : figures.values(wave.code(), dimension)) {
                    long[] n = new long[units.size()];
                    for (int u = 0; u < units.size(); u++) {
                        for (int c : units.get(u)) {
                            n[u] += figures.n(item.classKey(wave.code(), c, dimension, value));
                        }
                    }
                    counts.add(n);
                }
            }
        }
        // decided once per row: the merge loop asks about every pair of rows in every round
        boolean[] kept = new boolean[units.size()];
        for (int u = 0; u < units.size(); u++) {
            kept[u] = item.correct > 0 && units.get(u).contains(item.correct)
                    || mentions(item) && smallOverall(item, units.get(u));
        }
        List<List<Integer>> merged = Recoding.forGroups(counts, minCellSize, units.size(), ordered(item),
                u -> kept[u]);
        return merged.stream().map(row -> row.stream().flatMap(u -> units.get(u).stream()).sorted().toList())
                .toList();
    }

    /**
     * Whether an option was ticked by fewer than k people in a wave where the question was answered: the overall
     * results then hide it, and a breakdown's total column showing it inside a row of mentions beside its shown
     * partners would give it away (the row less the partners), so it is not pooled.
     */
    private boolean smallOverall(ResultItem item, List<Integer> classes) {
        for (Wave wave : waves) {
            if (figures.n(item.base(wave.code(), Dimension.ALL, 0)) == 0) {
                continue;
            }
            long ticked = 0;
            for (int c : classes) {
                ticked += figures.n(item.classKey(wave.code(), c, Dimension.ALL, 0));
            }
            if (ticked < minCellSize) {
                return true;
            }
        }
        return false;
    }

    /** A row's label: its class's own, a range of ordered classes, or "Other (…)" naming what it pools. */
    private List<String> labels(ResultItem item, List<List<Integer>> rows) {
        List<String> classLabels = item.classLabels();
        List<String> labels = new ArrayList<>();
        for (List<Integer> row : rows) {
            List<String> members = row.stream().map(c -> classLabels.get(c - 1)).toList();
            labels.add(members.size() == 1 ? members.get(0)
                    : ordered(item) ? Recoding.range(members.get(0), members.get(members.size() - 1))
                            : mentions(item) ? words.mentions().apply(String.join("; ", members))
                                    : words.other() + " (" + String.join("; ", members) + ")");
        }
        return labels;
    }
}

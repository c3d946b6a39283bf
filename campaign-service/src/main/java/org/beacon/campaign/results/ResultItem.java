package org.beacon.campaign.results;

import java.util.List;

import org.beacon.campaign.survey.SurveyQuestion;

/**
 * Something with a row per choice in the results: a question, or the knowledge score; and the keys of the figures it
 * shows besides the rollup's own ({@link Tally.Key}).
 */
final class ResultItem {

    /** The sum of an integer question's numbers for a group: hidden with the group, protected like a count. */
    record SumKey(Tally.Key key) {
    }

    /**
     * Those of a group who were asked a conditional question: the respondents less those it was not asked (its
     * relevance was false for them).
     */
    record AskedKey(int wave, long question, Dimension dimension, int value) {
    }

    /**
     * Those of a group that a count leaves out of a larger one it is part of, which no output shows: for choice 0,
     * those asked an optional question who did not answer it; for an option of a multiple-choice question, those who
     * answered it without picking that option; for {@link #EXTRA_MENTIONS}, the picks beyond one per person who
     * answered it; for {@link #FULL_MARKS_LEFT}, those who earned a knowledge item's full credit without the full
     * score. See {@link Disclosure#gap}.
     */
    record GapKey(int wave, long question, int choice, Dimension dimension, int value) {
    }

    /** The {@link GapKey} choice of a multiple-choice question's picks beyond one per person who answered it. */
    static final int EXTRA_MENTIONS = -1;

    /** The {@link GapKey} choice of a knowledge item's full-credit answers given by people without the full score. */
    static final int FULL_MARKS_LEFT = -2;

    /** One bin of a decimal or date question's distribution: the sum of the rollup's finer bins it spans. */
    record BinKey(int wave, long question, int bin, Dimension dimension, int value) {
    }

    /**
     * One row of a recoded item that merges several classes (see {@link Recoding}): the sum of their counts. It is
     * named by its classes, not by its place, so that the same merge is one figure in every table that shows it.
     */
    record MergedKey(int wave, long question, List<Integer> classes, Dimension dimension, int value) {
    }

    final String name;
    final String label;
    final String kind;
    final String role;
    final long question;
    final boolean required;
    /** The rows' labels: the classes' own until recoding merges some (see {@link SurveyResults}). */
    List<String> choiceLabels;
    final boolean additive;
    /** The answers are numbers (integer, decimal, date): the tally carries their sum. */
    final boolean integer;
    /** Value of each choice row for a mean (Likert 1-5, score 0-K); null when the item has no mean. */
    final double[] values;
    final int correct;
    /** Only some respondents are asked it (a relevance rule on it or a group around it). */
    boolean conditional;
    /** Stored numbers per unit: 1000 for decimals (thousandths), 1 otherwise. */
    int scale = 1;
    /** For decimal and date questions, the rollup's bins (choices) that each row of the distribution spans. */
    List<List<Integer>> bins;
    /** Of a knowledge item: each choice's credit in percent of a right answer (100 for the right answer). */
    int[] credits;
    /** After recoding, the classes (1-based) each row shows; null while every class has its own row. */
    List<List<Integer>> rows;
    /** The labels of the classes when rows merge them. */
    List<String> classLabels;
    /**
     * The rows of every breakdown's tables where they are coarser than the overall ones (see {@link #in}); null while
     * breakdowns show the overall rows.
     */
    private ResultItem breakdownRows;

    ResultItem(String name, String label, String kind, String role, long question, boolean required,
            List<String> choiceLabels, boolean additive, boolean integer, double[] values, int correct) {
        this.name = name;
        this.label = label;
        this.kind = kind;
        this.role = role;
        this.question = question;
        this.required = required;
        this.choiceLabels = choiceLabels;
        this.additive = additive;
        this.integer = integer;
        this.values = values;
        this.correct = correct;
    }

    /** A copy that shows these rows instead (1-based classes per row, with their labels). */
    private ResultItem recoded(List<List<Integer>> rows, List<String> labels) {
        ResultItem copy = new ResultItem(name, label, kind, role, question, required, labels, additive, integer, values,
                correct);
        copy.conditional = conditional;
        copy.scale = scale;
        copy.bins = bins;
        copy.credits = credits;
        copy.classLabels = classLabels();
        copy.rows = rows;
        return copy;
    }

    /** The labels of the classes, whatever rows show them. */
    List<String> classLabels() {
        return rows == null ? choiceLabels : classLabels;
    }

    /** The rows as lists of classes (1-based), one class each when nothing is merged. */
    List<List<Integer>> rowClasses() {
        List<List<Integer>> all = new java.util.ArrayList<>();
        for (int row = 1; row <= choices(); row++) {
            all.add(classesOf(row));
        }
        return all;
    }

    /** Shows these rows in every breakdown's tables (1-based classes per row, with their labels). */
    void recodeBreakdowns(List<List<Integer>> rows, List<String> labels) {
        breakdownRows = recoded(rows, labels);
    }

    /**
     * The item as the tables of groups of this dimension show it: everyone with the overall rows; the groups of any
     * breakdown, and a filter's group, with the breakdowns' rows. Every breakdown shows the same rows, so that a
     * filtered breakdown's total column (the filter's group) shows the rows the breakdown by the filter published.
     */
    ResultItem in(Dimension dimension) {
        return dimension.equals(Dimension.ALL) || breakdownRows == null ? this : breakdownRows;
    }

    int choices() {
        return choiceLabels.size();
    }

    int classes() {
        return rows == null ? choices() : classLabels.size();
    }

    /** The classes a row shows. */
    List<Integer> classesOf(int row) {
        return rows == null ? List.of(row) : rows.get(row - 1);
    }

    Object choice(int wave, int choice, Dimension dimension, int value) {
        List<Integer> classes = classesOf(choice);
        return classes.size() == 1 ? classKey(wave, classes.get(0), dimension, value)
                : new MergedKey(wave, question, classes, dimension, value);
    }

    /** One class's count, whatever row shows it. */
    Object classKey(int wave, int c, Dimension dimension, int value) {
        return bins != null ? new BinKey(wave, question, c, dimension, value)
                : new Tally.Key(wave, question, c, dimension, value);
    }

    /**
     * Those who answered; for a required question that is everyone who was asked (every respondent unless the
     * question is conditional), so both share one figure.
     */
    Object base(int wave, Dimension dimension, int value) {
        if (required) {
            return asked(wave, dimension, value);
        }
        return new Tally.Key(wave, question, 0, dimension, value);
    }

    Object asked(int wave, Dimension dimension, int value) {
        return conditional ? new AskedKey(wave, question, dimension, value) : respondents(wave, dimension, value);
    }

    GapKey gap(int wave, int choice, Dimension dimension, int value) {
        return new GapKey(wave, question, choice, dimension, value);
    }

    Tally.Key notAsked(int wave, Dimension dimension, int value) {
        return new Tally.Key(wave, question, Tally.NOT_ASKED, dimension, value);
    }

    /** A date, time or date-time question: its answers are moments, shown as such, and have no change to show. */
    boolean isMoment() {
        return SurveyQuestion.isMoment(kind);
    }

    SumKey sum(int wave, Dimension dimension, int value) {
        return new SumKey(new Tally.Key(wave, question, 0, dimension, value));
    }

    /** Everyone of a group: the key every count of respondents is registered by. */
    static Tally.Key respondents(int wave, Dimension dimension, int value) {
        return new Tally.Key(wave, Tally.RESPONDENTS, 0, dimension, value);
    }
}

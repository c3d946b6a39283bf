package org.beacon.campaign.results;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A survey's results as every output shows them (page, JSON, CSV): figures are already suppressed, so no output
 * can show more than another. {@code intervalWidth} is the narrowest range a hidden count may be bounded to (0:
 * not checked); {@code narrowRanges} counts the hidden counts left narrower than it because only a headline figure
 * could have widened them, or, in a filtered breakdown, only figures that the results without a filter already show
 * (see {@link Disclosure#leftNarrow()}).
 */
public record ResultsView(long surveyId, String survey, String campaign, String language, int minCellSize,
        int intervalWidth, int narrowRanges, List<String> waves, Table respondents, List<QuestionResult> questions,
        QuestionResult knowledgeScore, List<ChangeRow> changes, String reachQuestion, Breakdown breakdown,
        Filter filter) {

    /**
     * One figure: a count with its percentage, or a mean. Hidden figures carry only their display text, except a
     * knowledge item's right answers rounded to protect another figure ({@link #ROUNDED}): the range the count lies
     * in ({@code low} to {@code high}, null for every other figure), its share as the middle of the range's shares,
     * and both in the display text ("30–40 (55.0–72.7%)").
     */
    public record Figure(Long n, Double percent, Double mean, String display, String suppressed,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long low, @JsonInclude(JsonInclude.Include.NON_NULL) Long high) {

        public static final String SMALL = "small";
        public static final String PROTECTING = "protecting";
        /** The count is not shown, only the range it was rounded to (see {@link Disclosure#headlineShare}). */
        public static final String ROUNDED = "rounded";

        public Figure(Long n, Double percent, Double mean, String display, String suppressed) {
            this(n, percent, mean, display, suppressed, null, null);
        }

        public boolean isHidden() {
            return suppressed != null;
        }
    }

    public record Row(String label, String type, boolean correct, List<Figure> cells) {
        public static final String CHOICE = "choice";
        public static final String ANSWERED = "answered";
        public static final String MEAN = "mean";
        /** Of a conditional question: those who were asked it (the answered row's percentage is over them). */
        public static final String ASKED = "asked";
        /** Of a decimal or date question: the smallest and largest answer, where k allows. */
        public static final String LOWEST = "lowest";
        public static final String HIGHEST = "highest";
    }

    /** Rows of choices (plus answered and mean rows) by columns of waves or of a background dimension's values. */
    public record Table(String title, List<String> columns, List<Row> rows) {
    }

    public record QuestionResult(String name, String label, String kind, String role, Table table) {
    }

    public record ChangeRow(String name, String label, String measure, Figure baseline, Figure endline,
            Double difference, Double low, Double high, String display, String suppressed) {
        public static final String PROPORTION = "proportion";
        public static final String MEAN = "mean";
    }

    /**
     * The same figures for one wave, per group of one dimension (a question's name, or "team"), within the filter's
     * group when there is one ("gender:female"; empty otherwise), with each group's change from baseline to endline.
     */
    public record Breakdown(String dimension, String wave, String filter, Table respondents,
            QuestionResult knowledgeScore, List<QuestionResult> questions, List<GroupChanges> changes) {
    }

    /** The baseline → endline changes of one group, suppressed like every figure. */
    public record GroupChanges(String group, List<ChangeRow> changes) {
    }

    /**
     * The group every figure of the view is about ("women only"): its dimension, the group's name in a filter
     * (dimension:group) and its label.
     */
    public record Filter(String dimension, String group, String label) {
    }
}

package org.beacon.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What disclosure control hides of a survey's results, counted over campaign-service's results JSON
 * ({@code /campaigns/api/results/{id}}, read as maps): every figure of every table, how many are hidden ("&lt; k" or
 * "hidden"), how many of those belong to breakdown groups under k, and, in tables whose answer rows add up to those
 * who answered, how many answers sit in hidden cells. Groups pooled into "Other (n groups)" are counted apart: the
 * figures their groups would have had on their own are "not shown separately". One count serves the service's test on
 * the demo surveys and the 1,000,000-response bench, so both report the same measure.
 */
public final class DisclosureLoss {

    /** Tables whose answer rows add up to those who answered: what is hidden in them is known to be missing. */
    static final List<String> ADDITIVE = List.of("single", "likert", "knowledge", "score");
    private static final Pattern POOL = Pattern.compile("^Other \\((\\d+) groups\\)$");

    private int figures;
    private int hidden;
    /** Counts shown as the range they were rounded to ("rounded"): not hidden, not exact either. */
    private int rounded;
    /** Hidden figures of breakdown groups that have fewer than k people in all (everything in them is). */
    private int hiddenInSmallGroups;
    private long answers;
    private long answersHidden;
    /** Figures the groups inside pools would have had on their own ("not shown separately"). */
    private int notSeparate;
    private final List<String> headlinesHidden = new ArrayList<>();
    /** How the mean knowledge score and its change read ("2.95", "3.45 ±0.05", "+0.50 ±0.05 [0.41, 0.59]"). */
    private final List<String> scoreShown = new ArrayList<>();
    /** Which figures are hidden: question / row / column. */
    private final List<String> which = new ArrayList<>();
    /** Hidden figures per table (dimension, question and why), to see where the loss is. */
    private final Map<String, Integer> perTable = new TreeMap<>();
    /** Hidden figures per breakdown column (dimension and group), to see which groups lose most. */
    private final Map<String, Integer> perColumn = new TreeMap<>();

    /**
     * Counts the overall results (the JSON without {@code by}): respondents, every question, the knowledge score and
     * every change; notes the headline figures hidden (the respondents, each knowledge item's correct answers, the
     * mean score, each Likert mean, each change).
     */
    public DisclosureLoss results(Map<String, Object> json) {
        table("", Map.of("table", json.get("respondents")), null, null);
        List<Map<String, Object>> questions = cast(json.get("questions"));
        for (Map<String, Object> question : questions) {
            table("", question, (String) question.get("kind"), null);
            headlines(question);
        }
        if (json.get("knowledgeScore") != null) {
            Map<String, Object> score = cast(json.get("knowledgeScore"));
            table("", score, "score", null);
            headlines(score);
        }
        List<Map<String, Object>> changes = cast(json.get("changes"));
        for (Map<String, Object> change : changes) {
            if ("knowledge_score".equals(change.get("name"))) {
                scoreShown.add("change " + change.get("display"));
            }
            figures++;
            if (change.get("suppressed") != null) {
                hidden++;
                headlinesHidden.add("change of " + change.get("name"));
            }
        }
        return this;
    }

    /** Counts one breakdown (the JSON with {@code by} and {@code wave}): its respondents, questions and score. */
    public DisclosureLoss breakdown(String dimension, Map<String, Object> json) {
        Map<String, Object> breakdown = cast(json.get("breakdown"));
        Map<String, Object> respondents = cast(breakdown.get("respondents"));
        List<Map<String, Object>> rows = cast(respondents.get("rows"));
        List<Map<String, Object>> groups = cast(rows.get(0).get("cells"));
        boolean[] small = new boolean[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            small[g] = "small".equals(groups.get(g).get("suppressed"));
        }
        table(dimension, Map.of("table", respondents), null, small);
        List<Map<String, Object>> questions = cast(breakdown.get("questions"));
        for (Map<String, Object> question : questions) {
            table(dimension, question, (String) question.get("kind"), small);
        }
        if (breakdown.get("knowledgeScore") != null) {
            table(dimension, cast(breakdown.get("knowledgeScore")), "score", small);
        }
        return this;
    }

    public int figures() {
        return figures;
    }

    public int hidden() {
        return hidden;
    }

    public int rounded() {
        return rounded;
    }

    public List<String> headlinesHidden() {
        return List.copyOf(headlinesHidden);
    }

    /** The mean knowledge score of each wave and its change, as the results show them. */
    public List<String> scoreShown() {
        return List.copyOf(scoreShown);
    }

    public List<String> which() {
        return List.copyOf(which);
    }

    public Map<String, Integer> perTable() {
        return Map.copyOf(perTable);
    }

    public Map<String, Integer> perColumn() {
        return Map.copyOf(perColumn);
    }

    /** Both counts together. */
    public static String together(DisclosureLoss a, DisclosureLoss b) {
        return String.format(Locale.ROOT, "%d of %d figures hidden (%.1f %%), %d rounded to a range",
                a.hidden + b.hidden, a.figures + b.figures, 100.0 * (a.hidden + b.hidden) / (a.figures + b.figures),
                a.rounded + b.rounded);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d of %d figures hidden (%.1f %%, %d of them in groups under k), %d rounded "
                + "to a range; %d of %d answers in hidden or rounded cells (%.1f %%); %d figures of pooled groups not "
                + "shown separately (%.1f %% of the %d figures the groups would have had unpooled)", hidden, figures,
                100.0 * hidden / Math.max(1, figures), hiddenInSmallGroups, rounded, answersHidden, answers,
                100.0 * answersHidden / Math.max(1, answers), notSeparate,
                100.0 * notSeparate / Math.max(1, figures + notSeparate), figures + notSeparate);
    }

    private void table(String dimension, Map<String, Object> question, String kind, boolean[] smallGroups) {
        Map<String, Object> table = cast(question.get("table"));
        List<Map<String, Object>> rows = cast(table.get("rows"));
        List<?> columns = (List<?>) table.get("columns");
        // a pool of n groups shows one column (or row) where its groups would have had n
        for (Object column : columns) {
            notSeparate += (pooled(column) - 1) * rows.size();
        }
        for (Map<String, Object> row : rows) {
            notSeparate += (pooled(row.get("label")) - 1) * columns.size();
        }
        Object name = question.getOrDefault("name", "respondents");
        for (Map<String, Object> row : rows) {
            List<Map<String, Object>> cells = cast(row.get("cells"));
            for (int c = 0; c < cells.size(); c++) {
                figures++;
                Object suppressed = cells.get(c).get("suppressed");
                if ("rounded".equals(suppressed)) {
                    rounded++;
                    perTable.merge(dimension + " " + name + " " + suppressed, 1, Integer::sum);
                } else if (suppressed != null) {
                    hidden++;
                    perTable.merge(dimension + " " + name + " " + suppressed, 1, Integer::sum);
                    which.add(name + " / " + row.get("label") + " / " + columns.get(c));
                    if (!dimension.isEmpty()) {
                        perColumn.merge(dimension + " | " + columns.get(c), 1, Integer::sum);
                    }
                    if (smallGroups != null && smallGroups[c]) {
                        hiddenInSmallGroups++;
                    }
                }
            }
        }
        if (kind == null || !ADDITIVE.contains(kind)) {
            return;
        }
        for (int c = 0; c < columns.size(); c++) {
            Long answered = null;
            long shown = 0;
            for (Map<String, Object> row : rows) {
                Map<String, Object> cell = DisclosureLoss.<List<Map<String, Object>>>cast(row.get("cells")).get(c);
                Number n = (Number) cell.get("n");
                if (row.get("type").equals("answered")) {
                    answered = n == null ? null : n.longValue();
                } else if (row.get("type").equals("choice") && n != null) {
                    shown += n.longValue();
                }
            }
            if (answered != null) {
                answers += answered;
                answersHidden += answered - shown;
            }
        }
    }

    /** The respondents, each knowledge item's correct answers, the mean score and each Likert mean. */
    private void headlines(Map<String, Object> question) {
        String kind = (String) question.get("kind");
        Map<String, Object> table = cast(question.get("table"));
        List<Map<String, Object>> rows = cast(table.get("rows"));
        for (Map<String, Object> row : rows) {
            boolean headline = kind.equals("knowledge") && Boolean.TRUE.equals(row.get("correct"))
                    || (kind.equals("likert") || kind.equals("score")) && row.get("type").equals("mean");
            List<Map<String, Object>> cells = cast(row.get("cells"));
            for (int c = 0; c < cells.size(); c++) {
                if (kind.equals("score") && row.get("type").equals("mean")) {
                    scoreShown.add(((List<?>) table.get("columns")).get(c) + " " + cells.get(c).get("display"));
                }
                // a count rounded to a range still shows its share (as a range): not hidden
                if (headline && cells.get(c).get("suppressed") != null
                        && !"rounded".equals(cells.get(c).get("suppressed"))) {
                    headlinesHidden.add(question.get("name") + " / " + row.get("label") + " / "
                            + ((List<?>) table.get("columns")).get(c));
                }
            }
        }
    }

    /** How many groups a label pools ("Other (10 groups)"), 1 for any other label. */
    private static int pooled(Object label) {
        Matcher pool = POOL.matcher(String.valueOf(label));
        return pool.matches() ? Integer.parseInt(pool.group(1)) : 1;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}

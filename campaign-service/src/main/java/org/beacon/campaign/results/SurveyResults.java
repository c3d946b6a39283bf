package org.beacon.campaign.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.results.ResultsView.Breakdown;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.results.ResultsView.GroupChanges;
import org.beacon.campaign.results.ResultsView.QuestionResult;
import org.beacon.campaign.results.ResultsView.Row;
import org.beacon.campaign.results.ResultsView.Table;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * Turns a survey's tally into what evaluators see. Every figure of every wave and dimension is registered with one
 * {@link Disclosure} before anything is shown ({@link FigureRegistry}), so each output hides exactly the same
 * figures; this class builds the tables, breakdowns and changes from the solved problem, each figure as
 * {@link ShownFigures} reads it. Percentages, means and changes are computed only from figures that are shown, so they
 * reveal nothing that is hidden.
 */
public final class SurveyResults {

    /** The form as stored, whose choice names requests use. */
    private final SurveyForm original;
    /** The form with the dimensions' small groups pooled ({@link GroupPooling}); what every figure is of. */
    private final SurveyForm form;
    private final Tally tally;
    private final GroupPooling pooling;
    /** A filtered breakdown's columns, recoded per group of its filter. */
    private final PairPooling pairPooling;
    /** The dimensions over the pooled form. */
    private final List<BreakdownAxis> axes;
    private final String language;
    private final ResultsWording words;
    private final List<Wave> waves = new ArrayList<>();
    private final Map<Dimension, BreakdownAxis> dimensions = new LinkedHashMap<>();
    private final List<ResultItem> items = new ArrayList<>();
    private final Map<String, ResultItem> itemsByQuestion = new LinkedHashMap<>();
    private final ResultItem score;
    /** Registers the figures with the disclosure problem, and knows their counts. */
    private final FigureRegistry figures;
    private final Map<Long, Dimension> backgroundQuestions = new LinkedHashMap<>();
    /** The survey's solved disclosure problem (with the pair's figures when a pair was asked for). */
    private final Disclosure disclosure;
    /** What each figure shows, read from the solved problem. */
    private final ShownFigures published;
    /** The changes from baseline to endline, from what is published. */
    private final ShownChanges shownChanges;
    private final int minCellSize;
    /** The filtered breakdown whose groups were registered besides every dimension's own; null for none. */
    private final Dimension pair;

    public SurveyResults(SurveyForm form, Tally tally, int minCellSize, Collection<Wave> openedWaves,
            String language, ResultsWording words) {
        this(form, tally, minCellSize, openedWaves, language, words, backgroundAxes(form), null,
                SolvedDisclosures.NONE);
    }

    public SurveyResults(SurveyForm form, Tally tally, int minCellSize, Collection<Wave> openedWaves,
            String language, ResultsWording words, List<BreakdownAxis> axes, Dimension pair) {
        this(form, tally, minCellSize, openedWaves, language, words, axes, pair, SolvedDisclosures.NONE);
    }

    /**
     * @param axes the dimensions every output may break results down by: all of them are one disclosure problem
     * @param pair a dimension within one group of another (a filtered breakdown) whose figures are shown too, or null
     * @param solved problems already solved for the same figures, read instead of solving them again
     */
    public SurveyResults(SurveyForm form, Tally tally, int minCellSize, Collection<Wave> openedWaves,
            String language, ResultsWording words, List<BreakdownAxis> axes, Dimension pair,
            SolvedDisclosures solved) {
        this(form, tally, minCellSize, 0, openedWaves, language, words, axes, pair, solved);
    }

    /**
     * @param intervalWidth the narrowest range a hidden count may be bounded to (see {@link Disclosure}), in every
     *        output, filtered breakdowns included; 0 leaves ranges unchecked
     */
    public SurveyResults(SurveyForm form, Tally tally, int minCellSize, int intervalWidth,
            Collection<Wave> openedWaves, String language, ResultsWording words, List<BreakdownAxis> axes,
            Dimension pair, SolvedDisclosures solved) {
        this(form, tally, minCellSize, intervalWidth, intervalWidth, openedWaves, language, words, axes, pair, solved);
    }

    /**
     * @param intervalWidth the interval width of every output but filtered breakdowns
     * @param filteredWidth the interval width of a filtered breakdown's pair of dimensions, whose problem is several
     *        times larger than the survey's and tied to it (see {@link ResultsSettings#filteredIntervalWidth})
     */
    public SurveyResults(SurveyForm form, Tally tally, int minCellSize, int intervalWidth, int filteredWidth,
            Collection<Wave> openedWaves, String language, ResultsWording words, List<BreakdownAxis> axes,
            Dimension pair, SolvedDisclosures solved) {
        this.original = form;
        this.language = language;
        this.words = words;
        this.minCellSize = minCellSize;
        for (Wave wave : Wave.values()) {
            if (openedWaves.contains(wave) || tally.hasWave(wave.code())) {
                waves.add(wave);
            }
        }
        // Groups under k are pooled (or merged into ranges) first: from here on the pool is a group like any other.
        this.pooling = GroupPooling.of(axes, tally, waves, minCellSize);
        this.form = pooling.form(form, words.otherGroups());
        Tally pooled = pooling.tally(tally);
        this.pair = pooling.dimension(form, this.form, pair);
        this.axes = pooling.axes(axes, this.form);
        for (BreakdownAxis axis : this.axes) {
            dimensions.put(axis.dimension(), axis);
            if (!axis.isTeam()) {
                backgroundQuestions.put(axis.question().id(), axis.dimension());
            }
        }
        // A filtered breakdown's columns are recoded per group of the filter, from the people in each cross of two
        // groups; the pools' figures are added to the tally beside their members'.
        this.pairPooling = pair == null ? PairPooling.NONE
                : new FigureRegistry(this.form, pooled, waves, dimensions, List.of(), null, backgroundQuestions,
                        PairPooling.NONE).poolPair(Dimension.of(Math.min(pair.id(), pair.filter())),
                                Dimension.of(Math.max(pair.id(), pair.filter())), minCellSize);
        this.tally = pooled.withPooledPairs(pairPooling.poolOf());
        for (SurveyForm.Question question : this.form.answerable()) {
            ResultItem item = itemOf(question);
            items.add(item);
            itemsByQuestion.put(question.name(), item);
        }
        score = scoreItem();
        figures = new FigureRegistry(this.form, this.tally, waves, dimensions, items, score, backgroundQuestions,
                pairPooling);
        // Breakdowns merge further than the overall results, the knowledge score too (their groups are smaller, and
        // suppression protects what a merge gives away).
        ItemRecoding recoding = new ItemRecoding(figures, waves, backgroundQuestions.keySet(), minCellSize, words);
        items.forEach(recoding::overall);
        List<ResultItem> scored = new ArrayList<>(items);
        if (score != null) {
            scored.add(score);
        }
        recoding.breakdowns(scored, new ArrayList<>(dimensions.keySet()));
        // Everything the solved problem depends on; pooling, recoding and bins follow from the same figures and k, so
        // the problem is named by the form and the figures as read.
        SolvedDisclosures.Problem problem = SolvedDisclosures.Problem.of(form, minCellSize, intervalWidth, waves,
                axes, tally.singleFigures());
        java.util.function.Function<Object, Object> canonical = figures.canonical();
        Disclosure everyOutput = solved.solve(problem,
                () -> figures.solveEveryOutput(new Disclosure(minCellSize, intervalWidth, canonical)));
        if (pair == null) {
            disclosure = everyOutput;
        } else {
            // The pair's figures are protected with every other output's figures fixed, so outputs with and without
            // it cannot be combined. Each pair of dimensions is one problem whichever of the two is the filter.
            Dimension first = Dimension.of(Math.min(pair.id(), pair.filter()));
            Dimension second = Dimension.of(Math.max(pair.id(), pair.filter()));
            disclosure = solved.solve(problem.with(first, second, filteredWidth, tally.pairFigures()),
                    () -> figures.solvePair(everyOutput, first, second, filteredWidth));
        }
        published = new ShownFigures(disclosure, figures, this.tally, items, score, words);
        shownChanges = new ShownChanges(published, disclosure, figures, items, score, waves, words);
    }

    // ---- what the registry knows about the figures ----

    private long n(Object figure) {
        return figures.n(figure);
    }

    private List<Integer> values(int wave, Dimension dimension) {
        return figures.values(wave, dimension);
    }

    private boolean inPairs(ResultItem item) {
        return figures.inPairs(item);
    }

    private boolean scoreInPairs() {
        return figures.scoreInPairs();
    }

    private static Tally.Key respondents(int wave, Dimension dimension, int value) {
        return ResultItem.respondents(wave, dimension, value);
    }

    /** The background questions as dimensions, as results were broken down before managers chose dimensions. */
    private static List<BreakdownAxis> backgroundAxes(SurveyForm form) {
        List<BreakdownAxis> axes = new ArrayList<>();
        for (String role : List.of(SurveyQuestion.AGE_BAND, SurveyQuestion.GENDER, SurveyQuestion.REGION)) {
            form.withRole(role).ifPresent(q -> axes.add(BreakdownAxis.of(q)));
        }
        return axes;
    }

    public List<Wave> waves() {
        return waves;
    }

    /** The dimensions as the figures show them: a pooled group is one group, named and labelled as a pool. */
    public List<BreakdownAxis> axes() {
        return axes;
    }

    public boolean hasDimension(Dimension dimension) {
        return dimensions.containsKey(dimension);
    }

    /**
     * Whether the results have this group of a dimension in some wave (a collection link nobody has answered through
     * has none, see {@link FigureRegistry#values}).
     */
    public boolean hasGroup(Dimension dimension, int value) {
        return waves.stream().anyMatch(wave -> values(wave.code(), dimension).contains(value));
    }

    private ResultItem itemOf(SurveyForm.Question question) {
        // a part-credit option is shown with its credit, never as the correct answer
        List<String> labels = question.choices().stream().map(c -> c.credit() == null
                || !question.kind().equals(SurveyQuestion.KNOWLEDGE) ? c.label(language, form.defaultLanguage())
                : c.label(language, form.defaultLanguage()) + " (" + words.marking().credit().apply(c.credit()) + ")")
                .toList();
        double[] values = null;
        if (question.kind().equals(SurveyQuestion.LIKERT)) {
            values = new double[labels.size()];
            for (int c = 0; c < values.length; c++) {
                // a reverse-worded item counts answer 1 as 5 and 5 as 1, so more agreement reads as a worsening
                values[c] = question.reversed() ? values.length - c : c + 1;
            }
        }
        // a calculation named in the results is stored as a decimal (see V33)
        boolean decimal = question.kind().equals(SurveyQuestion.DECIMAL)
                || question.kind().equals(SurveyQuestion.CALCULATE);
        boolean distributed = decimal || SurveyQuestion.isMoment(question.kind());
        List<List<Integer>> bins = null;
        if (distributed) {
            bins = new ArrayList<>();
            labels = new ArrayList<>();
            Bins.of(question.kind(), tally.choices(question.id()), minCellSize, words, bins, labels);
        }
        String label = question.label(language, form.defaultLanguage());
        if (question.reversed() && question.kind().equals(SurveyQuestion.LIKERT)) {
            label = label + " (" + words.marking().reversedItem() + ")";
        }
        ResultItem item = new ResultItem(question.name(), label, question.kind(),
                question.role(), question.id(), question.required(), labels,
                question.isSingleAnswer() || distributed,
                question.kind().equals(SurveyQuestion.INTEGER) || distributed, values,
                question.answerKey() == null ? 0 : question.answerKey());
        item.conditional = question.conditional();
        item.bins = bins;
        item.credits = question.choices().stream().mapToInt(c -> question.credit(c.position())).toArray();
        item.scale = decimal ? Bins.DECIMAL_SCALE : 1;
        return item;
    }

    private ResultItem scoreItem() {
        List<SurveyForm.Question> knowledge = form.knowledgeItems();
        if (knowledge.isEmpty()) {
            return null;
        }
        // scores are stored in the survey's score unit: whole points, or halves or quarters with part credit
        int unit = form.scoreUnit();
        int classes = knowledge.size() * SurveyForm.FULL_CREDIT / unit;
        List<String> labels = new ArrayList<>();
        double[] values = new double[classes + 1];
        for (int s = 0; s <= classes; s++) {
            BigDecimal points = BigDecimal.valueOf((long) s * unit, 2);
            labels.add(words.text().plain(points.stripTrailingZeros()) + " / " + words.text().count(knowledge.size()));
            values[s] = points.doubleValue();
        }
        // A score exists for everyone who answered at least one knowledge item: one required item scores everyone.
        boolean everyoneScored = knowledge.stream().anyMatch(SurveyForm.Question::required);
        return new ResultItem("knowledge_score", words.knowledgeScore(), "score", null, Tally.KNOWLEDGE_SCORE,
                everyoneScored, labels, true, false, values, 0);
    }

    /** The solved disclosure problem every output of these results reads: for audits of what they publish. */
    Disclosure disclosure() {
        return disclosure;
    }

    // ---- tables ----

    private record Column(int wave, Dimension dimension, int value) {
    }

    /**
     * @param groups the dimension whose groups the table shows: its rows are those of that dimension's tables, in
     *        every column (a breakdown's total column too)
     */
    private Table table(ResultItem item, Dimension groups, String title, List<String> headers,
            List<Column> columns) {
        ResultItem shown = item.in(groups);
        List<Row> rows = new ArrayList<>();
        for (int c = 1; c <= shown.choices(); c++) {
            List<Figure> cells = new ArrayList<>();
            // a row of mentions has no share of the group: one person may count in it several times
            boolean mentioned = ItemRecoding.mentions(item) && shown.classesOf(c).size() > 1;
            boolean correct = item.correct > 0 && shown.classesOf(c).equals(List.of(item.correct));
            for (Column column : columns) {
                cells.add(correct && item.kind.equals(SurveyQuestion.KNOWLEDGE)
                        ? published.rightAnswers(shown, column.wave(), column.dimension(), column.value())
                        : published.count(shown.choice(column.wave(), c, column.dimension(), column.value()),
                                mentioned ? null : item.base(column.wave(), column.dimension(), column.value())));
            }
            rows.add(new Row(shown.choiceLabels.get(c - 1), Row.CHOICE, correct, cells));
        }
        rows.add(new Row(words.answered(), Row.ANSWERED, false, columns.stream()
                .map(column -> published.count(item.base(column.wave(), column.dimension(), column.value()), null))
                .toList()));
        if (item.conditional) {
            // the answered share of a conditional question is over those who were asked it
            List<Figure> answered = new ArrayList<>();
            List<Figure> asked = new ArrayList<>();
            for (Column column : columns) {
                Object askedKey = item.asked(column.wave(), column.dimension(), column.value());
                answered.add(published.count(item.base(column.wave(), column.dimension(), column.value()), askedKey));
                asked.add(published.count(askedKey, null));
            }
            rows.set(rows.size() - 1, new Row(words.answered(), Row.ANSWERED, false, answered));
            rows.add(rows.size() - 1, new Row(words.rows().asked(), Row.ASKED, false, asked));
        }
        if (item.values != null || item.integer) {
            rows.add(new Row(item == score ? words.meanScore() : item.bins != null ? words.rows().mean()
                    : item.integer ? words.mean().replace(" (1-5)", "") : words.mean(), Row.MEAN, false,
                    columns.stream()
                            .map(column -> published.mean(item, column.wave(), column.dimension(), column.value()))
                            .toList()));
        }
        if (item.bins != null) {
            rows.add(new Row(words.rows().lowest(), Row.LOWEST, false, columns.stream()
                    .map(column -> published.extreme(item, column.wave(), column.dimension(), column.value(), true))
                    .toList()));
            rows.add(new Row(words.rows().highest(), Row.HIGHEST, false, columns.stream()
                    .map(column -> published.extreme(item, column.wave(), column.dimension(), column.value(), false))
                    .toList()));
        }
        return new Table(title, headers, rows);
    }

    private QuestionResult overall(ResultItem item, Dimension group, int value) {
        List<Column> columns = waves.stream().map(w -> new Column(w.code(), group, value)).toList();
        List<String> headers = waves.stream().map(words::wave).toList();
        return new QuestionResult(item.name, item.label, item.kind, item.role,
                table(item, group, item.label, headers, columns));
    }

    private List<Column> breakdownColumns(Wave wave, Dimension dimension) {
        List<Column> columns = new ArrayList<>();
        for (int value : figures.columns(wave.code(), dimension)) {
            columns.add(new Column(wave.code(), dimension, value));
        }
        columns.add(new Column(wave.code(), dimension.parent(), dimension.parentValue()));
        return columns;
    }

    /** The name of a dimension's group as the page shows it. */
    private String groupLabel(Dimension dimension, int value) {
        if (value >= PairPooling.POOLED_FROM) {
            List<Integer> members = pairPooling.members(dimension, value);
            return pairPooling.isRange(dimension, value)
                    ? Recoding.range(groupLabel(dimension, members.get(0)),
                            groupLabel(dimension, members.get(members.size() - 1)))
                    : words.otherGroups().apply(members.size());
        }
        BreakdownAxis axis = dimensions.get(dimension.unfiltered());
        String label = axis.label(value, language, form.defaultLanguage());
        return label != null ? label : axis.isTeam() ? words.withoutLink() : words.notStated();
    }

    private List<String> breakdownHeaders(Wave wave, Dimension dimension) {
        List<String> headers = new ArrayList<>();
        for (int value : figures.columns(wave.code(), dimension)) {
            headers.add(groupLabel(dimension, value));
        }
        headers.add(dimension.isFiltered() ? groupLabel(dimension.parent(), dimension.parentValue()) : words.all());
        return headers;
    }

    private Table respondentsTable(List<String> headers, List<Column> columns) {
        return new Table(words.respondents(), headers, List.of(new Row(words.respondents(), Row.ANSWERED, false,
                columns.stream().map(c -> published.count(respondents(c.wave(), c.dimension(), c.value()), null))
                        .toList())));
    }

    /** A question that forms the groups is left out of their tables: broken down by itself it is its own diagonal. */
    private static boolean formsGroups(ResultItem item, Dimension dimension) {
        return item.question == dimension.id() || item.question == dimension.filter();
    }

    public Breakdown breakdown(Dimension dimension, Wave wave) {
        if (dimension.isFiltered() && !dimension.equals(pair) && !dimension.equals(mirror(pair))) {
            throw new IllegalStateException("Results were computed without the groups of " + dimension);
        }
        List<Column> columns = breakdownColumns(wave, dimension);
        List<String> headers = breakdownHeaders(wave, dimension);
        List<QuestionResult> questions = items.stream().filter(item -> !formsGroups(item, dimension))
                .filter(item -> !dimension.isFiltered() || inPairs(item))
                .map(item -> new QuestionResult(item.name, item.label, item.kind, item.role,
                        table(item, dimension, item.label, headers, columns)))
                .toList();
        QuestionResult knowledge = score == null || dimension.isFiltered() && !scoreInPairs() ? null
                : new QuestionResult(score.name, score.label, score.kind, null,
                        table(score, dimension, score.label, headers, columns));
        List<GroupChanges> changes = new ArrayList<>();
        if (waves.contains(Wave.BASELINE) && waves.contains(Wave.ENDLINE)) {
            for (int value : figures.columns(Wave.ENDLINE.code(), dimension)) {
                changes.add(new GroupChanges(groupLabel(dimension, value), shownChanges.of(dimension, value).stream()
                        .filter(change -> itemsByQuestion.get(change.name()) == null
                                || !formsGroups(itemsByQuestion.get(change.name()), dimension))
                        .toList()));
            }
        }
        BreakdownAxis axis = dimensions.get(dimension.unfiltered());
        return new Breakdown(axis.id(), wave.id(), filterName(dimension), respondentsTable(headers, columns),
                knowledge, questions, changes);
    }

    /** "gender:female" for a dimension within a group of gender; empty when not filtered. */
    private String filterName(Dimension dimension) {
        if (!dimension.isFiltered()) {
            return "";
        }
        BreakdownAxis filter = dimensions.get(dimension.parent());
        return filter.id() + ":" + (dimension.parentValue() == 0 ? "" : filter.valueName(dimension.parentValue()));
    }

    private static Dimension mirror(Dimension pair) {
        return pair == null ? null : Dimension.of(pair.filter()).within(pair.unfiltered(), pair.filterValue());
    }

    /** Every breakdown this survey has, for exports; with a filtered breakdown's groups, that one too. */
    public List<Breakdown> breakdowns() {
        List<Breakdown> all = new ArrayList<>();
        for (Wave wave : waves) {
            for (Dimension dimension : dimensions.keySet()) {
                all.add(breakdown(dimension, wave));
            }
        }
        if (pair != null) {
            for (Wave wave : waves) {
                all.add(breakdown(pair, wave));
            }
        }
        return all;
    }

    // ---- the whole view ----

    public ResultsView view(String campaign, Dimension by, Wave breakdownWave) {
        return view(campaign, by, breakdownWave, null, 0);
    }

    /**
     * @param filter when not null, every figure is of the group whose filter is filterValue ("women only"), and the
     *        breakdown is within that group
     */
    public ResultsView view(String campaign, Dimension by, Wave breakdownWave, Dimension filter, int filterValue) {
        Dimension group = filter == null ? Dimension.ALL : filter;
        // a request names groups as the form does; a group shown only inside a pool is refused here
        int groupValue = filter == null ? 0 : pooling.value(original, form, filter, filterValue);
        if (filter != null && !hasGroup(filter, groupValue)) {
            throw ProblemException.badRequest(Reason.of("results.empty-group", groupLabel(filter, groupValue)));
        }
        List<Column> columns = waves.stream().map(w -> new Column(w.code(), group, groupValue)).toList();
        List<String> headers = waves.stream().map(words::wave).toList();
        String reach = form.withRole(SurveyQuestion.CHANNEL).map(SurveyForm.Question::name).orElse(null);
        Breakdown breakdown = by != null && breakdownWave != null && dimensions.containsKey(by)
                && waves.contains(breakdownWave)
                        ? breakdown(filter == null ? by : by.within(filter, groupValue), breakdownWave)
                        : null;
        ResultsView.Filter shownFilter = filter == null ? null
                : new ResultsView.Filter(dimensions.get(filter).id(), dimensions.get(filter).valueName(groupValue),
                        groupLabel(filter, groupValue));
        return new ResultsView(form.id(), form.title(), campaign, language, disclosure.k(), disclosure.width(),
                disclosure.leftNarrow().size(), waves.stream().map(Wave::id).toList(), respondentsTable(headers, columns),
                items.stream().map(item -> overall(item, group, groupValue)).toList(),
                score == null ? null : overall(score, group, groupValue), shownChanges.of(group, groupValue), reach,
                breakdown, shownFilter);
    }

}

package org.beacon.campaign.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.beacon.campaign.results.ResultsView.Breakdown;
import org.beacon.campaign.results.ResultsView.ChangeRow;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.results.ResultsView.GroupChanges;
import org.beacon.campaign.results.ResultsView.QuestionResult;
import org.beacon.campaign.results.ResultsView.Row;
import org.beacon.campaign.results.ResultsView.Table;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;

/**
 * Turns a survey's tally into what evaluators see. Every figure of every wave and dimension is registered with one
 * {@link Disclosure} before anything is shown, so each output hides exactly the same figures; percentages, means and
 * changes are computed only from figures that are shown, so they reveal nothing that is hidden.
 */
public final class SurveyResults {

    /** The sum of an integer question's numbers for a group: hidden with the group, protected like a count. */
    private record SumKey(Tally.Key key) {
    }

    /**
     * Those of a group who were asked a conditional question: the respondents less those it was not asked (its
     * relevance was false for them).
     */
    private record AskedKey(int wave, long question, Dimension dimension, int value) {
    }

    /** One bin of a decimal or date question's distribution: the sum of the rollup's finer bins it spans. */
    private record BinKey(int wave, long question, int bin, Dimension dimension, int value) {
    }

    /** One row of a recoded item that merges several classes (see {@link Recoding}): the sum of their counts. */
    private record MergedKey(int wave, long question, int row, Dimension dimension, int value) {
    }

    /** Words of the rows this class adds for logic forms; English until the page's message bundle has them. */
    static final String ASKED = "Asked";
    static final String LOWEST = "Lowest";
    static final String HIGHEST = "Highest";
    static final String MEAN = "Mean";

    /**
     * A count of respondents named by what they stated on background questions (a choice position, 0 for not
     * stated, {@link #ANSWERED} for any choice). It is the canonical form of every key that counts the same people:
     * "women" as a group, as an answer to the gender question and as that answer's overall row; "women in region 2"
     * in the gender table by region and in the region table by gender.
     */
    private record Cell(int wave, Map<Dimension, Integer> stated) {
    }

    private static final int ANSWERED = -1;

    /** A count that is zero by definition (women among men), which everyone knows without being told. */
    private enum Known {
        ZERO
    }

    /** Something with a row per choice: a question, or the knowledge score. */
    private final class Item {
        final String name;
        final String label;
        final String kind;
        final String role;
        final long question;
        final boolean required;
        /** The rows' labels: the classes' own until {@link #recode} merges some. */
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

        Item(String name, String label, String kind, String role, long question, boolean required,
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
                    : new MergedKey(wave, question, choice, dimension, value);
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

        Tally.Key notAsked(int wave, Dimension dimension, int value) {
            return new Tally.Key(wave, question, Tally.NOT_ASKED, dimension, value);
        }

        boolean isDate() {
            return kind.equals(SurveyQuestion.DATE);
        }

        SumKey sum(int wave, Dimension dimension, int value) {
            return new SumKey(new Tally.Key(wave, question, 0, dimension, value));
        }
    }

    private final SurveyForm form;
    private final Tally tally;
    private final String language;
    private final ResultsWording words;
    private final List<Wave> waves = new ArrayList<>();
    private final Map<Dimension, BreakdownAxis> dimensions = new LinkedHashMap<>();
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Item> itemsByQuestion = new LinkedHashMap<>();
    private final Map<Long, Item> itemsById = new LinkedHashMap<>();
    private final Item score;
    private final Map<Long, Dimension> backgroundQuestions = new LinkedHashMap<>();
    /** The survey's solved disclosure problem (with the pair's figures when a pair was asked for). */
    private Disclosure disclosure;
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
        this.form = form;
        this.tally = tally;
        this.language = language;
        this.words = words;
        this.minCellSize = minCellSize;
        this.pair = pair;
        for (Wave wave : Wave.values()) {
            if (openedWaves.contains(wave) || tally.hasWave(wave.code())) {
                waves.add(wave);
            }
        }
        for (BreakdownAxis axis : axes) {
            dimensions.put(axis.dimension(), axis);
            if (!axis.isTeam()) {
                backgroundQuestions.put(axis.question().id(), axis.dimension());
            }
        }
        for (SurveyForm.Question question : form.answerable()) {
            Item item = itemOf(question);
            items.add(item);
            itemsByQuestion.put(question.name(), item);
            itemsById.put(question.id(), item);
        }
        score = scoreItem();
        // The knowledge score is not recoded: each class is tied to the knowledge items' shown correct answers
        // (scores weighted by their value add up to them), which would tell how a merged range splits.
        items.forEach(this::recode);
        // Everything the solved problem depends on; recoding and bins follow from the same figures and k.
        SolvedDisclosures.Problem problem = SolvedDisclosures.Problem.of(form, minCellSize, waves, axes,
                tally.singleFigures());
        Map<Long, Dimension> background = Map.copyOf(backgroundQuestions);
        Function<Object, Object> canonical = key -> canonical(background, key);
        Disclosure everyOutput = solved.solve(problem, () -> {
            disclosure = new Disclosure(minCellSize, canonical);
            disclosure.known(Known.ZERO, 0);
            registerAll(new ArrayList<>(dimensions.keySet()), true);
            disclosure.protect();
            return disclosure;
        });
        if (pair == null) {
            disclosure = everyOutput;
            return;
        }
        // The pair's figures are protected with every other output's figures fixed: what the page, JSON and CSV
        // show without this pair stays exactly as it is, so outputs with and without it cannot be combined. Each
        // pair of dimensions is one problem whichever of the two is the filter: its groups are registered in the
        // same order either way.
        Dimension first = Dimension.of(Math.min(pair.id(), pair.filter()));
        Dimension second = Dimension.of(Math.max(pair.id(), pair.filter()));
        disclosure = solved.solve(problem.with(first, second, tally.pairFigures()), () -> {
            disclosure = everyOutput.copy();
            disclosure.freeze();
            List<Dimension> groups = new ArrayList<>();
            for (Wave wave : waves) {
                for (int value : values(wave.code(), first)) {
                    Dimension within = second.within(first, value);
                    if (!groups.contains(within)) {
                        groups.add(within);
                    }
                }
                for (int value : values(wave.code(), second)) {
                    Dimension within = first.within(second, value);
                    if (!groups.contains(within)) {
                        groups.add(within);
                    }
                }
            }
            registerAll(groups, false);
            disclosure.protect();
            return disclosure;
        });
    }

    /** The background questions as dimensions, as results were broken down before managers chose dimensions. */
    private static List<BreakdownAxis> backgroundAxes(SurveyForm form) {
        List<BreakdownAxis> axes = new ArrayList<>();
        for (String role : List.of(SurveyQuestion.AGE_BAND, SurveyQuestion.GENDER, SurveyQuestion.REGION)) {
            form.withRole(role).ifPresent(q -> axes.add(BreakdownAxis.of(q)));
        }
        return axes;
    }

    /**
     * Every figure of every wave for these dimensions (and everyone), and the sums that relate them. A pair's groups
     * (everyone = false) leave out the questions that are dimensions themselves: their answers in a pair's group are
     * groups of three dimensions, which three different pairs would show, each protected on its own.
     */
    private void registerAll(List<Dimension> groups, boolean everyone) {
        for (Wave wave : waves) {
            registerRespondents(wave.code(), groups, everyone);
            for (Item item : items) {
                if (everyone || inPairs(item)) {
                    register(item, wave.code(), groups, everyone);
                }
            }
            if (everyone) {
                registerNotStated(wave.code(), groups, everyone);
            }
            if (score != null && (everyone || scoreInPairs())) {
                register(score, wave.code(), groups, everyone);
                registerScore(wave.code(), groups, everyone);
            }
        }
    }

    /** Whether a pair's groups show this item: any question that is not a dimension. */
    private boolean inPairs(Item item) {
        return !backgroundQuestions.containsKey(item.question);
    }

    /** The knowledge score is tied to its items' correct answers: a pair shows it only if it shows them all. */
    private boolean scoreInPairs() {
        return items.stream().filter(item -> item.kind.equals(SurveyQuestion.KNOWLEDGE)).allMatch(this::inPairs);
    }

    /** Everyone (when asked for) and the dimensions' groups. */
    private static List<Dimension> withEveryone(List<Dimension> groups, boolean everyone) {
        List<Dimension> all = new ArrayList<>();
        if (everyone) {
            all.add(Dimension.ALL);
        }
        all.addAll(groups);
        return all;
    }

    public List<Wave> waves() {
        return waves;
    }

    public boolean hasDimension(Dimension dimension) {
        return dimensions.containsKey(dimension);
    }

    private Item itemOf(SurveyForm.Question question) {
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
        boolean distributed = decimal || question.kind().equals(SurveyQuestion.DATE);
        List<List<Integer>> bins = null;
        if (distributed) {
            bins = new ArrayList<>();
            labels = new ArrayList<>();
            Bins.of(question.kind(), tally.choices(question.id()), minCellSize, bins, labels);
        }
        String label = question.label(language, form.defaultLanguage());
        if (question.reversed() && question.kind().equals(SurveyQuestion.LIKERT)) {
            label = label + " (" + words.marking().reversedItem() + ")";
        }
        Item item = new Item(question.name(), label, question.kind(),
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

    private Item scoreItem() {
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
        return new Item("knowledge_score", words.knowledgeScore(), "score", null, Tally.KNOWLEDGE_SCORE,
                everyoneScored, labels, true, false, values, 0);
    }

    // ---- registration: every figure of every wave and dimension, and the sums that relate them ----

    /** The figure a key stands for: background counts become {@link Cell}s, everything else is its own figure. */
    private static Object canonical(Map<Long, Dimension> backgroundQuestions, Object key) {
        if (key instanceof AskedKey asked && asked.dimension().isFiltered()) {
            Tally.Key normal = normal(respondents(asked.wave(), asked.dimension(), asked.value()));
            return new AskedKey(asked.wave(), asked.question(), normal.dimension(), normal.value());
        }
        if (key instanceof BinKey bin && bin.dimension().isFiltered()) {
            Tally.Key normal = normal(respondents(bin.wave(), bin.dimension(), bin.value()));
            return new BinKey(bin.wave(), bin.question(), bin.bin(), normal.dimension(), normal.value());
        }
        if (key instanceof SumKey sum) {
            return new SumKey(normal(sum.key()));
        }
        if (!(key instanceof Tally.Key tallyKey)) {
            return key;
        }
        Map<Dimension, Integer> stated = new HashMap<>();
        if (tallyKey.question() != Tally.RESPONDENTS) {
            Dimension own = backgroundQuestions.get(tallyKey.question());
            if (own == null) {
                return normal(tallyKey);
            }
            stated.put(own, tallyKey.choice() == 0 ? ANSWERED : tallyKey.choice());
        }
        for (Map.Entry<Dimension, Integer> group : statements(tallyKey.dimension(), tallyKey.value()).entrySet()) {
            Integer own = stated.get(group.getKey());
            if (own != null && own != ANSWERED && own != group.getValue().intValue()
                    || own != null && own == ANSWERED && group.getValue() == 0) {
                return Known.ZERO;
            }
            stated.put(group.getKey(), group.getValue());
        }
        return new Cell(tallyKey.wave(), Map.copyOf(stated));
    }

    /** What a group states: nothing for everyone, one dimension's value, or its filter's value too. */
    private static Map<Dimension, Integer> statements(Dimension dimension, int value) {
        if (dimension.equals(Dimension.ALL)) {
            return Map.of();
        }
        if (!dimension.isFiltered()) {
            return Map.of(dimension, value);
        }
        return Map.of(dimension.parent(), dimension.parentValue(), dimension.unfiltered(), value);
    }

    /** One name for a pair's group whichever of its two dimensions is the filter (the larger id filters). */
    private static Tally.Key normal(Tally.Key key) {
        Dimension d = key.dimension();
        if (!d.isFiltered() || d.filter() > d.id()) {
            return key;
        }
        return new Tally.Key(key.wave(), key.question(), key.choice(), Dimension.of(d.filter()).within(d, key.value()),
                d.filterValue());
    }

    private static Tally.Key respondents(int wave, Dimension dimension, int value) {
        return new Tally.Key(wave, Tally.RESPONDENTS, 0, dimension, value);
    }

    /**
     * Values of a dimension in a wave, "not stated" (0) last. An optional background question always has its "not
     * stated" group, even when empty: a group that appeared only when someone is in it would tell by its absence
     * that the answered count is the respondent count.
     */
    private List<Integer> values(int wave, Dimension dimension) {
        if (dimension.equals(Dimension.ALL)) {
            return List.of(0);
        }
        Dimension unfiltered = dimension.unfiltered();
        return dimensions.get(unfiltered).values(tally.n(wave, Tally.RESPONDENTS, 0, unfiltered, 0) > 0);
    }

    private long n(Object figure) {
        if (figure instanceof AskedKey asked) {
            return n(respondents(asked.wave(), asked.dimension(), asked.value()))
                    - tally.n(asked.wave(), asked.question(), Tally.NOT_ASKED, asked.dimension(), asked.value());
        }
        if (figure instanceof MergedKey merged) {
            Item item = itemsById.get(merged.question());
            long n = 0;
            for (int c : item.classesOf(merged.row())) {
                n += n(item.classKey(merged.wave(), c, merged.dimension(), merged.value()));
            }
            return n;
        }
        if (figure instanceof BinKey bin) {
            long n = 0;
            for (int choice : itemsById.get(bin.question()).bins.get(bin.bin() - 1)) {
                n += tally.n(bin.wave(), bin.question(), choice, bin.dimension(), bin.value());
            }
            return n;
        }
        Tally.Key key = (Tally.Key) figure;
        if (key.question() == Tally.KNOWLEDGE_SCORE && key.choice() == 0) {
            long scored = 0;
            for (int s = 1; s <= score.classes(); s++) {
                scored += tally.n(key.wave(), key.question(), s, key.dimension(), key.value());
            }
            return scored;
        }
        return tally.get(key).n();
    }

    private void registerRespondents(int wave, List<Dimension> groups, boolean everyone) {
        if (everyone) {
            disclosure.count(respondents(wave, Dimension.ALL, 0), n(respondents(wave, Dimension.ALL, 0)));
        }
        for (Dimension dimension : groups) {
            List<Tally.Key> members = new ArrayList<>();
            for (int value : values(wave, dimension)) {
                Tally.Key key = respondents(wave, dimension, value);
                disclosure.count(key, n(key));
                members.add(key);
            }
            disclosure.line(members, respondents(wave, dimension.parent(), dimension.parentValue()));
        }
    }

    private void register(Item item, int wave, List<Dimension> groups, boolean everyone) {
        for (Dimension dimension : withEveryone(groups, everyone)) {
            for (int value : values(wave, dimension)) {
                if (item.conditional) {
                    // asked + not asked = respondents; the not-asked count is never shown but must stay hidden
                    // whenever it would give away a hidden figure
                    Object asked = item.asked(wave, dimension, value);
                    Tally.Key notAsked = item.notAsked(wave, dimension, value);
                    disclosure.count(asked, n(asked));
                    disclosure.count(notAsked, n(notAsked));
                    disclosure.line(List.of(asked, notAsked), respondents(wave, dimension, value));
                }
                Object base = item.base(wave, dimension, value);
                disclosure.count(base, n(base));
                List<Object> column = new ArrayList<>();
                for (int c = 1; c <= item.choices(); c++) {
                    Object key = item.choice(wave, c, dimension, value);
                    disclosure.count(key, n(key));
                    column.add(key);
                    registerMerged(item, key, c, wave, dimension, value);
                }
                if (item.additive && !column.isEmpty()) {
                    disclosure.line(column, base);
                }
                if (item.integer) {
                    disclosure.derived(item.sum(wave, dimension, value), n(base), List.of(base));
                }
            }
        }
        for (Dimension dimension : groups) {
            List<Integer> values = values(wave, dimension);
            Dimension parent = dimension.parent();
            int parentValue = dimension.parentValue();
            if (item.conditional) {
                disclosure.line(values.stream().map(v -> item.asked(wave, dimension, v)).toList(),
                        item.asked(wave, parent, parentValue));
            }
            for (int c = 0; c <= item.choices(); c++) {
                final int choice = c;
                List<Object> members = values.stream()
                        .map(v -> choice == 0 ? item.base(wave, dimension, v) : item.choice(wave, choice, dimension, v))
                        .toList();
                disclosure.line(members, choice == 0 ? item.base(wave, parent, parentValue)
                        : item.choice(wave, choice, parent, parentValue));
            }
            if (item.integer) {
                disclosure.line(values.stream().map(v -> item.sum(wave, dimension, v)).toList(),
                        item.sum(wave, parent, parentValue));
            }
            if (item.rows != null) {
                for (int c = 1; c <= item.classes(); c++) {
                    final int merged = c;
                    disclosure.line(values.stream().map(v -> item.classKey(wave, merged, dimension, v)).toList(),
                            item.classKey(wave, merged, parent, parentValue));
                }
            }
        }
    }

    /** The classes a merged row adds up: never shown, but tied to it (and, for scores, to the correct answers). */
    private void registerMerged(Item item, Object row, int c, int wave, Dimension dimension, int value) {
        if (row instanceof MergedKey) {
            List<Object> classes = item.classesOf(c).stream()
                    .map(member -> item.classKey(wave, member, dimension, value)).toList();
            classes.forEach(member -> disclosure.withheld(member, n(member)));
            disclosure.line(classes, row);
        }
    }

    /**
     * Recodes an item before anything is registered, from the counts of everyone in each wave: ordered classes
     * (Likert points, bins) are merged into ranges, other single answers under k pooled into "other". Background
     * questions keep their classes: they are the groups of the breakdowns.
     */
    private void recode(Item item) {
        boolean ordered = item.kind.equals(SurveyQuestion.LIKERT) || item.bins != null;
        if (backgroundQuestions.containsKey(item.question) || !ordered && !item.additive || item.choices() < 2) {
            return;
        }
        List<long[]> counts = new ArrayList<>();
        for (Wave wave : waves) {
            long[] classes = new long[item.choices()];
            for (int c = 1; c <= classes.length; c++) {
                classes[c - 1] = n(item.classKey(wave.code(), c, Dimension.ALL, 0));
            }
            counts.add(classes);
        }
        List<List<Integer>> rows = ordered ? Recoding.ordered(counts, minCellSize, item.choices())
                : Recoding.pooled(counts, minCellSize, item.choices(), item.correct - 1);
        if (rows.size() == item.choices()) {
            return;
        }
        List<String> labels = new ArrayList<>();
        for (List<Integer> row : rows) {
            List<String> members = row.stream().map(item.choiceLabels::get).toList();
            labels.add(members.size() == 1 ? members.get(0)
                    : ordered ? Recoding.range(members.get(0), members.get(members.size() - 1))
                            : words.other() + " (" + String.join("; ", members) + ")");
        }
        item.classLabels = item.choiceLabels;
        item.choiceLabels = labels;
        item.rows = rows.stream().map(row -> row.stream().map(c -> c + 1).toList()).toList();
    }

    /**
     * Those who answered an optional background question and those who did not state it add up to the respondents,
     * overall and in every group of another dimension. Both are shown (the "Answered" row and the "not stated"
     * group), so the sum is a relation like any other.
     */
    private void registerNotStated(int wave, List<Dimension> groups, boolean everyone) {
        for (Map.Entry<Dimension, BreakdownAxis> background : dimensions.entrySet()) {
            Dimension own = background.getKey();
            if (background.getValue().isTeam() || !values(wave, own).contains(0)) {
                continue;
            }
            Item item = itemsById.get(background.getValue().question().id());
            for (Dimension dimension : withEveryone(groups, everyone)) {
                if (dimension.id() == own.id() || dimension.filter() == own.id()) {
                    continue;
                }
                for (int value : values(wave, dimension)) {
                    Object answered = item.base(wave, dimension, value);
                    Tally.Key everyoneInGroup = respondents(wave, dimension, value);
                    Map<Dimension, Integer> stated = new HashMap<>(statements(dimension, value));
                    stated.put(own, 0);
                    Cell notStated = new Cell(wave, Map.copyOf(stated));
                    disclosure.count(notStated, n(everyoneInGroup) - n(answered));
                    disclosure.line(List.of(answered, notStated), everyoneInGroup);
                }
            }
        }
    }

    /**
     * Each respondent's score is the credit their answers earn, counted in the survey's score unit
     * ({@link SurveyForm#scoreUnit()}), so in every group the scores weighted by their value add up to the knowledge
     * items' counts weighted by their credit; with a single item, those scored are those who answered it. Without these relations a score count could give away a hidden correct count, or the reverse.
     */
    private void registerScore(int wave, List<Dimension> groups, boolean everyone) {
        List<Item> knowledge = items.stream().filter(item -> item.kind.equals(SurveyQuestion.KNOWLEDGE)).toList();
        int unit = form.scoreUnit();
        for (Dimension dimension : withEveryone(groups, everyone)) {
            for (int value : values(wave, dimension)) {
                Map<Object, Integer> terms = new LinkedHashMap<>();
                // (knowledge items are choice questions: their choice keys are rollup keys)
                for (int c = 2; c <= score.classes(); c++) {
                    terms.merge(score.classKey(wave, c, dimension, value), c - 1, Integer::sum);
                }
                for (Item item : knowledge) {
                    // each answer adds its credit, in score units, to the score of whoever gave it (counted per
                    // class: recoding may show a part-credit answer pooled with others)
                    for (int c = 1; c <= item.classes(); c++) {
                        int units = item.credits[c - 1] / unit;
                        if (units > 0) {
                            terms.merge(item.classKey(wave, c, dimension, value), -units, Integer::sum);
                        }
                    }
                }
                disclosure.relation(terms);
                if (knowledge.size() == 1) {
                    disclosure.line(List.of(score.base(wave, dimension, value)),
                            knowledge.get(0).base(wave, dimension, value));
                }
            }
        }
    }

    // ---- figures ----

    private Figure hidden(Object key) {
        return disclosure.state(key) == Disclosure.State.SMALL
                ? new Figure(null, null, null, "< " + words.text().count(disclosure.k()), Figure.SMALL)
                : new Figure(null, null, null, words.hidden(), Figure.PROTECTING);
    }

    private Figure count(Object key, Object base) {
        if (disclosure.isHidden(key)) {
            return hidden(key);
        }
        long n = n(key);
        Double percent = null;
        if (base != null && !disclosure.isHidden(base) && n(base) > 0) {
            percent = round(100.0 * n / n(base), 1);
        }
        return new Figure(n, percent, null, percent == null ? words.text().count(n) : words.text().countAndPercent(n, percent),
                null);
    }

    /** Count, sum and sum of squares of a group, or null when any figure behind them is hidden. */
    private Change.Moments moments(Item item, int wave, Dimension dimension, int value) {
        Object base = item.base(wave, dimension, value);
        if (item.integer) {
            SumKey sum = item.sum(wave, dimension, value);
            if (disclosure.isHidden(sum) || disclosure.isHidden(base)) {
                return null;
            }
            Tally.Sums sums = tally.get(sum.key());
            // decimals are summed in thousandths: exact in the database, scaled back only here
            double scale = item.scale;
            return new Change.Moments(sums.n(), sums.total() / scale, sums.totalSquares() / (scale * scale));
        }
        Spread spread = spread(item, wave, dimension, value);
        return spread == null || !spread.exact() ? null : spread.middle();
    }

    /**
     * What the shown figures say about a group's answers to an item with values: the lowest and highest sums of
     * values they allow (each answer of a merged row, and the answers of hidden rows, at either end of their
     * classes) and moments with those answers spread evenly over their classes. Null when the answered count is
     * hidden. Only shown figures go in, so nothing computed from it reveals a hidden one.
     */
    private Spread spread(Item item, int wave, Dimension dimension, int value) {
        Object base = item.base(wave, dimension, value);
        if (disclosure.isHidden(base)) {
            return null;
        }
        long n = n(base);
        long shown = 0;
        double low = 0;
        double high = 0;
        double sum = 0;
        double squares = 0;
        List<Integer> hiddenClasses = new ArrayList<>();
        for (int c = 1; c <= item.choices(); c++) {
            List<Integer> classes = item.classesOf(c);
            Object key = item.choice(wave, c, dimension, value);
            if (disclosure.isHidden(key)) {
                hiddenClasses.addAll(classes);
                continue;
            }
            long count = n(key);
            shown += count;
            low += count * item.values[classes.get(0) - 1];
            high += count * item.values[classes.get(classes.size() - 1) - 1];
            for (int member : classes) {
                double v = item.values[member - 1];
                sum += v * count / classes.size();
                squares += v * v * count / classes.size();
            }
        }
        long unseen = n - shown;
        if (unseen > 0) {
            double lowest = hiddenClasses.stream().mapToDouble(member -> item.values[member - 1]).min().orElseThrow();
            double highest = hiddenClasses.stream().mapToDouble(member -> item.values[member - 1]).max().orElseThrow();
            low += unseen * lowest;
            high += unseen * highest;
            for (int member : hiddenClasses) {
                double v = item.values[member - 1];
                sum += v * unseen / hiddenClasses.size();
                squares += v * v * unseen / hiddenClasses.size();
            }
        }
        return new Spread(n, low, high, new Change.Moments(n, sum, squares));
    }

    /** See {@link #spread}: sums of values between low and high, exact when they meet. */
    private record Spread(long n, double low, double high, Change.Moments middle) {
        boolean exact() {
            return low == high;
        }

        double lowMean() {
            return low / n;
        }

        double highMean() {
            return high / n;
        }
    }

    /** Enough respondents behind a figure for it to be rounded rather than hidden (see {@link Rounding}). */
    private boolean roundable(long n) {
        return n >= (long) Rounding.RESPONDENTS_PER_K * disclosure.k();
    }

    private Figure mean(Item item, int wave, Dimension dimension, int value) {
        Change.Moments moments = moments(item, wave, dimension, value);
        Spread spread = item.integer ? null : spread(item, wave, dimension, value);
        if (moments == null && spread != null && roundable(spread.n())) {
            BigDecimal step = Rounding.step(spread.highMean() - spread.lowMean());
            BigDecimal mean = Rounding.round((spread.lowMean() + spread.highMean()) / 2, step);
            return new Figure(spread.n(), null, mean.doubleValue(), Rounding.display(mean, step, false, words.text()), null);
        }
        if (moments == null) {
            Object cause = item.integer ? item.sum(wave, dimension, value) : item.base(wave, dimension, value);
            return disclosure.isHidden(cause) ? hidden(cause)
                    : new Figure(null, null, null, words.hidden(), Figure.PROTECTING);
        }
        if (moments.n() == 0) {
            return new Figure(0L, null, null, "–", null);
        }
        double mean = round(moments.mean(), 2);
        if (item.isDate()) {
            return new Figure(moments.n(), null, mean, words.text().date(LocalDate.ofEpochDay(Math.round(moments.mean()))), null);
        }
        return new Figure(moments.n(), null, mean, words.text().decimal(mean, 2), null);
    }

    /**
     * The smallest or largest answer of a group, shown only where k allows: the group's answered count is shown,
     * and at least k of its answers lie in the same fine bin of the rollup as the extreme one, so that the figure
     * is one of k or more close answers rather than one person's.
     */
    private Figure extreme(Item item, int wave, Dimension dimension, int value, boolean lowest) {
        Object base = item.base(wave, dimension, value);
        if (disclosure.isHidden(base)) {
            return hidden(base);
        }
        Tally.Sums sums = tally.get(new Tally.Key(wave, item.question, 0, dimension, value));
        Long extreme = lowest ? sums.low() : sums.high();
        if (extreme == null || n(base) == 0) {
            return new Figure(0L, null, null, "–", null);
        }
        int bin = Bins.fineBin(item.kind, extreme);
        if (tally.n(wave, item.question, bin, dimension, value) < disclosure.k()) {
            return new Figure(null, null, null, words.hidden(), Figure.PROTECTING);
        }
        double number = extreme / (double) item.scale;
        return new Figure(null, null, number, item.isDate() ? words.text().date(LocalDate.ofEpochDay(extreme))
                : words.text().plain(new BigDecimal(Bins.number(extreme, item.scale))),
                null);
    }

    // ---- tables ----

    private record Column(int wave, Dimension dimension, int value) {
    }

    private Table table(Item item, String title, List<String> headers, List<Column> columns) {
        List<Row> rows = new ArrayList<>();
        for (int c = 1; c <= item.choices(); c++) {
            List<Figure> cells = new ArrayList<>();
            for (Column column : columns) {
                cells.add(count(item.choice(column.wave(), c, column.dimension(), column.value()),
                        item.base(column.wave(), column.dimension(), column.value())));
            }
            rows.add(new Row(item.choiceLabels.get(c - 1), Row.CHOICE,
                    item.correct > 0 && item.classesOf(c).equals(List.of(item.correct)), cells));
        }
        rows.add(new Row(words.answered(), Row.ANSWERED, false, columns.stream()
                .map(column -> count(item.base(column.wave(), column.dimension(), column.value()), null)).toList()));
        if (item.conditional) {
            // the answered share of a conditional question is over those who were asked it
            List<Figure> answered = new ArrayList<>();
            List<Figure> asked = new ArrayList<>();
            for (Column column : columns) {
                Object askedKey = item.asked(column.wave(), column.dimension(), column.value());
                answered.add(count(item.base(column.wave(), column.dimension(), column.value()), askedKey));
                asked.add(count(askedKey, null));
            }
            rows.set(rows.size() - 1, new Row(words.answered(), Row.ANSWERED, false, answered));
            rows.add(rows.size() - 1, new Row(ASKED, Row.ASKED, false, asked));
        }
        if (item.values != null || item.integer) {
            rows.add(new Row(item == score ? words.meanScore() : item.bins != null ? MEAN
                    : item.integer ? words.mean().replace(" (1-5)", "") : words.mean(), Row.MEAN, false,
                    columns.stream().map(column -> mean(item, column.wave(), column.dimension(), column.value()))
                            .toList()));
        }
        if (item.bins != null) {
            rows.add(new Row(LOWEST, Row.LOWEST, false, columns.stream()
                    .map(column -> extreme(item, column.wave(), column.dimension(), column.value(), true)).toList()));
            rows.add(new Row(HIGHEST, Row.HIGHEST, false, columns.stream()
                    .map(column -> extreme(item, column.wave(), column.dimension(), column.value(), false)).toList()));
        }
        return new Table(title, headers, rows);
    }

    private QuestionResult overall(Item item, Dimension group, int value) {
        List<Column> columns = waves.stream().map(w -> new Column(w.code(), group, value)).toList();
        List<String> headers = waves.stream().map(words::wave).toList();
        return new QuestionResult(item.name, item.label, item.kind, item.role,
                table(item, item.label, headers, columns));
    }

    private List<Column> breakdownColumns(Wave wave, Dimension dimension) {
        List<Column> columns = new ArrayList<>();
        for (int value : values(wave.code(), dimension)) {
            columns.add(new Column(wave.code(), dimension, value));
        }
        columns.add(new Column(wave.code(), dimension.parent(), dimension.parentValue()));
        return columns;
    }

    /** The name of a dimension's group as the page shows it. */
    private String groupLabel(Dimension dimension, int value) {
        String label = dimensions.get(dimension.unfiltered()).label(value, language, form.defaultLanguage());
        return label == null ? words.notStated() : label;
    }

    private List<String> breakdownHeaders(Wave wave, Dimension dimension) {
        List<String> headers = new ArrayList<>();
        for (int value : values(wave.code(), dimension)) {
            headers.add(groupLabel(dimension, value));
        }
        headers.add(dimension.isFiltered() ? groupLabel(dimension.parent(), dimension.parentValue()) : words.all());
        return headers;
    }

    private Table respondentsTable(List<String> headers, List<Column> columns) {
        return new Table(words.respondents(), headers, List.of(new Row(words.respondents(), Row.ANSWERED, false,
                columns.stream().map(c -> count(respondents(c.wave(), c.dimension(), c.value()), null)).toList())));
    }

    /** A question that forms the groups is left out of their tables: broken down by itself it is its own diagonal. */
    private static boolean formsGroups(Item item, Dimension dimension) {
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
                        table(item, item.label, headers, columns)))
                .toList();
        QuestionResult knowledge = score == null || dimension.isFiltered() && !scoreInPairs() ? null
                : new QuestionResult(score.name, score.label, score.kind, null,
                        table(score, score.label, headers, columns));
        List<GroupChanges> changes = new ArrayList<>();
        if (waves.contains(Wave.BASELINE) && waves.contains(Wave.ENDLINE)) {
            for (int value : values(Wave.ENDLINE.code(), dimension)) {
                changes.add(new GroupChanges(groupLabel(dimension, value), changes(dimension, value).stream()
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

    // ---- change from baseline to endline ----

    /** The changes of everyone, or of one group. */
    private List<ChangeRow> changes(Dimension dimension, int value) {
        if (!waves.contains(Wave.BASELINE) || !waves.contains(Wave.ENDLINE)) {
            return List.of();
        }
        int before = Wave.BASELINE.code();
        int after = Wave.ENDLINE.code();
        List<ChangeRow> changes = new ArrayList<>();
        for (Item item : items) {
            if (dimension.isFiltered() && !inPairs(item)) {
                continue; // not among a pair's figures
            }
            if (item.kind.equals(SurveyQuestion.KNOWLEDGE)) {
                changes.add(proportionChange(item, before, after, dimension, value));
            } else if (item.isDate()) {
                continue; // a change of mean date is not a campaign's effect
            } else if (item.values != null || item.integer) {
                changes.add(meanChange(item, before, after, dimension, value));
            }
        }
        if (score != null && (!dimension.isFiltered() || scoreInPairs())) {
            changes.add(meanChange(score, before, after, dimension, value));
        }
        return changes;
    }

    private ChangeRow proportionChange(Item item, int before, int after, Dimension dimension, int value) {
        Object x1 = item.classKey(before, item.correct, dimension, value);
        Object n1 = item.base(before, dimension, value);
        Object x2 = item.classKey(after, item.correct, dimension, value);
        Object n2 = item.base(after, dimension, value);
        Figure baseline = count(x1, n1);
        Figure endline = count(x2, n2);
        if (!disclosure.allShown(List.of(x1, n1, x2, n2)) || n(n1) == 0 || n(n2) == 0) {
            return new ChangeRow(item.name, item.label, ChangeRow.PROPORTION, baseline, endline, null, null, null,
                    words.hidden(), Figure.PROTECTING);
        }
        Change change = Change.ofProportions(n(x1), n(n1), n(x2), n(n2));
        double d = round(100 * change.difference(), 1);
        double low = round(100 * change.low(), 1);
        double high = round(100 * change.high(), 1);
        return new ChangeRow(item.name, item.label, ChangeRow.PROPORTION, baseline, endline, d, low, high,
                words.text().signed(d, 1) + " pp [" + words.text().decimal(low, 1) + ", "
                        + words.text().decimal(high, 1) + "]", null);
    }

    private ChangeRow meanChange(Item item, int before, int after, Dimension dimension, int value) {
        Figure baseline = mean(item, before, dimension, value);
        Figure endline = mean(item, after, dimension, value);
        Change.Moments m1 = moments(item, before, dimension, value);
        Change.Moments m2 = moments(item, after, dimension, value);
        if ((m1 == null || m2 == null) && !item.integer) {
            ChangeRow rounded = roundedChange(item, baseline, endline, spread(item, before, dimension, value),
                    spread(item, after, dimension, value));
            if (rounded != null) {
                return rounded;
            }
        }
        if (m1 == null || m2 == null || m1.n() < 2 || m2.n() < 2) {
            return new ChangeRow(item.name, item.label, ChangeRow.MEAN, baseline, endline, null, null, null,
                    words.hidden(), Figure.PROTECTING);
        }
        Change change = Change.ofMeans(m1, m2);
        double d = round(change.difference(), 2);
        double low = round(change.low(), 2);
        double high = round(change.high(), 2);
        return new ChangeRow(item.name, item.label, ChangeRow.MEAN, baseline, endline, d, low, high,
                words.text().signed(d, 2) + " [" + words.text().decimal(low, 2) + ", "
                        + words.text().decimal(high, 2) + "]", null);
    }

    /**
     * A change of means with merged or hidden answers behind a wave, from the shown figures alone: the difference
     * lies between the lowest and highest the spreads allow, and is shown rounded (see {@link Rounding}); its 95%
     * interval is Welch's around the spreads' middle moments, widened by that uncertainty and rounded outwards. Null
     * when a wave has too few respondents for rounding.
     */
    private ChangeRow roundedChange(Item item, Figure baseline, Figure endline, Spread s1, Spread s2) {
        if (s1 == null || s2 == null || s1.n() < 2 || s2.n() < 2 || !(s1.exact() || roundable(s1.n()))
                || !(s2.exact() || roundable(s2.n()))) {
            return null;
        }
        double low = s2.lowMean() - s1.highMean();
        double high = s2.highMean() - s1.lowMean();
        Change middle = Change.ofMeans(s1.middle(), s2.middle());
        BigDecimal step = Rounding.step(high - low);
        BigDecimal d = Rounding.round((low + high) / 2, step);
        BigDecimal from = Rounding.down(low - (middle.difference() - middle.low()), step);
        BigDecimal to = Rounding.up(high + (middle.high() - middle.difference()), step);
        return new ChangeRow(item.name, item.label, ChangeRow.MEAN, baseline, endline, d.doubleValue(),
                from.doubleValue(), to.doubleValue(),
                Rounding.display(d, step, true, words.text()) + " [" + words.text().plain(from) + ", "
                        + words.text().plain(to) + "]", null);
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
        int groupValue = filter == null ? 0 : filterValue;
        List<Column> columns = waves.stream().map(w -> new Column(w.code(), group, groupValue)).toList();
        List<String> headers = waves.stream().map(words::wave).toList();
        String reach = form.withRole(SurveyQuestion.CHANNEL).map(SurveyForm.Question::name).orElse(null);
        Breakdown breakdown = by != null && breakdownWave != null && dimensions.containsKey(by)
                && waves.contains(breakdownWave)
                        ? breakdown(filter == null ? by : by.within(filter, filterValue), breakdownWave)
                        : null;
        ResultsView.Filter shownFilter = filter == null ? null
                : new ResultsView.Filter(dimensions.get(filter).id(), dimensions.get(filter).valueName(filterValue),
                        groupLabel(filter, filterValue));
        return new ResultsView(form.id(), form.title(), campaign, language, disclosure.k(),
                waves.stream().map(Wave::id).toList(), respondentsTable(headers, columns),
                items.stream().map(item -> overall(item, group, groupValue)).toList(),
                score == null ? null : overall(score, group, groupValue), changes(group, groupValue), reach,
                breakdown, shownFilter);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}

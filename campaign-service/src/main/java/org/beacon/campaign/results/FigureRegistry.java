package org.beacon.campaign.results;

import static org.beacon.campaign.results.ResultItem.respondents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.results.ResultItem.AskedKey;
import org.beacon.campaign.results.ResultItem.BinKey;
import org.beacon.campaign.results.ResultItem.GapKey;
import org.beacon.campaign.results.ResultItem.MergedKey;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;

/**
 * Registers every figure a survey's results can show with one {@link Disclosure}, and the sums that relate them, and
 * solves the problem; {@link SurveyResults} then builds what evaluators see from the solved problem. It also knows
 * every figure's count ({@link #n}), from the tally, for both.
 */
final class FigureRegistry {

    private final SurveyForm form;
    private final Tally tally;
    private final List<Wave> waves;
    private final Map<Dimension, BreakdownAxis> dimensions;
    private final List<ResultItem> items;
    private final Map<Long, ResultItem> itemsById;
    /** The knowledge score, or null without knowledge items. */
    private final ResultItem score;
    private final Map<Long, Dimension> backgroundQuestions;
    /** A filtered breakdown's columns recoded per group of the filter (see {@link PairPooling}). */
    private final PairPooling pairPooling;
    /** The problem being registered. */
    private Disclosure disclosure;

    FigureRegistry(SurveyForm form, Tally tally, List<Wave> waves, Map<Dimension, BreakdownAxis> dimensions,
            List<ResultItem> items, ResultItem score, Map<Long, Dimension> backgroundQuestions,
            PairPooling pairPooling) {
        this.form = form;
        this.tally = tally;
        this.waves = waves;
        this.dimensions = dimensions;
        this.items = items;
        this.itemsById = new LinkedHashMap<>();
        items.forEach(item -> itemsById.put(item.question, item));
        this.score = score;
        this.backgroundQuestions = backgroundQuestions;
        this.pairPooling = pairPooling;
    }

    /**
     * How a pair of dimensions' columns are recoded per group of the filter, from the people in each cross of two
     * groups (see {@link PairPooling}); the tally must hold the pair's groups.
     */
    PairPooling poolPair(Dimension first, Dimension second, int k) {
        return PairPooling.of(first, second, dimensions, new PairPooling.Groups() {
            @Override
            public List<Integer> values(int wave, Dimension dimension) {
                return FigureRegistry.this.values(wave, dimension);
            }

            @Override
            public long respondents(int wave, Dimension dimension, int value) {
                return tally.n(wave, Tally.RESPONDENTS, 0, dimension, value);
            }
        }, waves, k);
    }

    /** The figure a key stands for, in every problem of this survey (see {@link FigureKeys}). */
    java.util.function.Function<Object, Object> canonical() {
        Map<Integer, Integer> linkWaves = new LinkedHashMap<>();
        BreakdownAxis team = dimensions.get(Dimension.of(Dimension.TEAM));
        if (team != null) {
            team.teams().forEach((link, collecting) -> linkWaves.put(link, collecting.wave().code()));
        }
        return FigureKeys.canonical(backgroundQuestions, linkWaves);
    }

    /** Every output's figures (everyone and every dimension's groups), protected. */
    Disclosure solveEveryOutput(Disclosure empty) {
        disclosure = empty;
        disclosure.known(FigureKeys.Known.ZERO, 0);
        registerAll(new ArrayList<>(dimensions.keySet()), true);
        disclosure.protect();
        return disclosure;
    }

    /**
     * A pair of dimensions' groups, protected on a frozen copy of every output's problem: what the page, JSON and
     * CSV show without this pair stays exactly as it is. Its groups are registered in the same order whichever of
     * the two is the filter, and protected with the interval width given (see {@link Disclosure}).
     */
    Disclosure solvePair(Disclosure everyOutput, Dimension first, Dimension second, int width) {
        disclosure = everyOutput.copy(width);
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
        showPoolsThePublishedFiguresGive(groups);
        disclosure.protect();
        return disclosure;
    }

    /**
     * The people in a pooled column that the results without a filter already give: each background question's
     * answers in every group of another are the people in each cross of two groups, so a pool of crosses shown there
     * (or the rest of its group beside shown columns) is theirs added up, and is shown (see
     * {@link Disclosure#publishDetermined}).
     */
    private void showPoolsThePublishedFiguresGive(List<Dimension> groups) {
        if (pairPooling.isEmpty()) {
            return;
        }
        List<Object> people = new ArrayList<>();
        List<Object> pools = new ArrayList<>();
        for (Wave wave : waves) {
            for (Dimension dimension : groups) {
                people.add(respondents(wave.code(), dimension.parent(), dimension.parentValue()));
                for (int value : groupsAndPools(wave.code(), dimension)) {
                    people.add(respondents(wave.code(), dimension, value));
                }
                for (int pool : pools(wave.code(), dimension)) {
                    pools.add(respondents(wave.code(), dimension, pool));
                }
            }
        }
        disclosure.publishDetermined(people, pools);
    }

    /**
     * Every figure of every wave for these dimensions (and everyone), and the sums that relate them. A pair's groups
     * (everyone = false) leave out the questions that are dimensions themselves: their answers in a pair's group are
     * groups of three dimensions, which three different pairs would show, each protected on its own.
     */
    private void registerAll(List<Dimension> groups, boolean everyone) {
        for (Wave wave : waves) {
            registerRespondents(wave.code(), groups, everyone);
            for (ResultItem item : items) {
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
    boolean inPairs(ResultItem item) {
        return !backgroundQuestions.containsKey(item.question);
    }

    /** The knowledge score is tied to its items' correct answers: a pair shows it only if it shows them all. */
    boolean scoreInPairs() {
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


    /**
     * Values of a dimension in a wave, "not stated" (0) last. An optional background question always has its "not
     * stated" group, even when empty: a group that appeared only when someone is in it would tell by its absence
     * that the answered count is the respondent count.
     */
    List<Integer> values(int wave, Dimension dimension) {
        if (dimension.equals(Dimension.ALL)) {
            return List.of(0);
        }
        Dimension unfiltered = dimension.unfiltered();
        BreakdownAxis axis = dimensions.get(unfiltered);
        List<Integer> values = axis.values(tally.n(wave, Tally.RESPONDENTS, 0, unfiltered, 0) > 0);
        if (axis.isTeam()) {
            // A collection link nobody has answered through in any wave is no group: its figures would all be zeros
            // of no one, and protecting them as small cells hid figures shown before the link was made. Left out of
            // every wave alike, so that each group has its figures in both (its absence tells nothing of anyone).
            values = values.stream().filter(value -> value == 0 || waves.stream()
                    .anyMatch(w -> tally.n(w.code(), Tally.RESPONDENTS, 0, unfiltered, value) > 0)).toList();
        }
        return values;
    }

    /**
     * The columns a dimension's groups are shown in: its values, and in a filtered breakdown whose columns are recoded
     * ({@link PairPooling}) each pool in place of its members.
     */
    List<Integer> columns(int wave, Dimension dimension) {
        List<Integer> values = values(wave, dimension);
        List<List<Integer>> rows = pairPooling.columns(dimension);
        if (rows == null) {
            return values;
        }
        List<Integer> columns = new ArrayList<>();
        for (List<Integer> row : rows) {
            if (row.stream().anyMatch(values::contains)) {
                columns.add(row.size() == 1 ? row.get(0) : PairPooling.pooled(rows, row));
            }
        }
        return columns;
    }

    /** The pooled columns of a dimension in a wave: none but in a filtered breakdown's recoded groups. */
    private List<Integer> pools(int wave, Dimension dimension) {
        return columns(wave, dimension).stream().filter(value -> value >= PairPooling.POOLED_FROM).toList();
    }

    /** The groups a pooled column adds up in a wave. */
    private List<Integer> members(int wave, Dimension dimension, int pool) {
        List<Integer> values = values(wave, dimension);
        return pairPooling.members(dimension, pool).stream().filter(values::contains).toList();
    }

    /** Every group a dimension's figures are registered for: its values, then its pooled columns. */
    private List<Integer> groupsAndPools(int wave, Dimension dimension) {
        List<Integer> all = new ArrayList<>(values(wave, dimension));
        all.addAll(pools(wave, dimension));
        return all;
    }

    /**
     * A count of a group: shown, or withheld when its group is inside a filtered breakdown's pool (tied to the
     * pool's count and guarded by the linear steps, never shown; see {@link PairPooling}).
     */
    private boolean count(Object key, Dimension dimension, int value) {
        boolean shown = value >= PairPooling.POOLED_FROM || pairPooling.shown(dimension, value);
        if (shown) {
            disclosure.count(key, n(key));
        } else {
            disclosure.withheld(key, n(key));
        }
        return shown;
    }

    long n(Object figure) {
        if (figure instanceof AskedKey asked) {
            return n(respondents(asked.wave(), asked.dimension(), asked.value()))
                    - tally.n(asked.wave(), asked.question(), Tally.NOT_ASKED, asked.dimension(), asked.value());
        }
        if (figure instanceof MergedKey merged) {
            ResultItem item = merged.question() == Tally.KNOWLEDGE_SCORE ? score : itemsById.get(merged.question());
            long n = 0;
            for (int c : merged.classes()) {
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
            // the number of people a wave asked is what every report states first, however few
            disclosure.count(respondents(wave, Dimension.ALL, 0), n(respondents(wave, Dimension.ALL, 0)));
            disclosure.headline(respondents(wave, Dimension.ALL, 0));
        }
        for (Dimension dimension : groups) {
            for (int value : groupsAndPools(wave, dimension)) {
                Tally.Key key = respondents(wave, dimension, value);
                if (count(key, dimension, value) && headline(n(key))) {
                    disclosure.headlineCount(key);
                }
            }
            disclosure.line(values(wave, dimension).stream().map(v -> respondents(wave, dimension, v)).toList(),
                    respondents(wave, dimension.parent(), dimension.parentValue()));
            for (int pool : pools(wave, dimension)) {
                disclosure.line(members(wave, dimension, pool).stream().map(v -> respondents(wave, dimension, v))
                        .toList(), respondents(wave, dimension, pool));
            }
        }
    }

    /**
     * Whether a count evaluators read first (a group's respondents, those who answered a knowledge item and its right
     * answers) is a headline figure: from at least {@link Rounding#RESPONDENTS_PER_K} × k people
     * ({@link Rounding#headline}). Issue 13 never hides such a total to protect a small cell, so the interval rule
     * never hides it; it rounds right answers as a last resort, their share then shown rounded
     * ({@link Disclosure#headlineShare}), and such a total after them ({@link Disclosure#headlineCount}). A wave's
     * respondents are a headline figure at any size, never rounded ({@link Disclosure#headline}).
     */
    private boolean headline(long n) {
        return Rounding.headline(n, disclosure.k());
    }

    private void register(ResultItem overall, int wave, List<Dimension> groups, boolean everyone) {
        for (Dimension dimension : withEveryone(groups, everyone)) {
            ResultItem item = overall.in(dimension);
            for (int value : groupsAndPools(wave, dimension)) {
                registerGroup(item, wave, dimension, value);
            }
        }
        for (Dimension dimension : groups) {
            ResultItem item = overall.in(dimension);
            Dimension parent = dimension.parent();
            int parentValue = dimension.parentValue();
            if (item != overall.in(parent)) {
                registerTotals(item, overall.in(parent), wave, parent, parentValue);
            }
            addUp(item, wave, dimension, values(wave, dimension), parent, parentValue);
            for (int pool : pools(wave, dimension)) {
                addUp(item, wave, dimension, members(wave, dimension, pool), dimension, pool);
            }
        }
    }

    /** An item's figures in one group, each row tied to its classes and the group's answered count. */
    private void registerGroup(ResultItem item, int wave, Dimension dimension, int value) {
        if (item.conditional) {
            // asked + not asked = respondents; the not-asked count is never shown but must stay hidden
            // whenever it would give away a hidden figure
            Object asked = item.asked(wave, dimension, value);
            Tally.Key notAsked = item.notAsked(wave, dimension, value);
            count(asked, dimension, value);
            count(notAsked, dimension, value);
            disclosure.line(List.of(asked, notAsked), respondents(wave, dimension, value));
        }
        Object base = item.base(wave, dimension, value);
        // those who answered a knowledge item are a headline figure from 5·k people, and the share of them
        // who got it right: its count goes last of all partners, the share then shown rounded
        boolean headline = count(base, dimension, value) && item.kind.equals(SurveyQuestion.KNOWLEDGE)
                && headline(n(base));
        if (headline) {
            disclosure.headlineCount(base);
        }
        List<Object> column = new ArrayList<>();
        for (int c = 1; c <= item.choices(); c++) {
            Object key = item.choice(wave, c, dimension, value);
            count(key, dimension, value);
            if (headline && item.classesOf(c).equals(List.of(item.correct))) {
                disclosure.headlineShare(key);
            }
            column.add(key);
            registerMerged(item, key, c, wave, dimension, value, null);
        }
        if (item.additive && !column.isEmpty()) {
            disclosure.line(column, base);
        }
        if (item.integer) {
            disclosure.derived(item.sum(wave, dimension, value), n(base), List.of(base));
        }
        registerGaps(item, wave, dimension, value);
    }

    /** Each figure of an item over some groups of a dimension adds up to the same figure of a group they make up. */
    private void addUp(ResultItem item, int wave, Dimension dimension, List<Integer> values, Dimension total,
            int totalValue) {
        if (item.conditional) {
            disclosure.line(values.stream().map(v -> item.asked(wave, dimension, v)).toList(),
                    item.asked(wave, total, totalValue));
        }
        for (int c = 0; c <= item.choices(); c++) {
            final int choice = c;
            List<Object> members = values.stream()
                    .map(v -> choice == 0 ? item.base(wave, dimension, v) : item.choice(wave, choice, dimension, v))
                    .toList();
            disclosure.line(members, choice == 0 ? item.base(wave, total, totalValue)
                    : item.choice(wave, choice, total, totalValue));
        }
        if (item.integer) {
            disclosure.line(values.stream().map(v -> item.sum(wave, dimension, v)).toList(),
                    item.sum(wave, total, totalValue));
        }
        if (item.rows != null) {
            for (int c = 1; c <= item.classes(); c++) {
                final int merged = c;
                disclosure.line(values.stream().map(v -> item.classKey(wave, merged, dimension, v)).toList(),
                        item.classKey(wave, merged, total, totalValue));
            }
        }
    }

    /**
     * What a reader knows of a group's counts without being told, as relations that a gap closes
     * ({@link Disclosure#gap}): those who answered an optional question are at most those asked it; each option of a
     * multiple-choice question was picked by at most those who answered it, and its options together by at least
     * them, as whoever answers picks one. With these the interval rule bounds a hidden count as that reader does
     * (without them, a hidden "Radio" count among 40 who answered could seem to reach the whole column).
     */
    private void registerGaps(ResultItem item, int wave, Dimension dimension, int value) {
        Object base = item.base(wave, dimension, value);
        if (!item.required && !backgroundQuestions.containsKey(item.question)) {
            bound(List.of(base), item.gap(wave, 0, dimension, value), List.of(item.asked(wave, dimension, value)));
        }
        if (!item.kind.equals(SurveyQuestion.MULTIPLE) || item.additive) {
            return;
        }
        List<Object> options = new ArrayList<>();
        for (int c = 1; c <= item.classes(); c++) {
            Object option = item.classKey(wave, c, dimension, value);
            bound(List.of(option), item.gap(wave, c, dimension, value), List.of(base));
            options.add(option);
        }
        bound(List.of(base), item.gap(wave, ResultItem.EXTRA_MENTIONS, dimension, value), options);
    }

    /** The parts are at most the whole's figures together: with the gap, they add up to them. */
    private void bound(List<Object> parts, GapKey gap, List<Object> whole) {
        long left = whole.stream().mapToLong(this::n).sum() - parts.stream().mapToLong(this::n).sum();
        if (left >= 0 && !whole.isEmpty()) {
            disclosure.gap(gap, left);
            Map<Object, Integer> terms = new LinkedHashMap<>();
            parts.forEach(part -> terms.merge(part, 1, Integer::sum));
            terms.merge(gap, 1, Integer::sum);
            whole.forEach(member -> terms.merge(member, -1, Integer::sum));
            disclosure.relation(terms);
        }
    }

    /**
     * The classes a merged row adds up: never shown, but tied to it (and, for scores, to the correct answers). A
     * breakdown's total column (everyone) shows the breakdowns' coarser rows over the overall results' finer ones:
     * such a row is tied to those finer rows instead (see {@link #registerTotals}).
     */
    private void registerMerged(ResultItem item, Object row, int c, int wave, Dimension dimension, int value,
            ResultItem finer) {
        if (!(row instanceof MergedKey)) {
            return;
        }
        if (finer != null) {
            List<Object> parts = new ArrayList<>();
            for (int r = 1; r <= finer.choices(); r++) {
                if (item.classesOf(c).containsAll(finer.classesOf(r))) {
                    parts.add(finer.choice(wave, r, dimension, value));
                }
            }
            disclosure.line(parts, row);
            return;
        }
        List<Object> classes = item.classesOf(c).stream()
                .map(member -> item.classKey(wave, member, dimension, value)).toList();
        classes.forEach(member -> disclosure.withheld(member, n(member)));
        disclosure.line(classes, row);
    }

    /**
     * The total column of a breakdown whose rows are coarser than those of the group it adds up to (everyone, whose
     * overall results show finer rows): each of its merged rows is the sum of rows the overall results show, and is
     * tied to them rather than to the classes inside them, as what the reader sees relates them.
     */
    private void registerTotals(ResultItem item, ResultItem finer, int wave, Dimension dimension, int value) {
        for (int c = 1; c <= item.choices(); c++) {
            Object key = item.choice(wave, c, dimension, value);
            disclosure.count(key, n(key));
            registerMerged(item, key, c, wave, dimension, value, finer);
        }
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
            ResultItem item = itemsById.get(background.getValue().question().id());
            for (Dimension dimension : withEveryone(groups, everyone)) {
                if (dimension.id() == own.id() || dimension.filter() == own.id()) {
                    continue;
                }
                for (int value : values(wave, dimension)) {
                    Object answered = item.base(wave, dimension, value);
                    Tally.Key everyoneInGroup = respondents(wave, dimension, value);
                    Object notStated = FigureKeys.notStated(wave, dimension, value, own);
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
        List<ResultItem> knowledge = items.stream().filter(item -> item.kind.equals(SurveyQuestion.KNOWLEDGE)).toList();
        int unit = form.scoreUnit();
        for (Dimension dimension : withEveryone(groups, everyone)) {
            for (int value : groupsAndPools(wave, dimension)) {
                Map<Object, Integer> terms = new LinkedHashMap<>();
                // (knowledge items are choice questions: their choice keys are rollup keys)
                for (int c = 2; c <= score.classes(); c++) {
                    terms.merge(score.classKey(wave, c, dimension, value), c - 1, Integer::sum);
                }
                for (ResultItem item : knowledge) {
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
                // Whoever has the full score earned every item's full credit. Stated for every output's problem; in a
                // pair's, these bounds doubled the time its solve took.
                Object fullScore = score.classKey(wave, score.classes(), dimension, value);
                for (ResultItem item : knowledge.size() > 1 && everyone ? knowledge : List.<ResultItem>of()) {
                    List<Object> fullCredit = new ArrayList<>();
                    for (int c = 1; c <= item.classes(); c++) {
                        if (item.credits[c - 1] == SurveyForm.FULL_CREDIT) {
                            fullCredit.add(item.classKey(wave, c, dimension, value));
                        }
                    }
                    bound(List.of(fullScore), item.gap(wave, ResultItem.FULL_MARKS_LEFT, dimension, value),
                            fullCredit);
                }
                if (knowledge.size() == 1) {
                    disclosure.line(List.of(score.base(wave, dimension, value)),
                            knowledge.get(0).base(wave, dimension, value));
                }
            }
        }
    }
}

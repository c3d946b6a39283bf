package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * The groups of a breakdown dimension recoded before anything is registered, as {@link Recoding} does for answers:
 * a group that fewer than {@value #MINIMUM_PER_K} × k people are in would show little but "&lt; k" and "hidden" in
 * every breakdown (a table of its answers has cells under k, and its means are hidden whenever one is), so the
 * unordered ones (regions, nationalities) are pooled into one group "Other (n groups)" and ordered ones (age bands)
 * merged with their neighbours into ranges ("35-49 – 50+"), as statistical offices set a smallest group for a
 * table's columns. The pooled group is then a group like any other
 * everywhere: the dimension's question is renumbered in the form and in the tally (its rows summed), so the
 * suppression problem, both attackers, the breakdowns, the filters, the JSON and the CSV all see the pooled group
 * and never its members. Decided once per survey from everyone's counts in each wave (a wave under
 * {@link Recoding#SMALL_WAVE} × k is left out), so every output shows the same groups.
 */
final class GroupPooling {

    /** The name a filter gives the pool of an unordered dimension ({@code region:(other)}). */
    static final String POOL_NAME = "(other)";
    /** Between the names of the first and last group of a merged range ({@code age_band:age_35_49~age_50_plus}). */
    static final String RANGE = "~";
    /** A filter value naming the pool of an unordered dimension, before the groups are known. */
    static final int POOL = 1_000_000;
    /**
     * A filter value naming a merged range before the groups are known: this plus 1000 × its first group's position
     * plus its last's.
     */
    static final int RANGE_FROM = 2_000_000;

    static final GroupPooling NONE = new GroupPooling(Map.of(), Map.of());

    /**
     * A group is a column of its own when at least this many times k people are in it in every wave that counts (100
     * with k = 10, a common smallest base for reporting a subgroup of a survey): a table of a group's answers splits
     * it over several rows, and a group of a few dozen people has a cell under k in most of them, each hidden with a
     * partner, so its column would show little but "&lt; k" and "hidden". When fewer than two groups of a dimension
     * reach it (a small survey, a pilot wave), the smallest group shown is k.
     */
    static final int MINIMUM_PER_K = 10;

    /** Per pooled question: the groups of each new value (original positions, 1-based; value v is index v - 1). */
    private final Map<Long, List<List<Integer>>> groups;
    /** Per pooled question: the new value of each original position (index 0 unused). */
    private final Map<Long, int[]> renumbered;

    private GroupPooling(Map<Long, List<List<Integer>>> groups, Map<Long, int[]> renumbered) {
        this.groups = groups;
        this.renumbered = renumbered;
    }

    /**
     * Which groups of the dimensions to pool or merge: single-choice questions only (a Likert or knowledge dimension
     * keeps its classes, whose values make its means and scores), age bands as ordered, the others unordered.
     */
    static GroupPooling of(List<BreakdownAxis> axes, Tally tally, List<Wave> waves, int k) {
        int minimum = MINIMUM_PER_K * k;
        Map<Long, List<List<Integer>>> groups = new LinkedHashMap<>();
        Map<Long, int[]> renumbered = new HashMap<>();
        for (BreakdownAxis axis : axes) {
            if (axis.isTeam() || !axis.question().kind().equals(SurveyQuestion.SINGLE)) {
                continue;
            }
            int classes = axis.question().choices().size();
            List<long[]> counts = new ArrayList<>();
            for (Wave wave : waves) {
                long[] sizes = new long[classes];
                for (int v = 1; v <= classes; v++) {
                    sizes[v - 1] = tally.n(wave.code(), Tally.RESPONDENTS, 0, axis.dimension(), v);
                }
                counts.add(sizes);
            }
            List<List<Integer>> rows = rows(axis.question(), counts, k, minimum, classes);
            if (rows.size() < 2 && minimum > k) {
                rows = rows(axis.question(), counts, k, k, classes);
            }
            if (rows.size() == classes || rows.size() < 2) {
                continue; // nothing to pool, or one group of everyone, which would break nothing down
            }
            int[] to = new int[classes + 1];
            List<List<Integer>> positions = new ArrayList<>();
            for (int row = 0; row < rows.size(); row++) {
                List<Integer> members = rows.get(row).stream().map(c -> c + 1).toList();
                positions.add(members);
                for (int member : members) {
                    to[member] = row + 1;
                }
            }
            groups.put(axis.question().id(), positions);
            renumbered.put(axis.question().id(), to);
        }
        return groups.isEmpty() ? NONE : new GroupPooling(Map.copyOf(groups), Map.copyOf(renumbered));
    }

    private static List<List<Integer>> rows(SurveyForm.Question question, List<long[]> counts, int k, int minimum,
            int classes) {
        return ordered(question) ? Recoding.ordered(counts, k, minimum, classes) : pooled(counts, k, minimum, classes);
    }

    /**
     * The groups under the minimum in a wave that counts (one where at least {@link Recoding#SMALL_WAVE} × k answered)
     * pooled into one group placed last, when there are at least two (a pool of one is that group under another
     * name). Unlike answers ({@link Recoding#pooled}), no group of the minimum or more joins a pool to make it reach
     * it: "Man" would disappear into "Other" to protect a few people. A pool still under k is then a small group like
     * any other ("&lt; k" and protected), one column instead of several.
     */
    static List<List<Integer>> pooled(List<long[]> counts, int k, int minimum, int classes) {
        List<long[]> waves = counts.stream()
                .filter(wave -> java.util.Arrays.stream(wave).sum() >= (long) Recoding.SMALL_WAVE * k).toList();
        List<Integer> pool = new ArrayList<>();
        List<List<Integer>> rows = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            final int group = c;
            if (!waves.isEmpty() && waves.stream().anyMatch(wave -> wave[group] < minimum)) {
                pool.add(c);
            } else {
                rows.add(List.of(c));
            }
        }
        if (pool.size() < 2) {
            return Recoding.identity(classes);
        }
        rows.add(pool);
        return rows;
    }

    /** Age bands are ordered: a small band joins its neighbours rather than a pool of far-apart ages. */
    static boolean ordered(SurveyForm.Question question) {
        return SurveyQuestion.AGE_BAND.equals(question.role());
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The tally with each pooled question's answers and groups renumbered, pooled groups summed. */
    Tally tally(Tally tally) {
        return isEmpty() ? tally : tally.renumbered(renumbered);
    }

    /**
     * The form with each pooled question's choices replaced by its groups: a group alone keeps its choice, a pool is
     * named {@value #POOL_NAME} and labelled "Other (n groups)", a merged range is labelled from its ends.
     */
    SurveyForm form(SurveyForm form, IntFunction<String> otherGroups) {
        if (isEmpty()) {
            return form;
        }
        List<SurveyForm.Question> questions = new ArrayList<>();
        for (SurveyForm.Question q : form.questions()) {
            List<List<Integer>> rows = groups.get(q.id());
            if (rows == null) {
                questions.add(q);
                continue;
            }
            List<SurveyForm.Choice> choices = new ArrayList<>();
            for (List<Integer> members : rows) {
                SurveyForm.Choice first = q.choices().get(members.get(0) - 1);
                SurveyForm.Choice last = q.choices().get(members.get(members.size() - 1) - 1);
                int position = choices.size() + 1;
                if (members.size() == 1) {
                    choices.add(new SurveyForm.Choice(position, first.name(), first.label(), first.credit()));
                } else if (ordered(q)) {
                    Map<String, String> label = new LinkedHashMap<>();
                    first.label().forEach((language, text) -> label.put(language,
                            Recoding.range(text, last.label(language, form.defaultLanguage()))));
                    choices.add(new SurveyForm.Choice(position, first.name() + RANGE + last.name(), label));
                } else {
                    String text = otherGroups.apply(members.size());
                    Map<String, String> label = new LinkedHashMap<>();
                    label.put(form.defaultLanguage(), text);
                    form.languages().forEach(language -> label.put(language, text));
                    choices.add(new SurveyForm.Choice(position, POOL_NAME, label));
                }
            }
            questions.add(new SurveyForm.Question(q.id(), q.name(), q.kind(), q.role(), q.required(), q.slot(),
                    q.label(), q.hint(), q.answerKey(), List.copyOf(choices), q.path(), q.conditional(),
                    q.reversed()));
        }
        return new SurveyForm(form.id(), form.revision(), form.slug(), form.campaignId(), form.campaignSlug(),
                form.organization(), form.title(), form.defaultLanguage(), form.languages(), form.consent(),
                List.copyOf(questions), form.xform());
    }

    /** The dimensions over the pooled form (the collection team as it is). */
    List<BreakdownAxis> axes(List<BreakdownAxis> axes, SurveyForm pooled) {
        if (isEmpty()) {
            return axes;
        }
        return axes.stream().map(axis -> axis.isTeam() || !groups.containsKey(axis.question().id()) ? axis
                : BreakdownAxis.of(pooled.question(axis.question().name()).orElseThrow())).toList();
    }

    /**
     * A filter's group in the pooled numbering: a group with its own value, the pool ({@link #POOL}) or a merged
     * range ({@link #RANGE_FROM}). A group that is shown only inside a pool or range cannot be a filter on its own
     * (its figures would be those of fewer than k people, or of the others in its pool): 400 naming both.
     *
     * @param original the form as the request named its groups
     */
    int value(SurveyForm original, SurveyForm pooled, Dimension dimension, int value) {
        List<List<Integer>> rows = groups.get(dimension.id());
        if (rows == null || value == 0) {
            if (value >= POOL) {
                throw ProblemException.badRequest(Reason.of("results.pool-none", name(original, dimension)));
            }
            return value;
        }
        SurveyForm.Question question = pooled.questions().stream().filter(q -> q.id() == dimension.id()).findFirst()
                .orElseThrow();
        if (value >= POOL) {
            for (int row = 0; row < rows.size(); row++) {
                List<Integer> members = rows.get(row);
                if (members.size() > 1 && (value == POOL && !ordered(question)
                        || value == RANGE_FROM + 1000 * members.get(0) + members.get(members.size() - 1)
                                && ordered(question))) {
                    return row + 1;
                }
            }
            throw ProblemException.badRequest(Reason.of("results.pool-unknown", question.name(),
                    question.choices().stream().map(SurveyForm.Choice::name).toList().toString()));
        }
        int row = renumbered.get(dimension.id())[value];
        if (rows.get(row - 1).size() > 1) {
            SurveyForm.Choice member = original.questions().stream().filter(q -> q.id() == dimension.id())
                    .findFirst().orElseThrow().choices().get(value - 1);
            SurveyForm.Choice group = question.choices().get(row - 1);
            throw ProblemException.badRequest(Reason.of("results.pool-member", member.name(), question.name(),
                    group.label(original.defaultLanguage(), original.defaultLanguage()), group.name()));
        }
        return row;
    }

    private static String name(SurveyForm form, Dimension dimension) {
        return form.questions().stream().filter(q -> q.id() == dimension.id()).map(SurveyForm.Question::name)
                .findFirst().orElse(dimension.id() == Dimension.TEAM ? BreakdownAxis.TEAM_ID : "?");
    }

    /**
     * A dimension within a filter's group, in the pooled numbering; a group that cannot be a filter gets value -1 (the
     * request is refused when its view is asked for, see {@link #value}).
     */
    Dimension dimension(SurveyForm original, SurveyForm pooled, Dimension dimension) {
        if (dimension == null || !dimension.isFiltered()) {
            return dimension;
        }
        int value;
        try {
            value = value(original, pooled, Dimension.of(dimension.filter()), dimension.filterValue());
        } catch (ProblemException refused) {
            value = -1;
        }
        return Dimension.of(dimension.id()).within(Dimension.of(dimension.filter()), value);
    }

    /** The value a filter names a group by, when it is not one of the question's choices: a pool or a range. */
    static int namedValue(SurveyForm.Question question, String name) {
        if (POOL_NAME.equals(name) && !ordered(question)) {
            return POOL;
        }
        int range = name.indexOf(RANGE);
        if (range > 0 && ordered(question)) {
            int first = question.choice(name.substring(0, range)).map(SurveyForm.Choice::position).orElse(-1);
            int last = question.choice(name.substring(range + 1)).map(SurveyForm.Choice::position).orElse(-1);
            if (first > 0 && last > first) {
                return RANGE_FROM + 1000 * first + last;
            }
        }
        return -1;
    }

    /** The name of a group a filter named by {@link #namedValue}. */
    static String valueName(SurveyForm.Question question, int value) {
        if (value == POOL) {
            return POOL_NAME;
        }
        int range = value - RANGE_FROM;
        return question.choices().get(range / 1000 - 1).name() + RANGE + question.choices().get(range % 1000 - 1).name();
    }
}

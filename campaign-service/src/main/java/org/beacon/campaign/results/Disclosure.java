package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Small-cell suppression for a set of figures that are published together (PRODUCT.md §5, §8).
 * <ul>
 * <li>Primary: a count from fewer than k respondents is hidden and shown as "&lt; k".</li>
 * <li>Complementary: figures are tied by linear relations (a row or column adding up to its total, the knowledge
 * scores weighted by their value adding up to the correct answers). No hidden figure may be computable from the
 * shown ones through any combination of those relations. A relation with a single hidden figure is the common case
 * and is fixed by hiding its smallest visible figure; what remains is found by elimination over the hidden figures
 * (a hidden cell can be pinned down by several relations together, e.g. a "bridge" between two blocks of hidden
 * cells) and fixed the same way ({@link LinearSteps}).</li>
 * <li>Intervals: a reader who also knows that no count is below zero and that counts are whole numbers can still
 * bound a hidden figure (a "&lt; 10" cell whose shown row leaves 3 people for it and one other hidden cell lies
 * between 0 and 3). Linear programming over the shown figures gives every guarded figure's tightest range; where it
 * is narrower than the interval width, one more partner is hidden beside it, and both steps run again until no
 * range is too narrow or only a wave's respondents would widen it (see {@link IntervalRule}, {@link IntervalAudit});
 * a knowledge item's right answers go last, rounded to a range rather than hidden ({@link #headlineShare}), and after
 * them a group's respondents and those who answered a knowledge item ({@link #headlineCount}). The linear steps, too,
 * round right answers rather than hide them when they are the figure those steps would hide.</li>
 * <li>Derived figures (a group's sum behind a mean) are hidden whenever a figure they depend on is hidden.</li>
 * <li>Withheld figures are never shown (the classes inside a recoded row, see {@link Recoding}): they are unknowns
 * like hidden ones, and need protecting only when they are under k.</li>
 * </ul>
 * Keys pass through a canonical form first, so two outputs that show the same respondents (a background question's
 * answer counts and the respondents per group, or one cross table seen from either of its dimensions) are one
 * figure and are hidden or shown together. All outputs of a survey run one problem over every wave and dimension,
 * so the page, the JSON and the CSV hide the same figures and cannot be combined to reveal one. Every map keeps its
 * insertion order: which figure protects another must not depend on hash codes (enum hash codes differ from one JVM
 * to the next), or two replicas could hide different figures of the same survey.
 */
public final class Disclosure {

    public enum State {
        SHOWN, SMALL, PROTECTING,
        /** Never shown, and from at least k respondents: working it out gives nothing away. */
        WITHHELD,
        /**
         * Shown only as the range it lies in (a headline share, see {@link #headlineShare}): an unknown between two
         * published ends for elimination and the interval rule, never guarded itself.
         */
        ROUNDED
    }

    static final class Figure {
        final long n;
        /** Known to everyone (a structural zero): never hidden, never protects. */
        final boolean known;
        /** Already published in this state (see {@link #freeze()}): never hidden to protect another figure. */
        boolean fixed;
        State state;
        /** Registered as never shown: it can stand for a hidden figure, but never protects one. */
        boolean withheld;
        /** Computed from others (a group's sum): not a count of people, so it has no range of people to keep. */
        boolean derived;
        /** Read first by evaluators (see {@link #headline}): the interval rule never hides it, directly or not. */
        boolean headline;
        /**
         * A headline figure whose share is what evaluators read (see {@link #headlineShare}): the interval rule may
         * round it when nothing else widens a range.
         */
        boolean shareOnly;
        /**
         * A headline figure the interval rule may round rather than leave a range narrow for (see {@link #round}): a
         * headline share from its first last resort, a headline count ({@link #headlineCount}) from its second.
         */
        boolean roundable;
        /** The slack of a bound (see {@link #gap}): an unknown of the one relation that states the bound. */
        boolean gap;
        /** The range a {@link State#ROUNDED} figure is published as: {@link #rounding} of its count. */
        long low;
        long high;

        Figure(long n, State state, boolean known) {
            this.n = n;
            this.state = state;
            this.known = known;
        }

        boolean hidden() {
            return state != State.SHOWN;
        }

        /** Must not be computable from the shown figures (nor bounded narrower than the width). */
        boolean guarded() {
            return state == State.SMALL || state == State.PROTECTING;
        }
    }

    /**
     * Sum of coefficient × figure is zero. A bound is a relation closed by a gap ({@link #gap}): it says that a part
     * is at most its whole, and never lets a figure be computed.
     */
    record Relation(Map<Object, Integer> terms, boolean bound) {
    }

    private final int k;
    /** The narrowest range a guarded figure may be bounded to; 0 leaves ranges unchecked. */
    private final int width;
    private final Function<Object, Object> canonical;
    private final Map<Object, Figure> figures = new LinkedHashMap<>();
    private final List<Relation> relations = new ArrayList<>();
    private final Map<Object, List<Object>> dependencies = new LinkedHashMap<>();
    /** Whether {@link #freeze()} was called: a filtered breakdown's pair on top of the survey's problem. */
    private boolean frozen;
    private final LinearSteps linearSteps = new LinearSteps(this);
    private final IntervalRule intervalRule;

    public Disclosure(int k) {
        this(k, Function.identity());
    }

    /** @param canonical maps every key to the figure it stands for; keys that show the same count map together */
    public Disclosure(int k, Function<Object, Object> canonical) {
        this(k, 0, canonical);
    }

    /**
     * @param width no guarded figure may be bounded to a range narrower than this (highest less lowest value the
     *        shown figures allow); 0 checks no range
     */
    public Disclosure(int k, int width, Function<Object, Object> canonical) {
        this.k = k;
        this.width = width;
        this.canonical = canonical;
        this.intervalRule = new IntervalRule(this, width);
    }

    public int k() {
        return k;
    }

    public int width() {
        return width;
    }

    /**
     * An independent copy with every figure in its present state, to which more figures can be added and protected
     * (a filtered breakdown's pair on top of the survey's solved problem) without changing this one, which other
     * requests keep reading. Figures added to it are protected with {@code width}.
     */
    public Disclosure copy(int width) {
        Disclosure copy = new Disclosure(k, width, canonical);
        figures.forEach((key, figure) -> {
            Figure twin = new Figure(figure.n, figure.state, figure.known);
            twin.fixed = figure.fixed;
            twin.withheld = figure.withheld;
            twin.derived = figure.derived;
            twin.headline = figure.headline;
            twin.shareOnly = figure.shareOnly;
            twin.roundable = figure.roundable;
            twin.gap = figure.gap;
            twin.low = figure.low;
            twin.high = figure.high;
            copy.figures.put(key, twin);
        });
        copy.relations.addAll(relations);
        copy.dependencies.putAll(dependencies);
        return copy;
    }

    /** A count of respondents. Registering the same figure twice keeps the first: aliases share one figure. */
    public void count(Object key, long n) {
        forget();
        Object figure = canonical.apply(key);
        Figure known = figures.get(figure);
        if (known == null || known.state == State.WITHHELD || known.state == State.SMALL && known.withheld) {
            figures.put(figure, new Figure(n, n < k ? State.SMALL : State.SHOWN, false));
        }
    }

    /**
     * A count that no output shows but that relations tie to shown ones (a class inside a recoded row). If an output
     * shows the same figure, its {@link #count} wins.
     */
    public void withheld(Object key, long n) {
        forget();
        Object figure = canonical.apply(key);
        if (!figures.containsKey(figure)) {
            Figure withheld = new Figure(n, n < k ? State.SMALL : State.WITHHELD, false);
            withheld.withheld = true;
            figures.put(figure, withheld);
        }
    }

    /**
     * Publishes those of the candidates that the figures already published determine through the relations among
     * these figures alone (a filtered breakdown's pool of groups whose people the results without a filter show, one
     * by one or as the rest of their group, see {@link PairPooling}): shown, and never hidden to protect another
     * figure, as hiding a figure every reader can work out would hide nothing, and protecting it could never succeed.
     */
    public void publishDetermined(Collection<?> among, Collection<?> candidates) {
        forget();
        java.util.Set<Object> scope = new java.util.LinkedHashSet<>();
        among.forEach(key -> scope.add(canonical.apply(key)));
        List<Relation> within = relations.stream()
                .filter(relation -> !relation.bound() && scope.containsAll(relation.terms().keySet())).toList();
        List<Object> unknown = scope.stream().filter(key -> !published(figure(key))).toList();
        Map<Object, List<Object>> determined = Elimination.determined(unknown, within,
                key -> !published(figure(key)));
        for (Object candidate : candidates) {
            Figure figure = figure(canonical.apply(candidate));
            if (determined.containsKey(canonical.apply(candidate)) && !figure.fixed) {
                figure.state = State.SHOWN;
                figure.fixed = true;
            }
        }
    }

    private static boolean published(Figure figure) {
        return figure.known || figure.fixed && figure.state == State.SHOWN;
    }

    /**
     * The people a count leaves out of a larger one it is part of (those who answered a multiple-choice question but
     * did not pick one of its options). Registered with the one relation it closes (part + gap = whole), it states
     * what every reader knows without being told, that a part is at most its whole, so that the interval rule bounds
     * hidden counts as such a reader does. Never shown, never guarded, never protecting: as an unknown in a single
     * relation it lets no other figure be computed, and it is computable only from the figures it lies between.
     */
    public void gap(Object key, long n) {
        forget();
        Figure gap = new Figure(n, State.WITHHELD, false);
        gap.withheld = true;
        gap.gap = true;
        figures.putIfAbsent(canonical.apply(key), gap);
    }

    /** A figure everyone knows without being told (a count that is zero by definition). Register it first. */
    public void known(Object key, long n) {
        forget();
        figures.put(canonical.apply(key), new Figure(n, State.SHOWN, true));
    }

    /** A figure computed from others (e.g. a group's sum), hidden whenever one of them is. */
    public void derived(Object key, long n, Collection<?> dependsOn) {
        forget();
        Object figure = canonical.apply(key);
        figures.putIfAbsent(figure, new Figure(n, State.SHOWN, false));
        if (figures.get(figure).known) {
            return; // a group's sum that is zero by design (see FigureKeys): known, like its respondents
        }
        figures.get(figure).derived = true;
        dependencies.put(figure, dependsOn.stream().map(canonical).toList());
    }

    /**
     * Marks a registered count as a headline figure: one an evaluator reads first (the respondents of a group, those
     * who answered a knowledge item). Issue 13 ranks it above the interval rule: a partner is never hidden for the
     * rule if that, directly or through the linear steps it sets off, would hide a headline figure shown without it.
     * A range that only a headline figure could widen is left narrow and listed ({@link #leftNarrow()}). The linear
     * steps are not limited: no hidden figure is ever computable.
     */
    public void headline(Object key) {
        Figure figure = figure(canonical.apply(key));
        figure.headline = true;
        figure.shareOnly = false;
        figure.roundable = false;
    }

    /**
     * Marks a registered count as a headline figure ({@link #headline}) that is a total of at least 5·k people (a
     * group's respondents, those who answered a knowledge item): issue 13 says such a total is rounded rather than
     * hidden to protect a small cell. The interval rule rounds it in its second resort, after headline shares
     * ({@link #round}), rather than leave a range narrow; every share of it is then shown as the range of shares its
     * range gives.
     */
    public void headlineCount(Object key) {
        Figure figure = figure(canonical.apply(key));
        if (figure.headline && !figure.roundable) {
            return; // the same count as one never rounded (a wave's respondents): it stays so
        }
        figure.headline = true;
        figure.shareOnly = false;
        figure.roundable = true;
    }

    /**
     * Marks a registered count whose share is the headline figure (a knowledge item's right answers, whose share of
     * those who answered it is what evaluators read). The interval rule spares it like a headline figure as long as
     * another partner widens a range; only when nothing else does is the count <em>rounded</em> ({@link #round}):
     * published as the range it lies in, a range as wide as the width, and its share as the shares of that range
     * ({@code ShownFigures#rightAnswers}). That is the "round it instead" for a count: a range of people
     * rather than an unknown, so the linear steps never need to hide another figure for it. A figure that is also a
     * headline figure of its own (a group's respondents) stays one and is never rounded.
     */
    public void headlineShare(Object key) {
        Figure figure = figure(canonical.apply(key));
        if (!figure.headline) {
            figure.headline = true;
            figure.shareOnly = true;
            figure.roundable = true;
        }
    }

    /** Members that add up to a total. */
    public void line(Collection<?> members, Object total) {
        Map<Object, Integer> terms = new LinkedHashMap<>();
        members.forEach(member -> terms.merge(member, 1, Integer::sum));
        terms.merge(total, -1, Integer::sum);
        relation(terms);
    }

    /** Figures weighted by their coefficients add up to zero. */
    public void relation(Map<?, Integer> terms) {
        forget();
        Map<Object, Integer> merged = new LinkedHashMap<>();
        terms.forEach((key, coefficient) -> merged.merge(canonical.apply(key), coefficient, Integer::sum));
        merged.values().removeIf(coefficient -> coefficient == 0);
        addUnknownPart(merged);
    }

    /**
     * Adds the relation of these terms without its known members (constants, all zero); a relation among known
     * figures alone, or an identity (a total that is its only member), says nothing and is not added. It is a bound
     * when a gap is left among its members.
     */
    private void addUnknownPart(Map<Object, Integer> terms) {
        Map<Object, Integer> unknown = new LinkedHashMap<>(terms);
        unknown.keySet().removeIf(figure -> figures.containsKey(figure) && figures.get(figure).known);
        if (!unknown.isEmpty()) {
            relations.add(new Relation(unknown,
                    unknown.keySet().stream().anyMatch(figure -> figures.containsKey(figure) && figures.get(figure).gap)));
        }
    }

    /** Registering a figure or a relation can make fewer values possible: what protecting learnt is forgotten. */
    private void forget() {
        linearSteps.forget();
        intervalRule.forget();
    }

    /**
     * Applies complementary suppression until no hidden figure can be computed, every dependency holds and no
     * guarded figure can be bounded to a range narrower than the width.
     */
    public void protect() {
        knowStructuralZeros();
        hideBesideFixedHidden();
        protectLinearly();
        if (width > 0) {
            intervalRule.protect();
        }
    }

    /**
     * Counts that the relations alone make zero become known zeros, as {@link FigureKeys}' are: a relation whose
     * members all count with the same sign holds only if each of them is zero, whatever the answers, and a reader who
     * knows the relations knows it (the full score among those whose answer to an item was wrong is at most their
     * right answers to it, a known zero). Protecting such a zero hides nothing, and its range, a single value, is one
     * no partner can widen. Each one found leaves fewer members in other relations, so the search goes on until it
     * finds none.
     */
    private void knowStructuralZeros() {
        while (true) {
            java.util.Set<Object> zeros = new java.util.LinkedHashSet<>();
            for (Relation relation : relations) {
                boolean oneSign = relation.terms().values().stream().allMatch(coefficient -> coefficient > 0)
                        || relation.terms().values().stream().allMatch(coefficient -> coefficient < 0);
                // every member is a count of people (or a gap), so it can only be zero: a non-zero one would be a
                // relation registered wrong, left to the steps as it is
                if (oneSign && relation.terms().keySet().stream()
                        .allMatch(key -> figures.containsKey(key) && figures.get(key).n == 0)) {
                    zeros.addAll(relation.terms().keySet());
                }
            }
            if (zeros.isEmpty()) {
                return;
            }
            forget();
            zeros.forEach(key -> figures.put(key, new Figure(0, State.SHOWN, true)));
            List<Relation> registered = List.copyOf(relations);
            relations.clear();
            registered.forEach(relation -> addUnknownPart(relation.terms()));
        }
    }

    /** The linear steps, until no hidden figure can be computed and every dependency holds ({@link LinearSteps}). */
    void protectLinearly() {
        linearSteps.run();
    }

    /** Every figure's state, to go back to (see {@link #restore}). */
    Map<Object, State> states() {
        Map<Object, State> states = new java.util.HashMap<>();
        figures.forEach((key, figure) -> states.put(key, figure.state));
        return states;
    }

    /**
     * Whether a headline figure shown in these states is hidden now, or rounded before the interval rule's resort
     * allows it ({@link Resort#mayRound}): the rule spares a partner that makes the linear steps round one too early.
     */
    boolean hidesHeadline(Map<Object, State> before, Resort resort) {
        return figures.entrySet().stream().anyMatch(entry -> entry.getValue().headline && entry.getValue().hidden()
                && !(entry.getValue().state == State.ROUNDED && resort.mayRound(entry.getValue()))
                && before.get(entry.getKey()) == State.SHOWN);
    }

    /** The interval rule's resort now: the linear steps round a headline share only in one ({@link LinearSteps}). */
    Resort resort() {
        return intervalRule.resort();
    }

    /** Whether any figure the interval rule may round in this resort is still shown. */
    boolean showsRoundable(Resort resort) {
        return figures.values().stream().anyMatch(figure -> resort.mayRound(figure) && !figure.hidden());
    }

    /**
     * Rounds a headline share ({@link #headlineShare}): it is published as the range of {@code width + 1} whole
     * numbers it falls in, counted from zero (0–10, 11–21, … for a width of 10), so that a figure tied to it by a
     * relation is bounded no narrower than the width through it. The ranges are fixed by the width alone, never by
     * the figures the rounding protects, so the range tells nothing but itself.
     */
    void round(Object key) {
        round(figure(key));
    }

    void round(Figure figure) {
        long[] range = rounding(figure);
        figure.low = range[0];
        figure.high = range[1];
        figure.state = State.ROUNDED;
    }

    /** The range {@link #round} publishes a figure as. */
    long[] rounding(Figure figure) {
        long step = width + 1L;
        long low = figure.n / step * step;
        return new long[] { low, low + width };
    }

    /** The range a rounded figure is published as; null when it is not rounded. */
    public long[] rounded(Object key) {
        Figure figure = figures.get(canonical.apply(key));
        return figure == null || figure.state != State.ROUNDED ? null : new long[] { figure.low, figure.high };
    }

    List<Relation> relations() {
        return relations;
    }

    /** Each derived figure with the figures it is computed from (see {@link #derived}). */
    Map<Object, List<Object>> dependencies() {
        return dependencies;
    }

    boolean frozen() {
        return frozen;
    }

    /** Back to these states. */
    void restore(Map<Object, State> states) {
        states.forEach((key, state) -> figures.get(key).state = state);
    }

    /**
     * The guarded figures the interval rule left narrower than the width (see {@link #headline}), each with how many
     * values its range lacks; empty without a width.
     */
    public Map<Object, Long> leftNarrow() {
        return intervalRule.leftNarrow();
    }

    /**
     * Fixes the state of every figure registered so far: figures registered afterwards are protected without
     * hiding any of these (a filtered breakdown's groups, added to what every output already shows).
     */
    public void freeze() {
        figures.values().forEach(figure -> figure.fixed = true);
        frozen = true;
    }

    /**
     * A figure already published as hidden is never split into shown parts: every later figure in a relation with
     * one is hidden too. Otherwise each later problem (each pair of dimensions is one) could tell a difference
     * between two hidden figures, harmless alone, that several of them together turn into a hidden figure's value.
     */
    private void hideBesideFixedHidden() {
        for (Relation relation : relations) {
            // a gap is hidden without having been published as hidden: a bound splits nothing
            if (!relation.bound()
                    && relation.terms().keySet().stream().anyMatch(key -> figure(key).fixed && figure(key).hidden())) {
                for (Object key : relation.terms().keySet()) {
                    Figure figure = figure(key);
                    if (!figure.fixed && !figure.known && !figure.hidden()) {
                        figure.state = State.PROTECTING;
                    }
                }
            }
        }
    }

    /** What a reader of the outputs knows, and what they must not learn (see {@link PublishedDisclosure}). */
    PublishedDisclosure published() {
        return PublishedDisclosure.of(figures, relations, leftNarrow().keySet());
    }

    public State state(Object key) {
        Figure figure = figures.get(canonical.apply(key));
        if (figure == null) {
            throw new IllegalArgumentException("No figure " + key);
        }
        return figure.state;
    }

    public boolean isHidden(Object key) {
        return state(key) != State.SHOWN;
    }

    public boolean allShown(Collection<?> keys) {
        return keys.stream().noneMatch(this::isHidden);
    }

    /** The blocks of the hidden figures now (see {@link Blocks}). */
    Blocks blocks() {
        return Blocks.of(figures, relations, frozen);
    }

    Figure figure(Object canonicalKey) {
        Figure figure = figures.get(canonicalKey);
        if (figure == null) {
            throw new IllegalStateException("A relation names a figure that was never registered: " + canonicalKey);
        }
        return figure;
    }
}

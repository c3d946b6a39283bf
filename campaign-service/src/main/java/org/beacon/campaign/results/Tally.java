package org.beacon.campaign.results;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The aggregated figures of one survey as the database returned them: per wave, question and choice, for everyone,
 * per group of each breakdown dimension and, when a filter asks for it, per group of one pair of dimensions. Small
 * (thousands of cells whatever the number of responses).
 */
public final class Tally {

    /** Question 0 counts respondents; question -1 holds the knowledge score (choice = score + 1). */
    public static final long RESPONDENTS = 0;
    public static final long KNOWLEDGE_SCORE = -1;

    /**
     * A figure's place; value is the dimension's value (a choice position, a collection link, 0 = not stated), 0 for
     * {@link Dimension#ALL}. A filtered dimension's key and the key of the same pair seen the other way round (women
     * by nationality, nationality X by gender) name the same figure.
     */
    public record Key(int wave, long question, int choice, Dimension dimension, int value) {
    }

    /** Where the rollup keeps a key: one group of up to two dimensions, the dimension with the smaller id first. */
    private record Place(int wave, long question, int choice, long dimA, int valueA, long dimB, int valueB) {

        static Place of(Key key) {
            Dimension d = key.dimension();
            if (!d.isFiltered()) {
                return new Place(key.wave(), key.question(), key.choice(), d.id(), key.value(), 0, 0);
            }
            return d.filter() < d.id()
                    ? new Place(key.wave(), key.question(), key.choice(), d.filter(), d.filterValue(), d.id(),
                            key.value())
                    : new Place(key.wave(), key.question(), key.choice(), d.id(), key.value(), d.filter(),
                            d.filterValue());
        }
    }

    /**
     * How many respondents, and for integer, decimal and date questions the sum and sum of squares of their numbers
     * (as stored: decimals in thousandths, dates in days since 1970-01-01) and for decimal and date questions the
     * smallest and largest (null when none or not kept).
     */
    public record Sums(long n, long total, double totalSquares, Long low, Long high) {
        static final Sums ZERO = new Sums(0, 0, 0);

        public Sums(long n, long total, double totalSquares) {
            this(n, total, totalSquares, null, null);
        }
    }

    /** Choice -1 of a question counts the respondents who were not asked it (its relevance was false). */
    public static final int NOT_ASKED = -1;

    /** Everyone's figures and each dimension's groups (dimB = 0): what every output of the survey shows. */
    private final Map<Place, Sums> sums = new HashMap<>();
    /** The groups of one pair of dimensions, read for a filtered breakdown. */
    private final Map<Place, Sums> pairs = new HashMap<>();

    void put(Key key, Sums value) {
        put(Place.of(key), value);
    }

    /** A row of the rollup as stored: everyone when dimA is 0, one dimension's group when dimB is 0, else a pair. */
    void put(int wave, long question, int choice, long dimA, int valueA, long dimB, int valueB, Sums value) {
        put(new Place(wave, question, choice, dimA, valueA, dimB, valueB), value);
    }

    private void put(Place place, Sums value) {
        (place.dimB() == 0 ? sums : pairs).put(place, value);
    }

    /**
     * The same figures with some questions renumbered (see {@link GroupPooling}): their answers' choices and their
     * groups' values take the new number of the old (index = old value; 0, not stated, and "not asked" stay), and
     * figures that fall on one place are summed.
     */
    Tally renumbered(Map<Long, int[]> renumber) {
        Tally tally = new Tally();
        sums.forEach((place, value) -> tally.sums.merge(renumbered(place, renumber), value, Tally::sum));
        pairs.forEach((place, value) -> tally.pairs.merge(renumbered(place, renumber), value, Tally::sum));
        return tally;
    }

    private static Place renumbered(Place place, Map<Long, int[]> renumber) {
        int[] choices = renumber.get(place.question());
        int[] a = renumber.get(place.dimA());
        int[] b = renumber.get(place.dimB());
        return new Place(place.wave(), place.question(),
                choices != null && place.choice() > 0 ? choices[place.choice()] : place.choice(), place.dimA(),
                a != null && place.valueA() > 0 ? a[place.valueA()] : place.valueA(), place.dimB(),
                b != null && place.valueB() > 0 ? b[place.valueB()] : place.valueB());
    }

    /**
     * The same figures with the pooled columns of a filtered breakdown added (see {@link PairPooling}): per dimension
     * within a group of another, each member's figures are summed into its pool's value as well. The members' own
     * figures stay: the pools are tied to them.
     */
    Tally withPooledPairs(Map<Dimension, Map<Integer, Integer>> poolOf) {
        if (poolOf.isEmpty()) {
            return this;
        }
        Tally tally = new Tally();
        tally.sums.putAll(sums);
        tally.pairs.putAll(pairs);
        pairs.forEach((place, value) -> poolOf.forEach((within, pools) -> {
            Place pooled = pooled(place, within, pools);
            if (pooled != null) {
                tally.pairs.merge(pooled, value, Tally::sum);
            }
        }));
        return tally;
    }

    /** The place of a pool that a pair's place counts in, or null when it is no member of one of these pools. */
    private static Place pooled(Place place, Dimension within, Map<Integer, Integer> pools) {
        if (within.filter() < within.id()) {
            Integer pool = place.dimA() == within.filter() && place.valueA() == within.filterValue()
                    && place.dimB() == within.id() ? pools.get(place.valueB()) : null;
            return pool == null ? null : new Place(place.wave(), place.question(), place.choice(), place.dimA(),
                    place.valueA(), place.dimB(), pool);
        }
        Integer pool = place.dimA() == within.id() && place.dimB() == within.filter()
                && place.valueB() == within.filterValue() ? pools.get(place.valueA()) : null;
        return pool == null ? null : new Place(place.wave(), place.question(), place.choice(), place.dimA(), pool,
                place.dimB(), place.valueB());
    }

    private static Sums sum(Sums one, Sums other) {
        return new Sums(one.n() + other.n(), one.total() + other.total(), one.totalSquares() + other.totalSquares(),
                extreme(one.low(), other.low(), false), extreme(one.high(), other.high(), true));
    }

    /** The lower or higher of two extremes, either of which may be unknown (null). */
    private static Long extreme(Long one, Long other, boolean highest) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return highest ? Long.valueOf(Math.max(one, other)) : Long.valueOf(Math.min(one, other));
    }

    public Sums get(Key key) {
        Place place = Place.of(key);
        return (place.dimB() == 0 ? sums : pairs).getOrDefault(place, Sums.ZERO);
    }

    /**
     * The figures of everyone and of each dimension's group, as a value: two tallies with equal figures give equal
     * objects, whatever order the database returned the rows in (see {@link SolvedDisclosures}).
     */
    Object singleFigures() {
        return Collections.unmodifiableMap(sums);
    }

    /** The figures of the pair's groups, as a value (see {@link #singleFigures()}). */
    Object pairFigures() {
        return Collections.unmodifiableMap(pairs);
    }

    public long n(int wave, long question, int choice, Dimension dimension, int value) {
        return get(new Key(wave, question, choice, dimension, value)).n();
    }

    /**
     * The choices that hold answers to a question (the bins of a decimal or date question), in order, with how many
     * answers each holds over all waves.
     */
    public SortedMap<Integer, Long> choices(long question) {
        SortedMap<Integer, Long> choices = new TreeMap<>();
        sums.forEach((place, value) -> {
            if (place.question() == question && place.choice() > 0 && place.dimA() == 0 && value.n() > 0) {
                choices.merge(place.choice(), value.n(), Long::sum);
            }
        });
        return choices;
    }

    /** The values a dimension takes among the respondents of a wave (collection links are not positions). */
    public SortedMap<Integer, Long> values(int wave, long dimension) {
        SortedMap<Integer, Long> values = new TreeMap<>();
        sums.forEach((place, value) -> {
            if (place.wave() == wave && place.question() == RESPONDENTS && place.dimA() == dimension
                    && place.dimB() == 0 && value.n() > 0) {
                values.merge(place.valueA(), value.n(), Long::sum);
            }
        });
        return values;
    }

    /** How many responses the figures count, over all waves (see {@link ResultsQueries#RESPONSES}). */
    public long responses() {
        long responses = 0;
        for (Map.Entry<Place, Sums> figure : sums.entrySet()) {
            Place place = figure.getKey();
            if (place.question() == RESPONDENTS && place.choice() == 0 && place.dimA() == 0) {
                responses += figure.getValue().n();
            }
        }
        return responses;
    }

    public boolean hasWave(int wave) {
        return n(wave, RESPONDENTS, 0, Dimension.ALL, 0) > 0;
    }
}

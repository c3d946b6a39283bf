package org.beacon.campaign.results;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The aggregated figures of one survey as the database returned them: per wave, question and choice, for everyone
 * and per value of each background dimension. Small (thousands of cells whatever the number of responses).
 */
public final class Tally {

    /** Question 0 counts respondents; question -1 holds the knowledge score (choice = score + 1). */
    public static final long RESPONDENTS = 0;
    public static final long KNOWLEDGE_SCORE = -1;

    /** A figure's place; value is the background choice position (0 = not stated), 0 for {@link Dimension#ALL}. */
    public record Key(int wave, long question, int choice, Dimension dimension, int value) {
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

    private final Map<Key, Sums> sums = new HashMap<>();

    void put(Key key, Sums value) {
        sums.put(key, value);
    }

    public Sums get(Key key) {
        return sums.getOrDefault(key, Sums.ZERO);
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
        sums.forEach((key, value) -> {
            if (key.question() == question && key.choice() > 0 && key.dimension() == Dimension.ALL && value.n() > 0) {
                choices.merge(key.choice(), value.n(), Long::sum);
            }
        });
        return choices;
    }

    public boolean hasWave(int wave) {
        return n(wave, RESPONDENTS, 0, Dimension.ALL, 0) > 0;
    }
}

package org.beacon.campaign.results;

import java.util.HashMap;
import java.util.Map;

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

    /** How many respondents, and for integer questions the sum and sum of squares of their numbers. */
    public record Sums(long n, long total, double totalSquares) {
        static final Sums ZERO = new Sums(0, 0, 0);
    }

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

    public boolean hasWave(int wave) {
        return n(wave, RESPONDENTS, 0, Dimension.ALL, 0) > 0;
    }
}

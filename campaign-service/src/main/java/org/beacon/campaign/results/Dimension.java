package org.beacon.campaign.results;

/**
 * What a group of respondents is formed by: nobody in particular ({@link #ALL}), the answer to one single-choice
 * question (its id), or the collection link an answer came through ({@link #TEAM}). A dimension may be taken within
 * one group of another ("by nationality, women only"): its groups are then the pairs of both answers.
 *
 * @param id the question's id, {@link #TEAM}, or 0 for everyone
 * @param filter the dimension whose group this one is taken within; 0 for none
 * @param filterValue the value of that group
 */
public record Dimension(long id, long filter, int filterValue) {

    /** The collection team; question ids are positive and -1 is the knowledge score's place in the rollup. */
    public static final long TEAM = -2;

    public static final Dimension ALL = new Dimension(0, 0, 0);

    public static Dimension of(long id) {
        return new Dimension(id, 0, 0);
    }

    /** This dimension's groups among those whose {@code filter} is {@code value}. */
    public Dimension within(Dimension filter, int value) {
        return new Dimension(id, filter.id(), value);
    }

    public boolean isFiltered() {
        return filter != 0;
    }

    public Dimension unfiltered() {
        return isFiltered() ? of(id) : this;
    }

    /** The group that this dimension's groups add up to: everyone, or the filter's group. */
    public Dimension parent() {
        return isFiltered() ? of(filter) : ALL;
    }

    public int parentValue() {
        return isFiltered() ? filterValue : 0;
    }
}

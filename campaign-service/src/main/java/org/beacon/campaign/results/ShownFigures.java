package org.beacon.campaign.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.beacon.campaign.results.ResultItem.SumKey;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.survey.SurveyQuestion;

/**
 * What each figure of one survey's results shows once its disclosure problem is solved: a count with its share, a
 * mean, an extreme answer, or "hidden" / "&lt; k" in their place. Means and the moments of changes are computed from
 * shown figures only, and rounded where merged or hidden answers lie behind them ({@link Rounding}), so nothing shown
 * reveals a hidden figure. {@link SurveyResults} lays these out as tables, breakdowns and changes.
 */
final class ShownFigures {

    private final Disclosure disclosure;
    private final FigureRegistry figures;
    private final Tally tally;
    private final List<ResultItem> items;
    /** The knowledge score, or null when the survey has no knowledge items. */
    private final ResultItem score;
    private final ResultsWording words;

    ShownFigures(Disclosure disclosure, FigureRegistry figures, Tally tally, List<ResultItem> items, ResultItem score,
            ResultsWording words) {
        this.disclosure = disclosure;
        this.figures = figures;
        this.tally = tally;
        this.items = items;
        this.score = score;
        this.words = words;
    }

    private long n(Object figure) {
        return figures.n(figure);
    }

    Figure hidden(Object key) {
        return disclosure.state(key) == Disclosure.State.SMALL
                ? new Figure(null, null, null, "< " + words.text().count(disclosure.k()), Figure.SMALL)
                : new Figure(null, null, null, words.hidden(), Figure.PROTECTING);
    }

    /**
     * A count with its share of a whole (base, null for none): the count and share when both are shown; when the
     * count, or the whole, was rounded to a range ({@link Disclosure#round}: a headline figure the interval rule
     * rounded rather than hid), the range and the shares the ranges give: "30–40 (55.0–72.7%)", "12 (37.5–54.5%)".
     * A rounded count has no n, its range as low and high, and the middle share as its percentage; "hidden" or
     * "&lt; k" when the count is hidden.
     */
    Figure count(Object key, Object base) {
        Range range = range(key, base);
        if (range == null) {
            return hidden(key);
        }
        Double low = null;
        Double high = null;
        Double middle = null;
        if (range.wholeLow() > 0) {
            // rounded half up here, as every share is, before any format rounds them its own way
            low = round(100.0 * range.low() / range.wholeHigh(), 1);
            high = round(100.0 * range.high() / range.wholeLow(), 1);
            middle = round(50.0 * ((double) range.low() / range.wholeHigh() + (double) range.high() / range.wholeLow()),
                    1);
        }
        String display = words.text().range(range.low(), range.high(), low, high);
        return range.low() == range.high() ? new Figure(range.low(), middle, null, display, null)
                : new Figure(null, middle, null, display, Figure.ROUNDED, range.low(), range.high());
    }

    /** A knowledge item's right answers in a group's column, as {@link #count} shows them. */
    Figure rightAnswers(ResultItem shown, int wave, Dimension dimension, int value) {
        return count(shown.classKey(wave, shown.correct, dimension, value), shown.base(wave, dimension, value));
    }

    /**
     * Between low and high people of a whole between wholeLow and wholeHigh, as far as the shown figures tell (low =
     * high: the count is shown; a whole of 0 to 0: there is none, or it is hidden).
     */
    record Range(long low, long high, long wholeLow, long wholeHigh) {
    }

    /**
     * What the outputs tell of a count and its whole: each is shown, or rounded to a range ({@link Disclosure#round});
     * null when the count is hidden. A whole that is hidden, or none, is a whole of 0 to 0 (no share).
     */
    Range range(Object key, Object base) {
        long[] people = shown(key);
        if (people == null) {
            return null;
        }
        long[] whole = base == null ? null : shown(base);
        if (whole == null) {
            return new Range(people[0], people[1], 0, 0);
        }
        // no more people than the whole, which the reader sees too
        return new Range(people[0], Math.min(people[1], whole[1]), whole[0], whole[1]);
    }

    /** A figure as the outputs show it: its count twice, the range it was rounded to, or null when hidden. */
    private long[] shown(Object key) {
        return disclosure.isHidden(key) ? disclosure.rounded(key) : new long[] { n(key), n(key) };
    }

    /**
     * What the outputs tell of a knowledge item's right answers in a group and of those who answered it ({@link
     * #range}); null when either is hidden or nobody answered.
     *
     * @param shown the item with the rows its table shows
     */
    Range rightAnswerRange(ResultItem shown, int wave, Dimension dimension, int value) {
        Range range = range(shown.classKey(wave, shown.correct, dimension, value), shown.base(wave, dimension, value));
        return range == null || range.wholeLow() == 0 ? null : range;
    }

    /** Count, sum and sum of squares of a group, or null when any figure behind them is hidden. */
    Change.Moments moments(ResultItem item, int wave, Dimension dimension, int value) {
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
    Spread spread(ResultItem overall, int wave, Dimension dimension, int value) {
        ResultItem item = overall.in(dimension);
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
        // the answers shown in rows of one class: their values are known exactly
        double exactSum = 0;
        double exactSquares = 0;
        // the highest value any other answer (in a merged or hidden row) can have
        double uncertainHighest = 0;
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
            if (classes.size() == 1) {
                exactSum += count * item.values[classes.get(0) - 1];
                exactSquares += count * item.values[classes.get(0) - 1] * item.values[classes.get(0) - 1];
            } else if (count > 0) {
                uncertainHighest = Math.max(uncertainHighest, item.values[classes.get(classes.size() - 1) - 1]);
            }
        }
        long unseen = n - shown;
        if (unseen > 0) {
            double lowest = hiddenClasses.stream().mapToDouble(member -> item.values[member - 1]).min().orElseThrow();
            double highest = hiddenClasses.stream().mapToDouble(member -> item.values[member - 1]).max().orElseThrow();
            low += unseen * lowest;
            high += unseen * highest;
            uncertainHighest = Math.max(uncertainHighest, highest);
            for (int member : hiddenClasses) {
                double v = item.values[member - 1];
                sum += v * unseen / hiddenClasses.size();
                squares += v * v * unseen / hiddenClasses.size();
            }
        }
        Double total = overall == score ? scoreTotal(wave, dimension, value) : null;
        if (total != null && low != high) {
            // Everyone's score is the credit of their answers, so the scores of a group add up to its knowledge items'
            // credited answers: when those are all shown, the reader has the exact total, whatever score classes are
            // merged or hidden, and the mean is exact. The spread of the answers not shown one class a row is not
            // known; for the interval of a change, each of them counts as if at the highest value any of them can
            // have (value² ≤ value × highest), which can only widen it.
            double uncertainSum = Math.max(0, total - exactSum);
            return new Spread(n, total, total,
                    new Change.Moments(n, total, exactSquares + uncertainSum * uncertainHighest));
        }
        return new Spread(n, low, high, new Change.Moments(n, sum, squares));
    }

    /**
     * The sum of a group's knowledge scores (in points) when the shown figures give it: every answer that earns credit
     * has a row of its own and is shown in each knowledge item's table of the group; otherwise null.
     */
    private Double scoreTotal(int wave, Dimension dimension, int value) {
        double total = 0;
        for (ResultItem overall : items) {
            if (!overall.kind.equals(SurveyQuestion.KNOWLEDGE)) {
                continue;
            }
            ResultItem item = overall.in(dimension);
            for (int c = 1; c <= item.classes(); c++) {
                int credit = item.credits[c - 1];
                if (credit == 0) {
                    continue;
                }
                Object key = item.classKey(wave, c, dimension, value);
                if (!shownAlone(item, c) || disclosure.isHidden(key)) {
                    return null;
                }
                total += n(key) * credit / 100.0;
            }
        }
        return total;
    }

    /** Whether a class has a row of its own in an item's table. */
    private static boolean shownAlone(ResultItem item, int c) {
        for (int row = 1; row <= item.choices(); row++) {
            if (item.classesOf(row).equals(List.of(c))) {
                return true;
            }
        }
        return false;
    }

    /** See {@link #spread}: sums of values between low and high, exact when they meet. */
    record Spread(long n, double low, double high, Change.Moments middle) {
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
    boolean roundable(long n) {
        return Rounding.headline(n, disclosure.k());
    }

    Figure mean(ResultItem item, int wave, Dimension dimension, int value) {
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
        if (item.isMoment()) {
            return new Figure(moments.n(), null, mean, words.text().moment(item.kind, Math.round(moments.mean())), null);
        }
        return new Figure(moments.n(), null, mean, words.text().decimal(mean, 2), null);
    }

    /**
     * The smallest or largest answer of a group, shown only where k allows: the group's answered count is shown,
     * and at least k of its answers lie in the same fine bin of the rollup as the extreme one, so that the figure
     * is one of k or more close answers rather than one person's.
     */
    Figure extreme(ResultItem item, int wave, Dimension dimension, int value, boolean lowest) {
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
        return new Figure(null, null, number, item.isMoment() ? words.text().moment(item.kind, extreme)
                : words.text().plain(new BigDecimal(Bins.number(extreme, item.scale))),
                null);
    }


    /** The value rounded half up to this many decimals, as figures are shown. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}

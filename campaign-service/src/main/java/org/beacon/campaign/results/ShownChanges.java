package org.beacon.campaign.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.beacon.campaign.results.ResultsView.ChangeRow;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;

/**
 * The change from baseline to endline of everyone or of one group, for each knowledge item (right answers, in
 * percentage points), each item with values and the knowledge score (means), with its 95 % interval: computed from
 * shown figures only ({@link ShownFigures}), rounded where merged or hidden answers lie behind a wave, hidden where
 * the figures it needs are.
 */
final class ShownChanges {

    private final ShownFigures published;
    private final Disclosure disclosure;
    private final FigureRegistry figures;
    private final List<ResultItem> items;
    /** The knowledge score, or null when the survey has no knowledge items. */
    private final ResultItem score;
    private final List<Wave> waves;
    private final ResultsWording words;

    ShownChanges(ShownFigures published, Disclosure disclosure, FigureRegistry figures, List<ResultItem> items,
            ResultItem score, List<Wave> waves, ResultsWording words) {
        this.published = published;
        this.disclosure = disclosure;
        this.figures = figures;
        this.items = items;
        this.score = score;
        this.waves = waves;
        this.words = words;
    }

    /** The changes of everyone, or of one group. */
    List<ChangeRow> of(Dimension dimension, int value) {
        if (!waves.contains(Wave.BASELINE) || !waves.contains(Wave.ENDLINE)) {
            return List.of();
        }
        int before = Wave.BASELINE.code();
        int after = Wave.ENDLINE.code();
        List<ChangeRow> changes = new ArrayList<>();
        for (ResultItem item : items) {
            if (dimension.isFiltered() && !figures.inPairs(item)) {
                continue; // not among a pair's figures
            }
            if (item.kind.equals(SurveyQuestion.KNOWLEDGE)) {
                changes.add(proportionChange(item, before, after, dimension, value));
            } else if (item.isMoment()) {
                continue; // a change of mean date or time of day is not a campaign's effect
            } else if (item.values != null || item.integer) {
                changes.add(meanChange(item, before, after, dimension, value));
            }
        }
        if (score != null && (!dimension.isFiltered() || figures.scoreInPairs())) {
            changes.add(meanChange(score, before, after, dimension, value));
        }
        return changes;
    }

    private ChangeRow proportionChange(ResultItem item, int before, int after, Dimension dimension, int value) {
        Object x1 = item.classKey(before, item.correct, dimension, value);
        Object n1 = item.base(before, dimension, value);
        Object x2 = item.classKey(after, item.correct, dimension, value);
        Object n2 = item.base(after, dimension, value);
        ResultItem shown = item.in(dimension);
        Figure baseline = published.rightAnswers(shown, before, dimension, value);
        Figure endline = published.rightAnswers(shown, after, dimension, value);
        if (!disclosure.allShown(List.of(x1, n1, x2, n2)) || figures.n(n1) == 0 || figures.n(n2) == 0) {
            ChangeRow rounded = roundedProportionChange(item, baseline, endline,
                    published.rightAnswerRange(shown, before, dimension, value),
                    published.rightAnswerRange(shown, after, dimension, value));
            return rounded != null ? rounded
                    : new ChangeRow(item.name, item.label, ChangeRow.PROPORTION, baseline, endline, null, null, null,
                            words.hidden(), Figure.PROTECTING);
        }
        Change change = Change.ofProportions(figures.n(x1), figures.n(n1), figures.n(x2), figures.n(n2));
        double d = ShownFigures.round(100 * change.difference(), 1);
        double low = ShownFigures.round(100 * change.low(), 1);
        double high = ShownFigures.round(100 * change.high(), 1);
        return new ChangeRow(item.name, item.label, ChangeRow.PROPORTION, baseline, endline, d, low, high,
                words.text().signed(d, 1) + " pp [" + words.text().decimal(low, 1) + ", "
                        + words.text().decimal(high, 1) + "]", null);
    }

    private ChangeRow meanChange(ResultItem item, int before, int after, Dimension dimension, int value) {
        Figure baseline = published.mean(item, before, dimension, value);
        Figure endline = published.mean(item, after, dimension, value);
        Change.Moments m1 = published.moments(item, before, dimension, value);
        Change.Moments m2 = published.moments(item, after, dimension, value);
        if ((m1 == null || m2 == null) && !item.integer) {
            ChangeRow rounded = roundedChange(item, baseline, endline, published.spread(item, before, dimension, value),
                    published.spread(item, after, dimension, value));
            if (rounded != null) {
                return rounded;
            }
        }
        if (m1 == null || m2 == null || m1.n() < 2 || m2.n() < 2) {
            return new ChangeRow(item.name, item.label, ChangeRow.MEAN, baseline, endline, null, null, null,
                    words.hidden(), Figure.PROTECTING);
        }
        Change change = Change.ofMeans(m1, m2);
        double d = ShownFigures.round(change.difference(), 2);
        double low = ShownFigures.round(change.low(), 2);
        double high = ShownFigures.round(change.high(), 2);
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
    private ChangeRow roundedChange(ResultItem item, Figure baseline, Figure endline, ShownFigures.Spread s1,
            ShownFigures.Spread s2) {
        if (s1 == null || s2 == null || s1.n() < 2 || s2.n() < 2 || !(s1.exact() || published.roundable(s1.n()))
                || !(s2.exact() || published.roundable(s2.n()))) {
            return null;
        }
        return rounded(item, ChangeRow.MEAN, baseline, endline, s2.lowMean() - s1.highMean(),
                s2.highMean() - s1.lowMean(), Change.ofMeans(s1.middle(), s2.middle()), 1, "");
    }

    /**
     * A change of a knowledge item's right answers with a wave's count, or those who answered, rounded to a range
     * (see {@link ShownFigures#rightAnswers}), from the ranges the shown figures give both waves' shares, rounded like
     * a change of means; null when a wave's range is not known (see {@link ShownFigures#rightAnswerRange}).
     */
    private ChangeRow roundedProportionChange(ResultItem item, Figure baseline, Figure endline,
            ShownFigures.Range r1, ShownFigures.Range r2) {
        if (r1 == null || r2 == null) {
            return null;
        }
        double low = (double) r2.low() / r2.wholeHigh() - (double) r1.high() / r1.wholeLow();
        double high = (double) r2.high() / r2.wholeLow() - (double) r1.low() / r1.wholeHigh();
        Change middle = Change.ofProportions((r1.low() + r1.high()) / 2, (r1.wholeLow() + r1.wholeHigh()) / 2,
                (r2.low() + r2.high()) / 2, (r2.wholeLow() + r2.wholeHigh()) / 2);
        return rounded(item, ChangeRow.PROPORTION, baseline, endline, 100 * low, 100 * high, middle, 100, " pp");
    }

    /**
     * A change known to lie between low and high, shown as their middle rounded to a step at least as wide (see
     * {@link Rounding}); its 95% interval is the middle change's, widened by that uncertainty and rounded outwards.
     *
     * @param unit what the change's differences are multiplied by to be shown (100 for percentage points)
     */
    private ChangeRow rounded(ResultItem item, String measure, Figure baseline, Figure endline, double low,
            double high, Change middle, double unit, String suffix) {
        BigDecimal step = Rounding.step(high - low);
        BigDecimal d = Rounding.round((low + high) / 2, step);
        BigDecimal from = Rounding.down(low - unit * (middle.difference() - middle.low()), step);
        BigDecimal to = Rounding.up(high + unit * (middle.high() - middle.difference()), step);
        return new ChangeRow(item.name, item.label, measure, baseline, endline, d.doubleValue(),
                from.doubleValue(), to.doubleValue(),
                Rounding.display(d, step, true, words.text()) + suffix + " [" + words.text().plain(from) + ", "
                        + words.text().plain(to) + "]", null);
    }
}

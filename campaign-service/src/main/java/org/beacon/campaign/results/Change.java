package org.beacon.campaign.results;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The baseline → endline change of a proportion or a mean with its 95% confidence interval: Wald for the
 * difference of two independent proportions, Welch (unequal variances, Welch–Satterthwaite degrees of freedom) for
 * the difference of two means. Waves are independent samples of the audience, not the same people twice.
 */
public record Change(double baseline, double endline, double difference, double low, double high) {

    private static final double Z_975 = 1.959963984540054;

    /** Proportions x1/n1 at baseline and x2/n2 at endline. */
    public static Change ofProportions(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double d = p2 - p1;
        return new Change(p1, p2, d, d - Z_975 * se, d + Z_975 * se);
    }

    /** Means from count, sum and sum of squares of each wave. */
    public static Change ofMeans(Moments baseline, Moments endline) {
        double v1 = baseline.variance() / baseline.n();
        double v2 = endline.variance() / endline.n();
        double d = endline.mean() - baseline.mean();
        double se = Math.sqrt(v1 + v2);
        if (se == 0) {
            return new Change(baseline.mean(), endline.mean(), d, d, d);
        }
        double df = (v1 + v2) * (v1 + v2)
                / (v1 * v1 / (baseline.n() - 1) + v2 * v2 / (endline.n() - 1));
        double t = new TDistribution(null, df).inverseCumulativeProbability(0.975);
        return new Change(baseline.mean(), endline.mean(), d, d - t * se, d + t * se);
    }

    /** Count, sum and sum of squares of a group's values. */
    public record Moments(long n, double sum, double sumOfSquares) {

        public double mean() {
            return sum / n;
        }

        /** Sample variance (n - 1). */
        public double variance() {
            return n < 2 ? 0 : Math.max(0, (sumOfSquares - sum * sum / n) / (n - 1));
        }
    }
}

package org.beacon.campaign.results;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of a mean or change that merged or hidden answers lie behind. The shown figures only say that the exact
 * value lies in an interval (each merged or hidden answer could be at either end of its classes); the figure
 * published is the middle of that interval, rounded to the smallest step of 1, 2 or 5 (× a power of ten) at least as
 * wide as the interval, so the exact value lies within one step of it. Being computed from shown figures alone, it
 * cannot tell anyone more about a hidden cell than those figures do.
 */
final class Rounding {

    /** A mean or change is rounded rather than hidden when at least this many times k are behind it. */
    static final int RESPONDENTS_PER_K = 5;

    private static final BigDecimal SMALLEST = new BigDecimal("0.01");
    private static final int[] MANTISSA = {1, 2, 5};

    private Rounding() {
    }

    /**
     * Whether a figure from this many people is a headline one, never hidden to protect a small cell: a mean or
     * change is rounded instead, a count of people is kept shown by the interval rule ({@link Disclosure#headline}).
     */
    static boolean headline(long n, int k) {
        return n >= (long) RESPONDENTS_PER_K * k;
    }

    /** The smallest step of the 1-2-5 ladder, from 0.01 up, that is at least this wide. */
    static BigDecimal step(double width) {
        BigDecimal power = SMALLEST;
        while (true) {
            for (int mantissa : MANTISSA) {
                BigDecimal step = power.multiply(BigDecimal.valueOf(mantissa));
                if (step.doubleValue() >= width) {
                    return step.stripTrailingZeros();
                }
            }
            power = power.multiply(BigDecimal.TEN);
        }
    }

    /** The value rounded to a multiple of the step. */
    static BigDecimal round(double value, BigDecimal step) {
        return multiple(value, step, RoundingMode.HALF_UP);
    }

    /** The largest multiple of the step at or below the value (a lower end rounded outwards). */
    static BigDecimal down(double value, BigDecimal step) {
        return multiple(value, step, RoundingMode.FLOOR);
    }

    /** The smallest multiple of the step at or above the value (an upper end rounded outwards). */
    static BigDecimal up(double value, BigDecimal step) {
        return multiple(value, step, RoundingMode.CEILING);
    }

    private static BigDecimal multiple(double value, BigDecimal step, RoundingMode mode) {
        BigDecimal steps = new BigDecimal(value).divide(step, 0, mode);
        return steps.multiply(step).setScale(Math.max(0, step.scale()), RoundingMode.UNNECESSARY);
    }

    /** "3.45 ±0.05": the figure and the step it is rounded to. */
    static String display(BigDecimal value, BigDecimal step, boolean signed) {
        return display(value, step, signed, FigureText.MACHINE);
    }

    /** The same in the reader's formats ("3,45 ±0,05" in French). */
    static String display(BigDecimal value, BigDecimal step, boolean signed, FigureText text) {
        return text.plain(value, signed) + " ±" + text.plain(step);
    }
}

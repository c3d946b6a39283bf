package org.beacon.campaign.results;

import org.beacon.campaign.results.Disclosure.Figure;

/**
 * How far the interval rule ({@link IntervalRule}) has gone to widen ranges left narrow: which headline figures it may
 * round rather than leave a range narrow for. It never hides one.
 */
enum Resort {
    /** Partners are hidden; no headline figure is rounded. */
    NONE,
    /** A knowledge item's right answers may be rounded ({@link Disclosure#headlineShare}). */
    SHARES_ROUNDED,
    /** Group totals of at least 5·k people too ({@link Disclosure#headlineCount}); a wave's respondents never. */
    COUNTS_ROUNDED;

    /** Whether the rule, in this resort, may round this headline figure. */
    boolean mayRound(Figure figure) {
        return figure.shareOnly ? this != NONE : figure.roundable && this == COUNTS_ROUNDED;
    }

    /** The resort after this one; the last is the last. */
    Resort next() {
        return this == NONE ? SHARES_ROUNDED : COUNTS_ROUNDED;
    }
}

package org.beacon.campaign.results;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.beacon.campaign.survey.ClockReadings;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.commons.web.ReaderFormats;

/**
 * How a figure is written: for a reader in the page's language through commons' reader formats ("828 (55,2 %)" in
 * French, Java's own digits and separators for Arabic), or in fixed machine formats (dot decimals, ISO dates) for
 * the JSON API and the CSV export, which programs and spreadsheets read whatever their user's language.
 */
final class FigureText {

    /** Dot decimals and ISO dates: "828 (55.2%)", "+24.8 pp [21.2, 28.5]", "2026-11-03". */
    static final FigureText MACHINE = new FigureText(null);

    /** The reader's locale; null for machine formats. */
    private final Locale reader;

    private FigureText(Locale reader) {
        this.reader = reader;
    }

    static FigureText reader(Locale locale) {
        return new FigureText(locale);
    }

    String count(long n) {
        return reader == null ? Long.toString(n) : ReaderFormats.number(n, reader);
    }

    String decimal(double value, int decimals) {
        return reader == null ? String.format(Locale.ROOT, "%." + decimals + "f", value)
                : ReaderFormats.decimal(value, decimals, reader);
    }

    /** With its sign when above zero: "+0.40". */
    String signed(double value, int decimals) {
        return (value > 0 ? "+" : "") + decimal(value, decimals);
    }

    /** A count with its share of the answers: "828 (55.2%)". */
    String countAndPercent(long n, double percent) {
        return count(n) + " (" + (reader == null ? decimal(percent, 1) + "%" : ReaderFormats.percent(percent, 1,
                reader)) + ")";
    }

    /**
     * A count known to lie between low and high (a single count when they meet), with the shares of the whole it
     * gives when they are known (null otherwise; a single share when they meet): "30–40 (55.0–72.7%)", "12 (37.5–
     * 54.5%)" over a whole that is a range, "30–40" without a whole.
     */
    String range(long low, long high, Double lowPercent, Double highPercent) {
        String people = low == high ? count(low) : count(low) + "–" + count(high);
        if (lowPercent == null) {
            return people;
        }
        if (lowPercent.equals(highPercent)) {
            return countAndPercent(low, lowPercent);
        }
        return people + " (" + decimal(lowPercent, 1) + "–"
                + (reader == null ? decimal(highPercent, 1) + "%" : ReaderFormats.percent(highPercent, 1, reader))
                + ")";
    }

    /** A percentage given in percent, as a chart's axis writes it: "25%". */
    String percent(int percent) {
        return reader == null ? percent + "%" : ReaderFormats.percent(percent, 0, reader);
    }

    /** A number with as many decimals as it has: "3.45", "1.5". */
    String plain(BigDecimal value) {
        return reader == null ? value.toPlainString()
                : ReaderFormats.decimal(value, Math.max(0, value.scale()), reader);
    }

    /** "+0.40" for a change, "3.45" for a mean. */
    String plain(BigDecimal value, boolean signed) {
        return (signed && value.signum() > 0 ? "+" : "") + plain(value);
    }

    String date(LocalDate day) {
        return reader == null ? day.toString() : ReaderFormats.date(day, reader);
    }

    /** A time of day answered (no time zone): "14:30". */
    String time(LocalTime time) {
        return reader == null ? time.toString() : ReaderFormats.clockTime(time, reader);
    }

    /** The end of a day, where the last hour ends: "24:00", or midnight as the reader writes it ("12:00 AM"). */
    String endOfDay() {
        return reader == null ? "24:00" : time(LocalTime.MIDNIGHT);
    }

    /** A date and time answered (no time zone): "2026-12-05T14:30". */
    String dateTime(LocalDateTime moment) {
        return reader == null ? moment.toString() : ReaderFormats.clockDateTime(moment, reader);
    }

    /** A stored date, time or date-time answer (days, minutes after midnight, minutes since 1970) as it reads. */
    String moment(String kind, long stored) {
        return switch (kind) {
            case SurveyQuestion.TIME -> time(LocalTime.ofSecondOfDay(Math.floorMod(stored, 24 * 60) * 60L));
            case SurveyQuestion.DATE_TIME -> dateTime(ClockReadings.dateTime(stored));
            default -> date(LocalDate.ofEpochDay(stored));
        };
    }

    /** A month: "2026-03", "mars 2026". */
    String month(YearMonth month) {
        return reader == null ? month.toString() : DateTimeFormatter.ofPattern("MMM y", reader).format(month);
    }

    /** A year, never with a thousands separator: "2026". */
    String year(int year) {
        if (reader == null) {
            return Integer.toString(year);
        }
        NumberFormat format = NumberFormat.getIntegerInstance(reader);
        format.setGroupingUsed(false);
        return format.format(year);
    }
}

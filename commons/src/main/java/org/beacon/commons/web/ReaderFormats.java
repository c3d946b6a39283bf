package org.beacon.commons.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Numbers, percentages, dates and times in a reader's locale; templates reach them as {@link Formats}. */
public final class ReaderFormats {

    private ReaderFormats() {
    }

    public static String number(Number value, Locale locale) {
        return value == null ? "" : NumberFormat.getNumberInstance(locale).format(value);
    }

    public static String decimal(Number value, int decimals, Locale locale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /**
     * A number as the reader types it into a form field: their digits and decimal separator, every decimal kept and
     * no grouping, since a grouping comma typed back would read as a decimal one ({@code 1822} stays one number).
     */
    public static String editable(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return format.format(value);
    }

    public static String percent(Number percentage, int decimals, Locale locale) {
        if (percentage == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(percentage.doubleValue() / 100);
    }

    public static String date(TemporalAccessor day, Locale locale) {
        if (day == null) {
            return "";
        }
        LocalDate date = day instanceof LocalDate d ? d : LocalDate.from(utc(day));
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withDecimalStyle(digits(locale))
                .format(date);
    }

    public static String dateTime(TemporalAccessor moment, Locale locale) {
        if (moment == null) {
            return "";
        }
        LocalDateTime time = utc(moment);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withDecimalStyle(digits(locale))
                .format(time) + " "
                + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withDecimalStyle(digits(locale))
                        .format(time) + " UTC";
    }

    /** The reader's digits: java.time formats with Latin digits unless told ({@code ٠١/٠٢/٢٠٢٧} in Arabic). */
    private static DecimalStyle digits(Locale locale) {
        return DecimalStyle.of(locale);
    }

    private static LocalDateTime utc(TemporalAccessor moment) {
        if (moment instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (moment instanceof OffsetDateTime offset) {
            return offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (moment instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return LocalDateTime.from(moment);
    }
}

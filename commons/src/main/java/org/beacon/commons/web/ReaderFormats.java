package org.beacon.commons.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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

    /**
     * A number as a reader types it, or null when it is none: the reader's digits (Arabic-Indic too) or ASCII ones,
     * the reader's decimal separator or a dot, the reader's grouping (spaces, {@code ٬}, the dots of Spanish and
     * Portuguese when a comma follows), a trailing {@code %}. In English a comma only groups thousands
     * ({@code 1,234}); {@code 1,5} is no English number and is refused rather than read as fifteen.
     */
    public static BigDecimal parseDecimal(String typed, Locale locale) {
        if (typed == null) {
            return null;
        }
        char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        StringBuilder plain = new StringBuilder(typed.length());
        String text = typed.strip();
        if (text.endsWith("%") || text.endsWith("\u066a")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                plain.append(Character.forDigit(Character.digit(c, 10), 10));
            } else if (c == '\u066b') {
                plain.append('.');
            } else if (c == ',' || c == '.' || c == '-' || c == '\u2212') {
                plain.append(c == '\u2212' ? '-' : c);
            } else if (!Character.isSpaceChar(c) && c != '\u066c' && c != '\'' && c != '\u200f' && c != '\u200e'
                    && c != '\u061c') {
                return null;
            }
        }
        String number = plain.toString();
        if (decimal == ',') {
            // A comma is the decimal separator; a dot before it groups thousands (1.234,5), alone it is a decimal point.
            number = number.contains(",") ? number.replace(".", "").replace(',', '.') : number;
        } else if (number.contains(",")) {
            if (!number.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
                return null;
            }
            number = number.replace(",", "");
        }
        if (!number.matches("-?\\d+(\\.\\d+)?|-?\\.\\d+")) {
            return null;
        }
        return new BigDecimal(number);
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

    /** A time of day as a clock shows it, without a time zone (an answer's time): "14:30", "2:30 PM". */
    public static String clockTime(LocalTime time, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withDecimalStyle(digits(locale))
                .format(time);
    }

    /** A date and a time of day as a clock shows them, without a time zone (an answer's date and time). */
    public static String clockDateTime(LocalDateTime moment, Locale locale) {
        return date(moment.toLocalDate(), locale) + " " + clockTime(moment.toLocalTime(), locale);
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

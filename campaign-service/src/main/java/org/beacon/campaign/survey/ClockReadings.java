package org.beacon.campaign.survey;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times and date-times as answers carry them (XLSForm {@code time} and {@code dateTime}), and as they are stored (see
 * V40): a time as minutes after midnight, a date-time as minutes since 1970-01-01 00:00, both on the respondent's
 * clock, whatever offset the phone sent with them.
 */
public final class ClockReadings {

    /** The last year of a date-time whose minutes since 1970 still fit an integer. */
    static final int LAST_DATE_TIME_YEAR = 5999;

    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);
    /**
     * A time as ODK and the page send it: 14:30, 14:30:15 or 14:30:15.000, with or without the device's offset
     * (+02:00, +0200, +02, Z).
     */
    private static final Pattern TIME =
            Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?");
    /** The offset at the end of a time or date-time, when it has one. */
    private static final Pattern OFFSET = Pattern.compile("(?:(Z)|([+-]\\d{2})(?::?(\\d{2}))?)$");

    private ClockReadings() {
    }

    /** A time of day written as {@link #TIME} allows, to the minute (seconds left aside); null when it is not one. */
    static LocalTime time(String text) {
        Matcher matcher = TIME.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        int hour = Integer.parseInt(matcher.group(1));
        int minute = Integer.parseInt(matcher.group(2));
        int second = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    /** A date-time (2026-12-05T14:30, 2026-12-05T14:30:00.000+02:00) to the minute; null when it is not one. */
    static LocalDateTime dateTime(String text) {
        int t = text.indexOf('T');
        if (t < 0) {
            return null;
        }
        LocalTime time = time(text.substring(t + 1));
        try {
            return time == null ? null : LocalDateTime.of(LocalDate.parse(text.substring(0, t)), time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The offset at the end of a time or date-time ("+02:00", "Z") as the form's engine reads it, or "" when it has
     * none. Only a date-time's reaches the engine: to it a date-time is an instant, which {@code now()} and other
     * instants are compared with, while a time of day is compared with other clock readings ({@code . >= '08:00'}),
     * as ODK Collect compares it on the phone.
     */
    static String offset(String text) {
        Matcher matcher = OFFSET.matcher(text);
        if (!matcher.find()) {
            return "";
        }
        if (matcher.group(1) != null) {
            return "Z";
        }
        // +0200 and +02 are ODK's too; JavaRosa reads only +02:00 (+0200 as two hundred hours)
        return matcher.group(2) + ":" + (matcher.group(3) == null ? "00" : matcher.group(3));
    }

    /** A time as stored: minutes after midnight. */
    static int stored(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    /** A date-time as stored: minutes since 1970-01-01 00:00 (years up to {@link #LAST_DATE_TIME_YEAR}). */
    static int stored(LocalDateTime moment) {
        return Math.toIntExact(Duration.between(EPOCH, moment).toMinutes());
    }

    /** A stored date-time answer back as a date and time. */
    public static LocalDateTime dateTime(long minutes) {
        return EPOCH.plusMinutes(minutes);
    }
}

package org.beacon.campaign.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import org.beacon.campaign.survey.ClockReadings;
import org.beacon.campaign.survey.SurveyQuestion;

/**
 * The distribution of decimal, date, time and date-time answers. The rollup counts each answer in one fine bin (see
 * survey_response_cell in V33 and V40): for decimals a 1-2-5 scale (… 1, 2, 5, 10, 20, 50 …, mirrored for negative
 * numbers), for dates and date-times the month, for times the hour. The results show those bins, dates grouped into
 * years or decades when they span long, with
 * both tails pooled until each holds at least k answers, so that the outermost rows never point at a single person.
 * Labels are written in the reader's number and date formats ("1,5 – 2" and "mars 2026" in French), or in machine
 * formats for the JSON API and the CSV ("1.5 – 2", "2026-03").
 */
final class Bins {

    /** Decimal answers are stored in thousandths (see V33). */
    static final int DECIMAL_SCALE = 1000;
    private static final int ZERO = 100;
    private static final int[] MANTISSA = {1, 2, 5};

    private Bins() {
    }

    /** The rollup's bin of a stored value, as the database computes it. */
    static int fineBin(String kind, long stored) {
        if (SurveyQuestion.DATE.equals(kind) || SurveyQuestion.DATE_TIME.equals(kind)) {
            LocalDate date = SurveyQuestion.DATE.equals(kind) ? LocalDate.ofEpochDay(stored)
                    : ClockReadings.dateTime(stored).toLocalDate();
            return date.getYear() * 12 + date.getMonthValue() - 1;
        }
        if (SurveyQuestion.TIME.equals(kind)) {
            return (int) (stored / 60) + 1;
        }
        if (stored == 0) {
            return ZERO;
        }
        long magnitude = Math.abs(stored);
        int d = Long.toString(magnitude).length() - 1;
        long power = pow10(d);
        int b = 3 * d + (magnitude < 2 * power ? 1 : magnitude < 5 * power ? 2 : 3);
        return ZERO + Long.signum(stored) * b;
    }

    /**
     * Groups the fine bins that hold answers (with their count over all waves) into the rows to show.
     *
     * @param words the reader's words and formats the labels are written in
     * @param bins receives, per row, the fine bins it sums
     * @param labels receives each row's label
     */
    static void of(String kind, SortedMap<Integer, Long> counts, int k, ResultsWording words,
            List<List<Integer>> bins, List<String> labels) {
        FigureText text = words.text();
        if (counts.isEmpty()) {
            return;
        }
        boolean date = SurveyQuestion.DATE.equals(kind) || SurveyQuestion.DATE_TIME.equals(kind);
        boolean time = SurveyQuestion.TIME.equals(kind);
        int first = counts.firstKey();
        int last = counts.lastKey();
        int width = 1;
        if (date && last - first >= 12 * 40) {
            width = 120;
        } else if (date && last - first >= 24) {
            width = 12;
        }
        // every row from the lowest to the highest answer, empty ones too: a gap says nothing about anyone
        List<List<Integer>> rows = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        int start = width == 1 ? first : Math.floorDiv(first, width) * width;
        for (int from = start; from <= last; from += width) {
            List<Integer> members = new ArrayList<>();
            long size = 0;
            for (int bin = from; bin < from + width; bin++) {
                members.add(bin);
                size += counts.getOrDefault(bin, 0L);
            }
            rows.add(members);
            sizes.add(size);
        }
        // pool each tail until it holds k answers
        int low = 0;
        long below = sizes.get(0);
        while (below < k && low < rows.size() - 1) {
            below += sizes.get(++low);
        }
        if (below < k || low == rows.size() - 1 && rows.size() > 1) {
            // fewer than k answers in all (or only enough once all are pooled): one row, no edges
            List<Integer> all = new ArrayList<>();
            rows.forEach(all::addAll);
            bins.add(all);
            labels.add(words.rows().allAnswers());
            return;
        }
        int high = rows.size() - 1;
        long above = sizes.get(high);
        while (above < k && high > low + 1) {
            above += sizes.get(--high);
        }
        for (int r = 0; r < rows.size(); r++) {
            if (r <= low && low > 0 || r >= high && high < rows.size() - 1 && r > low) {
                continue;
            }
            bins.add(rows.get(r));
            labels.add(time ? hour(rows.get(r).get(0), text) + " – " + hour(rows.get(r).get(0) + 1, text)
                    : label(date, width, rows.get(r), text));
        }
        if (low > 0) {
            List<Integer> pooled = new ArrayList<>();
            rows.subList(0, low + 1).forEach(pooled::addAll);
            bins.add(0, pooled);
            List<Integer> next = rows.get(low + 1 < rows.size() ? low + 1 : low);
            labels.add(0, "< " + (time ? hour(next.get(0), text) : lower(date, width, next, text)));
        }
        if (high < rows.size() - 1 && high > low) {
            List<Integer> pooled = new ArrayList<>();
            rows.subList(high, rows.size()).forEach(pooled::addAll);
            bins.add(pooled);
            labels.add("≥ " + (time ? hour(rows.get(high).get(0), text) : lower(date, width, rows.get(high), text)));
        }
    }

    private static String label(boolean date, int width, List<Integer> members, FigureText text) {
        int bin = members.get(0);
        if (date) {
            int year = Math.floorDiv(bin, 12);
            if (width == 1) {
                return text.month(YearMonth.of(year, bin - year * 12 + 1));
            }
            return width == 12 ? text.year(year) : text.year(year) + "–" + text.year(year + 9);
        }
        if (bin == ZERO) {
            return text.plain(BigDecimal.ZERO);
        }
        int b = Math.abs(bin - ZERO);
        return bin > ZERO ? edge(edge(b), text) + " – " + edge(edge(b + 1), text)
                : edge(-edge(b + 1), text) + " – " + edge(-edge(b), text);
    }

    /** The start of an hour's bin (1 is 00:00), as the reader writes a time; 25 is the end of the day. */
    private static String hour(int bin, FigureText text) {
        return bin > 24 ? text.endOfDay() : text.time(LocalTime.of(bin - 1, 0));
    }

    /** The lowest value of a row, as a label. */
    private static String lower(boolean date, int width, List<Integer> members, FigureText text) {
        int bin = members.get(0);
        if (date) {
            int year = Math.floorDiv(bin, 12);
            return width == 1 ? text.month(YearMonth.of(year, bin - year * 12 + 1)) : text.year(year);
        }
        int b = Math.abs(bin - ZERO);
        return edge(bin == ZERO ? 0 : bin > ZERO ? edge(b) : -edge(b + 1), text);
    }

    /** A bin's edge (thousandths) as the reader writes the number. */
    private static String edge(long thousandths, FigureText text) {
        BigDecimal value = BigDecimal.valueOf(thousandths, 3).stripTrailingZeros();
        return text.plain(value.scale() < 0 ? value.setScale(0) : value);
    }

    /** The lower edge (thousandths) of the b-th positive bin: 1, 2, 5, 10, 20, 50 … */
    private static long edge(int b) {
        return MANTISSA[(b - 1) % 3] * pow10((b - 1) / 3);
    }

    private static long pow10(int d) {
        long power = 1;
        for (int i = 0; i < d; i++) {
            power *= 10;
        }
        return power;
    }

    static String number(long stored, int scale) {
        return BigDecimal.valueOf(stored, scale == DECIMAL_SCALE ? 3 : 0).stripTrailingZeros().toPlainString();
    }

    static String date(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }
}

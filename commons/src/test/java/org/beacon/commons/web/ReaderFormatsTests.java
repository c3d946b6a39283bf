package org.beacon.commons.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ReaderFormatsTests {

    // Java's French data put a no-break space before % and group thousands with a narrow one.
    private static final String NBSP = "\u00a0";
    private static final String NARROW_NBSP = "\u202f";

    @Test
    void aPercentageIsWrittenAsAFrenchReaderWritesIt() {
        assertEquals("30,0" + NBSP + "%", ReaderFormats.percent(30, 1, Locale.FRENCH));
        assertEquals("30.0%", ReaderFormats.percent(30, 1, Locale.ENGLISH));
        assertEquals("1" + NARROW_NBSP + "234,5", ReaderFormats.decimal(1234.5, 1, Locale.FRENCH));
    }

    @Test
    void arabicNumbersFollowJavasArabicLocale() {
        Locale arabic = Locale.forLanguageTag("ar");
        String expected = java.text.NumberFormat.getNumberInstance(arabic).format(50);
        assertEquals(expected, ReaderFormats.number(50, arabic));
        assertEquals(false, ReaderFormats.percent(30, 1, arabic).isEmpty());
    }

    @Test
    void datesAndTimesAreInTheReadersFormatNotIso() {
        assertEquals("2 nov. 2026", ReaderFormats.date(LocalDate.of(2026, 11, 2), Locale.FRENCH));
        assertEquals("Nov 2, 2026", ReaderFormats.date(LocalDate.of(2026, 11, 2), Locale.ENGLISH));
        OffsetDateTime paris = OffsetDateTime.of(2026, 11, 2, 15, 5, 0, 0, ZoneOffset.ofHours(1));
        assertEquals("2 nov. 2026 14:05 UTC", ReaderFormats.dateTime(paris, Locale.FRENCH));
        assertEquals("2 nov. 2026 14:05 UTC",
                ReaderFormats.dateTime(Instant.parse("2026-11-02T14:05:59Z"), Locale.FRENCH));
    }

    @Test
    void nothingToShowIsEmpty() {
        assertEquals("", ReaderFormats.percent(null, 1, Locale.FRENCH));
        assertEquals("", ReaderFormats.date(null, Locale.FRENCH));
        assertEquals("", ReaderFormats.dateTime(null, Locale.FRENCH));
    }

    @Test
    void arabicDatesHaveArabicDigitsAndFormFieldsKeepEveryDecimalWithoutGrouping() {
        Locale arabic = Locale.forLanguageTag("ar");
        String day = ReaderFormats.date(LocalDate.of(2027, 2, 1), arabic);
        assertEquals(false, day.matches("(?s).*[0-9].*"), day);
        assertEquals(true, day.contains("٢٠٢٧"), day);
        assertEquals(false, ReaderFormats.dateTime(Instant.parse("2026-11-02T14:05:59Z"), arabic).matches("(?s).*[0-9].*"));
        assertEquals("1822", ReaderFormats.editable(new java.math.BigDecimal("1822"), Locale.ENGLISH));
        assertEquals("33,33333", ReaderFormats.editable(new java.math.BigDecimal("33.33333"), Locale.FRENCH));
        assertEquals("١٦٫٥", ReaderFormats.editable(new java.math.BigDecimal("16.50"), arabic));
    }

    @Test
    void aNumberIsReadAsTheReaderTypesItOrWithADot() {
        Locale french = Locale.FRENCH;
        assertEquals(new java.math.BigDecimal("33.5"), ReaderFormats.parseDecimal("33,5", french));
        assertEquals(new java.math.BigDecimal("33.5"), ReaderFormats.parseDecimal("33.5", french));
        assertEquals(new java.math.BigDecimal("1234.5"), ReaderFormats.parseDecimal("1" + NARROW_NBSP + "234,5", french));
        assertEquals(new java.math.BigDecimal("1234.5"), ReaderFormats.parseDecimal("1.234,5", new Locale("es")));
        assertEquals(new java.math.BigDecimal("50"), ReaderFormats.parseDecimal("50 %", french));
        Locale arabic = Locale.forLanguageTag("ar");
        assertEquals(new java.math.BigDecimal("12.5"), ReaderFormats.parseDecimal("١٢٫٥", arabic));
        assertEquals(new java.math.BigDecimal("1234"), ReaderFormats.parseDecimal("١٬٢٣٤", arabic));
        assertEquals(new java.math.BigDecimal("7"), ReaderFormats.parseDecimal(ReaderFormats.number(7, arabic), arabic));
        assertEquals(new java.math.BigDecimal("1234.5"), ReaderFormats.parseDecimal("1,234.5", Locale.ENGLISH));
    }

    @Test
    void whatIsNoNumberIsRefused() {
        for (String typed : new String[] { "", "abc", "NaN", "1e400", "12abc", "1,5", "--1", "1.2.3" }) {
            assertEquals(null, ReaderFormats.parseDecimal(typed, Locale.ENGLISH), typed);
        }
        assertEquals(null, ReaderFormats.parseDecimal("1,2,3", Locale.FRENCH));
    }
}

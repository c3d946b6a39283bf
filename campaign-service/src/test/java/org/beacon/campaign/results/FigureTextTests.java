package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.beacon.campaign.results.ResultsView.ChangeRow;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.commons.web.ReaderFormats;
import org.junit.jupiter.api.Test;

/** Figures in the reader's formats on the page, in machine formats in JSON and CSV. */
class FigureTextTests {

    private static final FigureText FRENCH = FigureText.reader(Locale.FRENCH);
    private static final FigureText ARABIC = FigureText.reader(Locale.forLanguageTag("ar"));

    @Test
    void filesKeepDotDecimalsAndIsoDates() {
        FigureText text = FigureText.MACHINE;
        assertEquals("1234 (55.2%)", text.countAndPercent(1234, 55.2));
        assertEquals("+24.8", text.signed(24.8, 1));
        assertEquals("3.45 ±0.05", Rounding.display(new BigDecimal("3.45"), new BigDecimal("0.05"), false, text));
        assertEquals("2026-11-03", text.date(LocalDate.of(2026, 11, 3)));
    }

    /** A count or its whole rounded to a range: the range and the shares the ranges give; one share when they meet. */
    @Test
    void aRangeOfPeopleIsWrittenWithTheSharesItGives() {
        FigureText text = FigureText.MACHINE;
        assertEquals("52–77 (65.0–96.3%)", text.range(52, 77, 65.0, 96.3), "a rounded count of a shown whole");
        assertEquals("12 (41.4–50.0%)", text.range(12, 12, 41.4, 50.0), "a shown count of a rounded whole");
        assertEquals("24–29", text.range(24, 29, null, null), "a rounded count without a whole");
        assertEquals("12 (40.0%)", text.range(12, 12, 40.0, 40.0), "both shown: as every count");
        String french = FRENCH.range(52, 77, 65.0, 96.3);
        assertTrue(french.matches("52–77 \\(65,0–96,3\\h%\\)"), french);
    }

    @Test
    void thePageWritesFiguresAsTheReaderDoes() {
        // French: a comma before the decimals and a space before the percent sign ("30,0 %")
        assertEquals(ReaderFormats.percent(30, 1, Locale.FRENCH), FRENCH.countAndPercent(12, 30.0)
                .replace("12 (", "").replace(")", ""));
        assertTrue(FRENCH.countAndPercent(12, 30.0).matches("12 \\(30,0\\h%\\)"), FRENCH.countAndPercent(12, 30.0));
        assertEquals("+24,8", FRENCH.signed(24.8, 1));
        assertEquals("3,45 ±0,05", Rounding.display(new BigDecimal("3.45"), new BigDecimal("0.05"), false, FRENCH));
        assertEquals(ReaderFormats.date(LocalDate.of(2026, 11, 3), Locale.FRENCH),
                FRENCH.date(LocalDate.of(2026, 11, 3)));
        // Arabic as Java's ar locale gives it, digits and separators included
        assertEquals(ReaderFormats.decimal(3.45, 2, Locale.forLanguageTag("ar")), ARABIC.decimal(3.45, 2));
        assertEquals(ReaderFormats.number(1500, Locale.forLanguageTag("ar")), ARABIC.count(1500));
    }

    @Test
    void chartsWriteTheirScalesInTheReadersFormats() {
        ResultsView.Table table = new ResultsView.Table("Q", List.of("Base"), List.of(new ResultsView.Row("Oui",
                ResultsView.Row.CHOICE, false, List.of(new Figure(3L, 30.0, null, "3 (30,0 %)", null)))));
        String svg = Charts.distribution(table, FRENCH);
        assertTrue(svg.contains(">" + ReaderFormats.percent(25, 0, Locale.FRENCH) + "<"), svg);
        assertTrue(Charts.distribution(table).contains(">25%<"), "files and tests keep the machine axis");

        // a scale of half points: ticks at −1, −0.5, 0, +0.5, +1
        ChangeRow change = new ChangeRow("l", "Item", ChangeRow.MEAN, null, null, 0.1, -0.7, 0.7,
                "+0,10 [-0,70 ; 0,70]", null);
        String changes = Charts.changes("Évolution", List.of(change), FRENCH);
        assertTrue(changes.contains(">+0,5<") && changes.contains(">\u22120,5<"), changes);
        assertTrue(Charts.changes("Évolution", List.of(change)).contains(">+0.5<"), "machine scale in tests");
    }
}

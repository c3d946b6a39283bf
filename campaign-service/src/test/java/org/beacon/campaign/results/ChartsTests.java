package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.campaign.results.ResultsView.ChangeRow;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.results.ResultsView.Row;
import org.beacon.campaign.results.ResultsView.Table;
import org.junit.jupiter.api.Test;

/** What the SVG says; how it lays out in a real browser is checked by ChartLayoutIT (devstack). */
class ChartsTests {

    static final String LONG_FRENCH = "Un employeur qui garde votre passeport « pour le mettre en sécurité » et "
            + "retient votre salaire jusqu'à la fin du contrat : est-ce que cela peut être de la traite ?";

    static Figure shown(long n, double percent) {
        return new Figure(n, percent, null, n + " (" + percent + "%)", null);
    }

    static Figure hidden() {
        return new Figure(null, null, null, "< 10", Figure.SMALL);
    }

    static Table table() {
        return new Table(LONG_FRENCH, List.of("Enquête de référence", "Enquête finale"), List.of(
                new Row("Oui, c'est un signe de traite", Row.CHOICE, true, List.of(shown(30, 50.0), shown(60, 75.0))),
                new Row(LONG_FRENCH, Row.CHOICE, false, List.of(shown(20, 33.3), hidden())),
                new Row("Answered", Row.ANSWERED, false, List.of(shown(60, 100.0), shown(80, 100.0)))));
    }

    static List<String> texts(String svg) {
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    @Test
    void longLabelsAreWrappedIntoLinesThatKeepEveryWord() {
        String svg = Charts.distribution(table());
        String all = String.join(" ", texts(svg));
        for (String word : LONG_FRENCH.replace("'", "&#39;").split(" ")) {
            assertTrue(all.contains(word), "the word " + word + " is drawn");
        }
        for (String line : texts(svg)) {
            String text = line.replace("&#39;", "'").replace("&lt;", "<");
            assertTrue(Charts.width(text) <= Charts.WIDTH, "the line '" + text + "' fits the chart");
        }
        assertTrue(texts(svg).stream().filter(t -> LONG_FRENCH.startsWith(t.replace("&#39;", "'"))).count() >= 1);
        assertFalse(all.contains("…"), "nothing is cut");
    }

    @Test
    void theChartIsDrawnAtItsOwnSizeSoItsTextStaysTwelvePixelsHigh() {
        String svg = Charts.distribution(table());
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"320\""), svg);
        assertTrue(svg.contains("viewBox=\"0 0 320 "));
        assertTrue(svg.contains("font-size=\"12\""));
    }

    @Test
    void numbersStandBesideTheirBarsAndTheAxisHasAScale() {
        String svg = Charts.distribution(table());
        for (String tick : List.of("0%", "25%", "50%", "75%", "100%")) {
            assertTrue(texts(svg).contains(tick), "the axis shows " + tick);
        }
        // Each bar's number starts after the end of its bar.
        Matcher bars = Pattern.compile("<rect x=\"([\\d.]+)\" y=\"([\\d.]+)\" width=\"([\\d.]+)\" height=\"14.0\""
                + "[^>]*/><text x=\"([\\d.]+)\"[^>]*>([^<]*)</text>").matcher(svg);
        int count = 0;
        while (bars.find()) {
            double end = Double.parseDouble(bars.group(1)) + Double.parseDouble(bars.group(3));
            assertTrue(Double.parseDouble(bars.group(4)) > end, bars.group(5) + " is outside its bar");
            count++;
        }
        assertEquals(3, count, "three shown shares have a bar each");
        assertTrue(texts(svg).contains("&lt; 10"), "a hidden figure is written, not drawn");
        assertFalse(texts(svg).contains("Answered"), "only choices are charted");
    }

    @Test
    void anArabicChartIsMirrored() {
        Table arabic = new Table("هل يمكن أن يحدث الاتجار داخل بلد واحد؟", List.of("الأساس"), List.of(
                new Row("نعم", Row.CHOICE, true, List.of(shown(30, 50.0))),
                new Row("لا", Row.CHOICE, false, List.of(shown(30, 50.0)))));
        String svg = Charts.distribution(arabic);
        // The label's leading (right) edge is at the right of the chart, and read right to left.
        assertTrue(svg.contains("<text x=\"317.0\" y=\"13.0\" text-anchor=\"start\" direction=\"rtl\">نعم ✓</text>"),
                svg);
    }

    @Test
    void changesHaveTheirFiguresOnTheirOwnLineAndASymmetricScale() {
        List<ChangeRow> changes = List.of(
                new ChangeRow("k1", LONG_FRENCH, ChangeRow.PROPORTION, shown(30, 50.0), shown(60, 75.0), 24.8, 21.2,
                        28.5, "+24.8 pp [21.2, 28.5]", null),
                new ChangeRow("k2", "Petit groupe", ChangeRow.PROPORTION, hidden(), hidden(), null, null, null,
                        "hidden", Figure.PROTECTING));
        String svg = Charts.changes("Évolution", changes);
        assertTrue(texts(svg).contains("+24.8 pp [21.2, 28.5]"));
        assertTrue(texts(svg).contains("hidden"), "a hidden change is listed as hidden");
        assertTrue(texts(svg).containsAll(List.of("\u221220 pp", "0", "+20 pp")), texts(svg).toString());
        assertEquals(1, Pattern.compile("<circle").matcher(svg).results().count(), "only the shown change is drawn");
    }

    @Test
    void scaleStepsAreRound() {
        assertEquals(20, Charts.niceStep(28.5));
        assertEquals(0.5, Charts.niceStep(0.9));
        assertEquals(5, Charts.niceStep(10));
        assertEquals(List.of("Un"), Charts.wrap("Un", 100));
        List<String> split = Charts.wrap("x".repeat(100), 250);
        assertTrue(split.size() > 1, "a word longer than a line is split");
        assertEquals("x".repeat(100), String.join("", split), "and kept whole");
        assertTrue(split.stream().allMatch(line -> Charts.width(line) <= 250));
    }
}

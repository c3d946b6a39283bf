package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.results.Charts;
import org.beacon.campaign.results.ResultsView.ChangeRow;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.results.ResultsView.Row;
import org.beacon.campaign.results.ResultsView.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 13, point 5: the results charts read on a phone and on paper. Every chart type is rendered by
 * campaign-service's own {@link Charts}, with long French and Arabic labels, into a plain page styled by Beacon's
 * stylesheet (no stack needed), and laid out by Chromium at 360 px and for print. The browser's own boxes
 * (getBoundingClientRect) must show: no two texts overlap, no text leaves its chart or lies on a mark (bar, interval,
 * point), no chart is wider than the screen, and every text is at least 12 CSS px high on screen.
 */
class ChartLayoutIT {

    static final String FR_QUESTION = "Un employeur qui garde votre passeport « pour le mettre en sécurité » et retient "
            + "votre salaire jusqu'à la fin du contrat : est-ce que cela peut être de la traite des êtres humains ?";
    static final String FR_CHOICE = "Oui, même si la personne a accepté le travail au départ et qu'elle n'a jamais "
            + "quitté son pays d'origine";
    static final String AR_QUESTION = "هل يمكن أن يكون هذا اتجاراً بالبشر إذا احتفظ صاحب العمل بجواز سفر العامل "
            + "ورفض إعادته حتى نهاية العقد؟";
    static final String AR_CHOICE = "نعم، حتى لو وافق الشخص على العمل في البداية ولم يغادر بلده الأصلي أبداً";
    static final String AR_LIKERT = "من المقبول أن يحتفظ صاحب العمل بأوراق هوية العامل المنزلي لحمايتها من الضياع";

    static Browser browser;
    static Path page;

    @BeforeAll
    static void renderTheCharts() throws IOException {
        page = Files.createTempFile("beacon-charts", ".html");
        browser = new Browser("file://");
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
        Files.deleteIfExists(page);
    }

    static Figure shown(long n, double percent) {
        return new Figure(n, percent, null, n + " (" + percent + "%)", null);
    }

    static Figure small() {
        return new Figure(null, null, null, "< 10", Figure.SMALL);
    }

    static Figure protecting(String hidden) {
        return new Figure(null, null, null, hidden, Figure.PROTECTING);
    }

    /** A count shown as the range it was rounded to, with that range's shares: the longest figure text a cell has. */
    static Figure rounded(long low, long high, double percent, String display) {
        return new Figure(null, percent, null, display, Figure.ROUNDED, low, high);
    }

    /** Shares by wave: long labels, a full bar, an empty one and hidden figures. */
    static String frenchDistribution() {
        return Charts.distribution(new Table(FR_QUESTION, List.of("Enquête de référence", "Enquête finale"), List.of(
                new Row(FR_CHOICE, Row.CHOICE, true, List.of(shown(1200, 100.0), shown(1500, 100.0))),
                new Row("Non", Row.CHOICE, false, List.of(shown(0, 0.0), shown(12, 0.8))),
                new Row("Je ne sais pas, ou je préfère ne pas répondre à cette question", Row.CHOICE, false,
                        List.of(small(), protecting("masqué"))),
                new Row("Antidisestablishmentarianismeextraordinairementlongsansespace", Row.CHOICE, false,
                        List.of(shown(600, 50.0), shown(999, 66.6))))));
    }

    /** Shares by group (a breakdown): several columns with long names. */
    static String frenchGroups() {
        List<String> groups = List.of("Femmes de 15 à 24 ans", "Hommes de 25 à 49 ans",
                "Personnes qui préfèrent ne pas indiquer leur genre", "Ensemble des personnes interrogées");
        List<Row> rows = new ArrayList<>();
        for (String label : List.of("Radio communautaire en wolof", "Affiches dans les gares routières", FR_CHOICE)) {
            rows.add(new Row(label, Row.CHOICE, false,
                    List.of(shown(828, 55.2), small(), shown(99, 99.9), shown(1500, 100.0))));
        }
        rows.add(new Row("Bonne réponse", Row.CHOICE, true,
                List.of(rounded(1045, 1055, 99.5, "1 045–1 055 (99,0–99,9 %)"), rounded(52, 77, 80.6,
                        "52–77 (65,0–96,3 %)"), shown(99, 99.9), shown(1500, 100.0))));
        return Charts.distribution(new Table("Portée par canal", groups, rows));
    }

    static String arabicDistribution() {
        return Charts.distribution(new Table(AR_QUESTION, List.of("خط الأساس", "خط النهاية"), List.of(
                new Row("نعم", Row.CHOICE, true, List.of(shown(900, 75.0), shown(1350, 90.0))),
                new Row(AR_CHOICE, Row.CHOICE, false, List.of(shown(288, 24.0), small())),
                new Row("لا أعرف", Row.CHOICE, false, List.of(shown(12, 1.0), protecting("مخفي"))),
                new Row("الإجابة الصحيحة", Row.CHOICE, true,
                        List.of(rounded(52, 77, 80.6, "52–77 (65.0–96.3%)"), shown(1350, 90.0))))));
    }

    static String frenchChanges() {
        return Charts.changes("Évolution", List.of(
                new ChangeRow("k1", FR_QUESTION, ChangeRow.PROPORTION, shown(600, 50.0), shown(1125, 75.0), 24.8,
                        21.2, 28.5, "+24.8 pp [21.2, 28.5]", null),
                new ChangeRow("k2", FR_CHOICE, ChangeRow.PROPORTION, shown(600, 50.0), shown(700, 46.7), -3.3,
                        -7.1, 0.4, "-3.3 pp [-7.1, 0.4]", null),
                new ChangeRow("k3", "Petit groupe", ChangeRow.PROPORTION, small(), small(), null, null, null,
                        "masqué", Figure.PROTECTING),
                new ChangeRow("k4", "Le travail domestique est un vrai travail", ChangeRow.PROPORTION,
                        shown(1100, 91.7), shown(1499, 99.9), 8.2, 6.6, 9.8, "+8.2 pp [6.6, 9.8]", null)));
    }

    static String arabicMeanChanges() {
        return Charts.changes("التغير", List.of(
                new ChangeRow("l1", AR_LIKERT, ChangeRow.MEAN, null, null, 0.5, 0.42, 0.58, "+0.50 [0.42, 0.58]",
                        null),
                new ChangeRow("l2", "العمل المنزلي عمل حقيقي", ChangeRow.MEAN, null, null, -0.04, -0.11, 0.03,
                        "-0.04 [-0.11, 0.03]", null)));
    }

    static void write(String lang, String dir, List<String> charts) throws IOException {
        Path css = Path.of(System.getProperty("beacon.repository", ".."))
                .resolve("commons/src/main/resources/META-INF/resources/static/beacon.css").toAbsolutePath();
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"" + lang + "\" dir=\"" + dir + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<link rel=\"stylesheet\" href=\"" + css.toUri() + "\"></head><body><main class=\"page\">");
        for (String chart : charts) {
            assertTrue(chart.startsWith("<svg"), "a chart is drawn");
            html.append("<section><h2>Chart</h2>").append(chart).append("</section>");
        }
        Files.writeString(page, html.append("</main></body></html>").toString(), StandardCharsets.UTF_8);
    }

    /**
     * Lays the page out at {@code width} CSS px for {@code media} and returns every problem the browser's boxes show.
     */
    @SuppressWarnings("unchecked")
    static List<String> problems(int width, String media) {
        ChromeDriver chrome = (ChromeDriver) browser.driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", width < 600));
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
        chrome.get(page.toUri().toString());
        return (List<String>) ((JavascriptExecutor) chrome).executeScript("""
                const problems = [];
                const slack = 0.5;
                const overlap = (a, b) => a.left < b.right - slack && b.left < a.right - slack
                    && a.top < b.bottom - slack && b.top < a.bottom - slack;
                const charts = [...document.querySelectorAll('svg.chart')];
                if (charts.length === 0) problems.push('no chart on the page');
                charts.forEach((svg, c) => {
                  const box = svg.getBoundingClientRect();
                  if (box.right > document.documentElement.clientWidth + slack || box.left < -slack)
                    problems.push(`chart ${c} is wider than the screen: ${box.left}-${box.right}`);
                  const scale = svg.getScreenCTM().a;
                  const texts = [...svg.querySelectorAll('text')].map(t => ({
                      text: t.textContent, box: t.getBoundingClientRect(),
                      px: parseFloat(getComputedStyle(t).fontSize) * scale }));
                  const marks = [...svg.querySelectorAll('rect, circle, line[stroke-width="2"]')]
                      .map(m => m.getBoundingClientRect());
                  texts.forEach((t, i) => {
                    if (t.box.width === 0) problems.push(`chart ${c}: '${t.text}' is not drawn`);
                    if (t.px < 12 - 0.01) problems.push(`chart ${c}: '${t.text}' is ${t.px} px high`);
                    if (t.box.left < box.left - slack || t.box.right > box.right + slack
                        || t.box.top < box.top - slack || t.box.bottom > box.bottom + slack)
                      problems.push(`chart ${c}: '${t.text}' leaves the chart (${t.box.left}-${t.box.right} `
                          + `in ${box.left}-${box.right}, ${t.box.top}-${t.box.bottom} in ${box.top}-${box.bottom})`);
                    texts.slice(i + 1).forEach(u => {
                      if (overlap(t.box, u.box)) problems.push(`chart ${c}: '${t.text}' overlaps '${u.text}'`);
                    });
                    marks.forEach(m => {
                      if (overlap(t.box, m)) problems.push(`chart ${c}: '${t.text}' lies on a mark`);
                    });
                  });
                });
                return problems;
                """);
    }

    static void assertLaidOut(String lang, String dir, List<String> charts) throws IOException {
        write(lang, dir, charts);
        assertEquals(List.of(), problems(360, "screen"), "on a 360 px phone");
        // An A4 page less its margins is about 170 mm, 640 CSS px.
        assertEquals(List.of(), problems(640, "print"), "printed");
    }

    @Test
    void frenchChartsReadOnAPhoneAndOnPaper() throws IOException {
        assertLaidOut("fr", "ltr", List.of(frenchDistribution(), frenchGroups(), frenchChanges()));
    }

    @Test
    void arabicChartsReadOnAPhoneAndOnPaper() throws IOException {
        assertLaidOut("ar", "rtl", List.of(arabicDistribution(), arabicMeanChanges(), frenchChanges()));
    }

    @Test
    void theCheckSeesTextsThatCollide() throws IOException {
        // The same check on a chart that is known to be wrong: two texts on one spot, one outside, one on a bar.
        write("fr", "ltr", List.of("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"320\" "
                + "height=\"40\" viewBox=\"0 0 320 40\" font-size=\"12\"><rect x=\"0\" y=\"0\" width=\"100\" "
                + "height=\"14\"/><text x=\"4\" y=\"11\">sur la barre</text><text x=\"200\" y=\"30\">un</text>"
                + "<text x=\"204\" y=\"31\">deux</text><text x=\"300\" y=\"30\">dehors</text></svg>"));
        List<String> problems = problems(360, "screen");
        assertTrue(problems.stream().anyMatch(p -> p.contains("'un' overlaps 'deux'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'dehors' leaves the chart")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'sur la barre' lies on a mark")), problems.toString());
    }
}

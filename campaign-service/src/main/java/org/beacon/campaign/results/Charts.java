package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.List;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.beacon.campaign.results.ResultsView.ChangeRow;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.results.ResultsView.Row;
import org.beacon.campaign.results.ResultsView.Table;
import org.beacon.commons.web.Markup;

/**
 * Server-rendered SVG charts of results tables: readable without JavaScript, drawn only from figures that are shown
 * (a hidden figure is written as its "&lt; k" text instead of a bar). Each chart sits next to the table it is drawn
 * from, which is its text alternative: the same figures, for screen readers and for copying.
 *
 * <p>Charts are laid out for a phone first and stay legible on paper:
 * <ul>
 * <li>They are drawn at their own size, {@value #WIDTH} CSS pixels wide, never scaled down: the page's text size
 * (12 px) is then 12 px on a 360 px screen and 9 pt on paper. A chart scaled to the width of a small screen made its
 * text about 7 px high.</li>
 * <li>Each label gets the whole width, on its own lines above its marks, and is wrapped at word boundaries (a word
 * longer than a line is split), never cut. Wrapping is done here, with text widths estimated on the wide side (DejaVu
 * Sans, the widest common sans-serif), since SVG text does not wrap by itself.</li>
 * <li>Numbers are written beside their marks, never on them, with room kept for the longest number.</li>
 * <li>Bars and intervals stand on an axis with a scale (0-100 % for shares; a symmetric scale around no change for
 * changes).</li>
 * <li>When most labels are in a right-to-left script the chart is mirrored: labels and bars start on the right.</li>
 * </ul>
 * {@code ChartLayoutIT} (devstack) lays every chart type out in Chromium with long Arabic and French labels and checks
 * with the browser's own boxes that no two texts overlap and none leaves the chart.
 */
public final class Charts {

    static final int WIDTH = 320;
    static final int FONT = 12;
    /** Baseline to baseline: a 12 px line of DejaVu Sans or an Arabic font is up to 15 px high, plus a gap. */
    static final int LINE = 17;

    private static final String[] COLOURS = { "#7a7a7a", "#1f5fa8", "#2e7d32", "#a05a00", "#6a3d9a", "#b15928" };
    private static final int BAR = 14;
    private static final int BAR_STEP = 18;
    private static final int ROW_GAP = 10;
    private static final int SWATCH = 10;
    private static final int GAP = 4;
    private static final String MUTED = "#555";
    /** Labels stand this far in from the edge: a glyph such as "j" reaches left of its own starting point. */
    private static final int INSET = 3;
    private static final int TEXT_WIDTH = WIDTH - 2 * INSET;

    private Charts() {
    }

    /** Percentages of each choice, one bar per column (wave or group), on a 0-100 % axis. */
    public static String distribution(Table table) {
        return distribution(table, FigureText.MACHINE);
    }

    /** The same with the axis written in the reader's formats (the figures come written already). */
    static String distribution(Table table, FigureText text) {
        List<Row> rows = table.rows().stream().filter(r -> r.type().equals(Row.CHOICE)).toList();
        int series = table.columns().size();
        if (rows.isEmpty() || series == 0) {
            return "";
        }
        List<String> labels = new ArrayList<>(table.columns());
        rows.forEach(r -> labels.add(r.label()));
        Canvas canvas = new Canvas(mostlyRightToLeft(labels));

        double y = 0;
        if (series > 1) {
            for (int s = 0; s < series; s++) {
                List<String> lines = wrap(table.columns().get(s), TEXT_WIDTH - SWATCH - GAP);
                canvas.rect(INSET, y + 3, SWATCH, SWATCH, COLOURS[s % COLOURS.length]);
                y = canvas.lines(INSET + SWATCH + GAP, y, lines, null);
            }
            y += ROW_GAP;
        }

        // Room for the widest number beside a full bar, and for half of the "100%" tick label.
        double numbers = width(text.percent(100)) / 2;
        for (Row row : rows) {
            for (Figure figure : row.cells()) {
                numbers = Math.max(numbers, GAP + width(figure.display()));
            }
        }
        double start = Math.ceil(width(text.percent(0)) / 2) + INSET;
        double end = WIDTH - INSET - Math.ceil(numbers);
        double scale = (end - start) / 100;

        for (Row row : rows) {
            String label = row.label() + (row.correct() ? " ✓" : "");
            y = canvas.lines(INSET, y, wrap(label, TEXT_WIDTH), null);
            y += 2;
            double top = y;
            for (int s = 0; s < series; s++) {
                Figure figure = row.cells().get(s);
                if (figure.percent() == null) {
                    canvas.text(start, y + 11, figure.display(), Side.LEADING, MUTED);
                } else {
                    double length = Math.max(1, scale * figure.percent());
                    canvas.rect(start, y, length, BAR, COLOURS[s % COLOURS.length]);
                    canvas.text(start + length + GAP, y + 11, figure.display(), Side.LEADING, null);
                }
                y += BAR_STEP;
            }
            // Light gridlines across the bars only, so that they never cross a label.
            for (int tick = 25; tick <= 100; tick += 25) {
                canvas.gridline(start + tick * scale, top - 2, y - 2);
            }
            y += ROW_GAP;
        }

        canvas.line(start, y, end, y, "#444", null);
        for (int tick = 0; tick <= 100; tick += 25) {
            double x = start + tick * scale;
            canvas.line(x, y, x, y + 4, "#444", null);
            canvas.text(x, y + 4 + FONT + 1, text.percent(tick), Side.MIDDLE, null);
        }
        y += 4 + LINE + 2;
        return canvas.svg(table.title(), y);
    }

    /**
     * Changes with their 95 % confidence intervals around zero (a forest plot), one row per item: the label, then
     * the change in figures, then its interval on a scale shared by all rows. A hidden change is written as such,
     * without a mark.
     */
    public static String changes(String title, List<ChangeRow> changes) {
        return changes(title, changes, FigureText.MACHINE);
    }

    /** The same with the scale written in the reader's formats. */
    static String changes(String title, List<ChangeRow> changes, FigureText text) {
        if (changes.isEmpty() || changes.stream().allMatch(c -> c.difference() == null)) {
            return "";
        }
        List<String> labels = changes.stream().map(ChangeRow::label).toList();
        Canvas canvas = new Canvas(mostlyRightToLeft(labels));
        boolean points = changes.stream().anyMatch(c -> ChangeRow.PROPORTION.equals(c.measure()));
        String unit = points ? " pp" : "";

        double extent = 0;
        for (ChangeRow change : changes) {
            if (change.difference() != null) {
                extent = Math.max(extent, Math.max(Math.abs(change.low()), Math.abs(change.high())));
            }
        }
        double step = niceStep(extent);
        int ticks = (int) Math.max(1, Math.ceil(extent / step - 1e-9));
        double pad = Math.ceil(width(tickLabel(-ticks * step, unit, text)) / 2) + INSET;
        double centre = WIDTH / 2.0;
        double scale = (centre - pad) / (ticks * step);

        double y = 0;
        for (ChangeRow change : changes) {
            y = canvas.lines(INSET, y, wrap(change.label(), TEXT_WIDTH), null);
            boolean shown = change.difference() != null;
            y = canvas.lines(INSET, y, wrap(change.display(), TEXT_WIDTH), shown ? null : MUTED);
            if (shown) {
                double markY = y + 6;
                // No change: a dashed line through the mark only, so that it never crosses a label.
                canvas.dashed(centre, markY - 7, centre, markY + 7);
                canvas.line(centre + change.low() * scale, markY, centre + change.high() * scale, markY, "#1f5fa8",
                        "2");
                canvas.line(centre + change.low() * scale, markY - 4, centre + change.low() * scale, markY + 4,
                        "#1f5fa8", "2");
                canvas.line(centre + change.high() * scale, markY - 4, centre + change.high() * scale, markY + 4,
                        "#1f5fa8", "2");
                canvas.circle(centre + change.difference() * scale, markY, 4, "#1f5fa8");
                y += 14;
            }
            y += ROW_GAP;
        }
        canvas.line(pad, y, WIDTH - pad, y, "#444", null);
        for (int t = -ticks; t <= ticks; t++) {
            double x = centre + t * step * scale;
            canvas.line(x, y, x, y + 4, "#444", null);
            canvas.text(x, y + 4 + FONT + 1, tickLabel(t * step, unit, text), Side.MIDDLE, null);
        }
        y += 4 + LINE + 2;
        return canvas.svg(title, y);
    }

    /** A step of 1, 2, 2.5 or 5 times a power of ten giving at most two ticks on either side of zero. */
    static double niceStep(double extent) {
        if (extent <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(extent / 2)));
        for (double factor : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (extent / (factor * power) <= 2 + 1e-9) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    static String tickLabel(double value, String unit, FigureText text) {
        if (Math.abs(value) < 1e-9) {
            return text.count(0);
        }
        BigDecimal magnitude = BigDecimal.valueOf(Math.abs(value)).setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return (value > 0 ? "+" : "\u2212") + text.plain(magnitude.scale() < 0 ? magnitude.setScale(0) : magnitude)
                + unit;
    }

    /**
     * Lines of at most {@code width} pixels, broken at spaces; a word longer than a line is split. Never cuts text.
     */
    static List<String> wrap(String text, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(word) > width) {
                int cut = 1;
                while (cut < word.length() && width(word.substring(0, cut + 1)) <= width) {
                    cut++;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * The width of a line of 12 px text, estimated on the wide side from DejaVu Sans's advance widths (wider than
     * Arial, Roboto or Noto Sans), so that a line that fits here fits in any of them.
     */
    static double width(String text) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            em += advance(c);
        }
        return em * FONT * 1.04;
    }

    private static double advance(char c) {
        if (c == ' ' || ".,:;'|!ijlI()[]".indexOf(c) >= 0) {
            return 0.35;
        }
        if ("ftr-".indexOf(c) >= 0) {
            return 0.45;
        }
        if ("mwMW%@".indexOf(c) >= 0) {
            return 1.0;
        }
        if (Character.isDigit(c)) {
            return 0.64;
        }
        if (Character.isUpperCase(c)) {
            return 0.78;
        }
        if (c < 0x250) {
            return 0.64;
        }
        if (isRightToLeft(c)) {
            return 0.7;
        }
        return 1.0;
    }

    private static boolean isRightToLeft(char c) {
        byte direction = Character.getDirectionality(c);
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /** The direction of a text by its first strong character, as the Unicode bidirectional algorithm decides it. */
    static boolean isRightToLeft(String text) {
        for (int i = 0; i < text.length(); i++) {
            byte direction = Character.getDirectionality(text.charAt(i));
            if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
        }
        return false;
    }

    private static boolean mostlyRightToLeft(List<String> labels) {
        long rtl = labels.stream().filter(Charts::isRightToLeft).count();
        return rtl * 2 > labels.size();
    }

    /** Where a text stands against its x: its leading edge (left, or right in a mirrored chart), or its middle. */
    enum Side {
        LEADING, MIDDLE
    }

    /**
     * Draws in reading order: x runs from the leading edge, and a mirrored (right-to-left) chart flips it, so that
     * both directions share one layout.
     */
    private static final class Canvas {

        private final boolean mirrored;
        private final StringBuilder body = new StringBuilder();
        /** Drawn first, so that bars cover gridlines rather than the reverse. */
        private final StringBuilder behind = new StringBuilder();

        Canvas(boolean mirrored) {
            this.mirrored = mirrored;
        }

        private double x(double x) {
            return mirrored ? WIDTH - x : x;
        }

        /** Lines of text from {@code top}; returns the y under the last one. */
        double lines(double x, double top, List<String> lines, String colour) {
            double y = top;
            for (String line : lines) {
                text(x, y + FONT + 1, line, Side.LEADING, colour);
                y += LINE;
            }
            return y;
        }

        void text(double x, double baseline, String text, Side side, String colour) {
            boolean rtl = isRightToLeft(text);
            // The anchor is read in the text's own direction: "start" is the right edge of a right-to-left text.
            String anchor = side == Side.MIDDLE ? "middle" : (rtl == mirrored ? "start" : "end");
            body.append("<text x=\"").append(fmt(x(x))).append("\" y=\"").append(fmt(baseline))
                    .append("\" text-anchor=\"").append(anchor).append("\" direction=\"").append(rtl ? "rtl" : "ltr")
                    .append('"');
            if (colour != null) {
                body.append(" fill=\"").append(colour).append('"');
            }
            body.append('>').append(Markup.escape(text)).append("</text>");
        }

        void rect(double x, double y, double width, double height, String colour) {
            body.append("<rect x=\"").append(fmt(mirrored ? WIDTH - x - width : x)).append("\" y=\"").append(fmt(y))
                    .append("\" width=\"").append(fmt(width)).append("\" height=\"").append(fmt(height))
                    .append("\" fill=\"").append(colour).append("\"/>");
        }

        void line(double x1, double y1, double x2, double y2, String colour, String strokeWidth) {
            body.append("<line x1=\"").append(fmt(x(x1))).append("\" y1=\"").append(fmt(y1)).append("\" x2=\"")
                    .append(fmt(x(x2))).append("\" y2=\"").append(fmt(y2)).append("\" stroke=\"").append(colour)
                    .append('"');
            if (strokeWidth != null) {
                body.append(" stroke-width=\"").append(strokeWidth).append('"');
            }
            body.append("/>");
        }

        void gridline(double x, double y1, double y2) {
            behind.append("<line x1=\"").append(fmt(x(x))).append("\" y1=\"").append(fmt(y1)).append("\" x2=\"")
                    .append(fmt(x(x))).append("\" y2=\"").append(fmt(y2)).append("\" stroke=\"#d8dce4\"/>");
        }

        void dashed(double x1, double y1, double x2, double y2) {
            body.append("<line x1=\"").append(fmt(x(x1))).append("\" y1=\"").append(fmt(y1)).append("\" x2=\"")
                    .append(fmt(x(x2))).append("\" y2=\"").append(fmt(y2))
                    .append("\" stroke=\"#444\" stroke-dasharray=\"3 3\"/>");
        }

        void circle(double cx, double cy, double r, String colour) {
            body.append("<circle cx=\"").append(fmt(x(cx))).append("\" cy=\"").append(fmt(cy)).append("\" r=\"")
                    .append(fmt(r)).append("\" fill=\"").append(colour).append("\"/>");
        }

        String svg(String title, double height) {
            String h = fmt(Math.ceil(height));
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"" + WIDTH + "\" height=\"" + h
                    + "\" viewBox=\"0 0 " + WIDTH + " " + h + "\" role=\"img\" font-size=\"" + FONT
                    + "\" font-family=\"sans-serif\" direction=\"ltr\"><title>" + Markup.escape(title) + "</title>"
                    + behind + body + "</svg>";
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

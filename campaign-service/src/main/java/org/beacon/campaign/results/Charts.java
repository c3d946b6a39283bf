package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.beacon.campaign.results.ResultsView.ChangeRow;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.results.ResultsView.Row;
import org.beacon.campaign.results.ResultsView.Table;
import org.beacon.commons.web.ErrorPage;

/**
 * Server-rendered SVG charts of results tables: readable without JavaScript, drawn only from figures that are shown
 * (a hidden figure is written as its "&lt; k" text instead of a bar). Each chart sits next to the table it is drawn
 * from, which is its text equivalent.
 */
public final class Charts {

    private static final String[] COLOURS = { "#7a7a7a", "#1f5fa8", "#2e7d32", "#a05a00" };
    private static final int WIDTH = 640;
    private static final int LABEL = 14;
    private static final int BAR = 12;
    private static final int PLOT = 420;

    private Charts() {
    }

    /** Percentages of each choice, one bar per column (wave or group). */
    public static String distribution(Table table) {
        List<Row> rows = table.rows().stream().filter(r -> r.type().equals(Row.CHOICE)).toList();
        int series = table.columns().size();
        if (rows.isEmpty() || series == 0) {
            return "";
        }
        int block = LABEL + series * (BAR + 2) + 8;
        int height = 24 + rows.size() * block;
        StringBuilder svg = open(table.title(), height);
        legend(svg, table.columns());
        int y = 24;
        for (Row row : rows) {
            svg.append(text(0, y + 11, row.label() + (row.correct() ? " ✓" : ""), "start"));
            int barY = y + LABEL;
            for (int s = 0; s < series; s++) {
                Figure figure = row.cells().get(s);
                if (figure.isHidden() || figure.percent() == null) {
                    svg.append(text(4, barY + 10, figure.display(), "start"));
                } else {
                    double length = Math.max(1, PLOT * figure.percent() / 100);
                    svg.append("<rect x=\"0\" y=\"").append(barY).append("\" width=\"").append(fmt(length))
                            .append("\" height=\"").append(BAR).append("\" fill=\"").append(COLOURS[s % COLOURS.length])
                            .append("\"/>");
                    svg.append(text(length + 4, barY + 10, fmt(figure.percent()) + "%", "start"));
                }
                barY += BAR + 2;
            }
            y += block;
        }
        return svg.append("</svg>").toString();
    }

    /** Changes with their confidence intervals around zero (a forest plot), one chart per unit. */
    public static String changes(String title, List<ChangeRow> changes) {
        List<ChangeRow> shown = new ArrayList<>(changes.stream().filter(c -> c.difference() != null).toList());
        if (shown.isEmpty()) {
            return "";
        }
        double extent = 0;
        for (ChangeRow change : shown) {
            extent = Math.max(extent, Math.max(Math.abs(change.low()), Math.abs(change.high())));
        }
        extent = extent == 0 ? 1 : extent * 1.1;
        int rowHeight = 34;
        int height = 30 + shown.size() * rowHeight;
        double centre = WIDTH / 2.0;
        double scale = (WIDTH / 2.0 - 20) / extent;
        StringBuilder svg = open(title, height);
        svg.append("<line x1=\"").append(fmt(centre)).append("\" y1=\"4\" x2=\"").append(fmt(centre))
                .append("\" y2=\"").append(height).append("\" stroke=\"#444\" stroke-dasharray=\"3 3\"/>");
        svg.append(text(centre, 14, "0", "middle"));
        int y = 30;
        for (ChangeRow change : shown) {
            svg.append(text(0, y + 10, change.label(), "start"));
            double low = centre + change.low() * scale;
            double high = centre + change.high() * scale;
            double point = centre + change.difference() * scale;
            int lineY = y + 22;
            svg.append("<line x1=\"").append(fmt(low)).append("\" y1=\"").append(lineY).append("\" x2=\"")
                    .append(fmt(high)).append("\" y2=\"").append(lineY).append("\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>");
            svg.append("<circle cx=\"").append(fmt(point)).append("\" cy=\"").append(lineY)
                    .append("\" r=\"4\" fill=\"#1f5fa8\"/>");
            svg.append(text(Math.min(high + 6, WIDTH - 4), lineY + 4, change.display(),
                    high + 6 > WIDTH - 120 ? "end" : "start"));
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" role=\"img\" font-size=\"12\" font-family=\"sans-serif\">")
                .append("<title>").append(ErrorPage.escape(title)).append("</title>");
    }

    private static void legend(StringBuilder svg, List<String> columns) {
        int x = 0;
        for (int s = 0; s < columns.size(); s++) {
            svg.append("<rect x=\"").append(x).append("\" y=\"2\" width=\"10\" height=\"10\" fill=\"")
                    .append(COLOURS[s % COLOURS.length]).append("\"/>");
            svg.append(text(x + 14, 11, columns.get(s), "start"));
            x += 24 + columns.get(s).length() * 7;
        }
    }

    private static String text(double x, double y, String text, String anchor) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">"
                + ErrorPage.escape(text) + "</text>";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

package org.beacon.campaign.results;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beacon.campaign.results.ResultsView.Breakdown;
import org.beacon.campaign.results.ResultsView.ChangeRow;
import org.beacon.campaign.results.ResultsView.Figure;
import org.beacon.campaign.results.ResultsView.GroupChanges;
import org.beacon.campaign.results.ResultsView.QuestionResult;
import org.beacon.campaign.results.ResultsView.Row;
import org.beacon.campaign.results.ResultsView.Table;
import org.beacon.commons.text.CsvCells;

/**
 * The aggregates as one long CSV table (one figure per line), written from the same suppressed view as the page:
 * a hidden figure has an empty number and its "&lt; k" or "hidden" text, never its value. Labels come from the form
 * author and every text cell goes through {@link CsvCells}, so none can run as a spreadsheet formula; numbers stay
 * numbers.
 */
final class ResultsCsv {

    static final List<String> HEADER = List.of("section", "wave", "dimension", "group", "question", "question_label",
            "row", "row_type", "n", "percent", "mean", "display");

    private ResultsCsv() {
    }

    static String write(ResultsView view, List<Breakdown> breakdowns) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(HEADER.toArray(String[]::new)).get())) {
            // a filtered view's figures are of one group: its dimension and group name them
            String dimension = view.filter() == null ? "" : view.filter().dimension();
            String group = view.filter() == null ? "" : view.filter().group();
            overall(csv, "respondents", view.waves(), dimension, group, new QuestionResult("respondents", "", "", null,
                    view.respondents()));
            for (QuestionResult question : view.questions()) {
                overall(csv, "question", view.waves(), dimension, group, question);
            }
            if (view.knowledgeScore() != null) {
                overall(csv, "knowledge_score", view.waves(), dimension, group, view.knowledgeScore());
            }
            changes(csv, dimension, group, view.changes());
            for (Breakdown breakdown : breakdowns) {
                String by = dimension(breakdown);
                if (breakdown.wave().equals("endline")) {
                    for (GroupChanges changes : breakdown.changes()) {
                        changes(csv, by, changes.group(), changes.changes());
                    }
                }
                byGroup(csv, breakdown, new QuestionResult("respondents", "", "", null, breakdown.respondents()));
                for (QuestionResult question : breakdown.questions()) {
                    byGroup(csv, breakdown, question);
                }
                if (breakdown.knowledgeScore() != null) {
                    byGroup(csv, breakdown, breakdown.knowledgeScore());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void changes(CSVPrinter csv, String dimension, String group, List<ChangeRow> changes)
            throws IOException {
        for (ChangeRow change : changes) {
            csv.printRecord(CsvCells.record("change", "baseline-endline", dimension, group, change.name(),
                    change.label(), change.measure(), "change", "", change.difference(), "", change.display()));
            csv.printRecord(CsvCells.record("change", "baseline-endline", dimension, group, change.name(),
                    change.label(), change.measure(), "ci_low", "", change.low(), "", ""));
            csv.printRecord(CsvCells.record("change", "baseline-endline", dimension, group, change.name(),
                    change.label(), change.measure(), "ci_high", "", change.high(), "", ""));
        }
    }

    /** "region", or "region within gender:female" for a filtered breakdown. */
    private static String dimension(Breakdown breakdown) {
        return breakdown.filter().isEmpty() ? breakdown.dimension()
                : breakdown.dimension() + " within " + breakdown.filter();
    }

    private static void overall(CSVPrinter csv, String section, List<String> waves, String dimension, String group,
            QuestionResult question) throws IOException {
        Table table = question.table();
        for (Row row : table.rows()) {
            for (int c = 0; c < waves.size(); c++) {
                figure(csv, section, waves.get(c), dimension, group, question, row, row.cells().get(c));
            }
        }
    }

    private static void byGroup(CSVPrinter csv, Breakdown breakdown, QuestionResult question) throws IOException {
        Table table = question.table();
        for (Row row : table.rows()) {
            for (int c = 0; c < table.columns().size(); c++) {
                figure(csv, "breakdown", breakdown.wave(), dimension(breakdown), table.columns().get(c), question,
                        row, row.cells().get(c));
            }
        }
    }

    private static void figure(CSVPrinter csv, String section, String wave, String dimension, String group,
            QuestionResult question, Row row, Figure figure) throws IOException {
        csv.printRecord(CsvCells.record(section, wave, dimension, group, question.name(), question.label(),
                row.label(), row.type(), Row.MEAN.equals(row.type()) ? null : figure.n(), figure.percent(),
                figure.mean(), figure.display()));
    }
}

package org.beacon.training.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beacon.commons.text.CsvCells;
import org.beacon.training.period.ReportPeriod;

/**
 * A CSV file to download: a header and rows, every text cell neutralised by commons' {@link CsvCells} so that no
 * name or institution typed by a user runs as a spreadsheet formula; numbers stay numbers.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    public static Response of(String fileName, List<String> header, List<List<?>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (List<?> row : rows) {
                csv.printRecord(CsvCells.record(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** A file name that says which period it covers: {@code name-2027-01-01-2027-03-31.csv}. */
    public static String fileName(String name, ReportPeriod period) {
        return name + (period.from() == null ? "" : "-from-" + period.from())
                + (period.to() == null ? "" : "-to-" + period.to()) + ".csv";
    }
}

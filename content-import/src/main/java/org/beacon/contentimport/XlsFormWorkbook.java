package org.beacon.contentimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds the {@code .xlsx} XLSForm of a shipped survey from its three CSV sheets, the reviewable source kept in
 * content/. The import then goes through the same XLSForm path as a form made in KoboToolbox or ODK.
 */
public final class XlsFormWorkbook {

    static final List<String> SHEETS = List.of("survey", "choices", "settings");

    private XlsFormWorkbook() {
    }

    public static byte[] fromCsv(Path surveyFolder) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String name : SHEETS) {
                Sheet sheet = workbook.createSheet(name);
                int rowIndex = 0;
                for (List<String> values : rows(surveyFolder.resolve(name + ".csv"))) {
                    Row row = sheet.createRow(rowIndex++);
                    for (int column = 0; column < values.size(); column++) {
                        if (!values.get(column).isEmpty()) {
                            row.createCell(column).setCellValue(values.get(column));
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<List<String>> rows(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.RFC4180.parse(reader)) {
                rows.add(record.toList());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

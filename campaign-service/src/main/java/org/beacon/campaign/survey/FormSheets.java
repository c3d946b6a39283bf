package org.beacon.campaign.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.commons.web.ProblemException;

/** Reads XLSForm sheets from an .xlsx workbook (Apache POI) or from CSV files (Apache Commons CSV). */
public final class FormSheets {

    private FormSheets() {
    }

    /** Every sheet of the workbook by lower-case name. */
    public static Map<String, FormSheet> fromXlsx(InputStream in) {
        Map<String, FormSheet> sheets = new LinkedHashMap<>();
        try (Workbook workbook = new XSSFWorkbook(in)) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (Sheet sheet : workbook) {
                String name = sheet.getSheetName().trim().toLowerCase(Locale.ROOT);
                sheets.put(name, read(name, sheet, formatter));
            }
        } catch (IOException | RuntimeException e) {
            // POI reports a non-workbook as one of several runtime exceptions; all mean the same thing to the user.
            throw ProblemException.badRequest("The file is not a readable .xlsx workbook.");
        }
        return sheets;
    }

    private static FormSheet read(String name, Sheet sheet, DataFormatter formatter) {
        List<String> columns = new ArrayList<>();
        List<FormSheet.Row> rows = new ArrayList<>();
        int first = sheet.getFirstRowNum();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            short last = row.getLastCellNum();
            for (int c = 0; c < last; c++) {
                Cell cell = row.getCell(c);
                cells.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            if (row.getRowNum() == first) {
                columns.addAll(cells.stream().map(String::trim).toList());
            } else {
                rows.add(new FormSheet.Row(row.getRowNum() + 1, cells));
            }
        }
        return new FormSheet(name, columns, rows);
    }

    /** A sheet from CSV text with a header line; row numbers count the header as row 1, as a spreadsheet would. */
    public static FormSheet fromCsv(String name, InputStream in) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).setTrim(false).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(skipByteOrderMark(in), StandardCharsets.UTF_8),
                format)) {
            List<String> columns = parser.getHeaderNames().stream().map(String::trim).toList();
            List<FormSheet.Row> rows = new ArrayList<>();
            int number = 1;
            for (CSVRecord record : parser) {
                number++;
                rows.add(new FormSheet.Row(number, record.toList()));
            }
            return new FormSheet(name, columns, rows);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("The " + name + " file is not readable CSV: " + e.getMessage());
        }
    }

    private static InputStream skipByteOrderMark(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new java.io.BufferedInputStream(in);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }
}

package org.beacon.campaign.survey;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads XLSForm sheets from an .xlsx workbook (Apache POI's streaming reader) or from CSV files (Apache Commons
 * CSV), within limits: a workbook is never built in memory, each part it reads may inflate only so far, and rows,
 * columns and cells are counted as they stream by, so a small file that inflates to a huge one is refused before it
 * takes the heap. A NUL in a cell is refused with the cell named: PostgreSQL could not store it.
 */
public final class FormSheets {

    /** Bounds of one sheet; {@code lineLength} only applies to CSV text. */
    public record Limits(int rows, int columns, int cellLength, int lineLength) {
    }

    /** The sheets an XLSForm is made of; any other sheet of the workbook is never inflated. */
    private static final Set<String> FORM_SHEETS = Set.of(XlsForm.SURVEY, XlsForm.CHOICES, XlsForm.SETTINGS);

    private FormSheets() {
    }

    /** The survey, choices and settings sheets of the workbook, by lower-case name. */
    public static Map<String, FormSheet> fromXlsx(Path file, long partBytes, Limits limits) {
        // JVM-wide POI settings: every part read from a workbook is cut off past partBytes, and a part that inflates
        // more than 100 times (POI's default ratio) is a zip bomb whatever its size.
        ZipSecureFile.setMaxEntrySize(partBytes);
        ZipSecureFile.setMinInflateRatio(0.01);
        Map<String, FormSheet> sheets = new LinkedHashMap<>();
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            StylesTable styles = reader.getStylesTable() != null ? reader.getStylesTable() : new StylesTable();
            XSSFReader.SheetIterator parts = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (parts.hasNext()) {
                try (InputStream part = parts.next()) {
                    String name = parts.getSheetName().trim().toLowerCase(Locale.ROOT);
                    if (FORM_SHEETS.contains(name) && !sheets.containsKey(name)) {
                        sheets.put(name, readSheet(name, part, strings, styles, limits));
                    }
                }
            }
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw unreadable(e, partBytes);
        }
        return sheets;
    }

    private static ProblemException unreadable(Throwable e, long partBytes) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (message.contains("Zip bomb detected")) {
                return ProblemException.tooLarge(message.contains("max size")
                        ? Reason.of("xlsform.part-too-large", megabytes(partBytes))
                        : Reason.of("xlsform.zip-bomb"));
            }
        }
        // POI reports a non-workbook as one of several exceptions; all mean the same thing to the user.
        return ProblemException.badRequest(Reason.of("xlsform.unreadable"));
    }

    private static FormSheet readSheet(String name, InputStream part, ReadOnlySharedStringsTable strings,
            StylesTable styles, Limits limits) throws Exception {
        SheetCollector collector = new SheetCollector(name, limits);
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector,
                new DataFormatter(Locale.ROOT), false));
        parser.parse(new InputSource(part));
        return collector.sheet();
    }

    /** Rows as the streaming reader hands them over, counted and checked on the way. */
    private static final class SheetCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String name;
        private final Limits limits;
        private final List<String> columns = new ArrayList<>();
        private final List<FormSheet.Row> rows = new ArrayList<>();
        private List<String> cells;
        private int rowNumber;
        private int rowCount;
        private boolean headerSeen;

        SheetCollector(String name, Limits limits) {
            this.name = name;
            this.limits = limits;
        }

        @Override
        public void startRow(int index) {
            if (++rowCount > limits.rows()) {
                throw tooManyRows(name, limits.rows());
            }
            rowNumber = index + 1;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int index) {
            if (!headerSeen) {
                headerSeen = true;
                columns.addAll(cells.stream().map(String::trim).toList());
            } else {
                rows.add(new FormSheet.Row(rowNumber, cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            checkCell(name, rowNumber, column, value, limits);
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }

        FormSheet sheet() {
            return new FormSheet(name, columns, rows);
        }
    }

    private static void checkCell(String sheet, int row, int column, String value, Limits limits) {
        if (column >= limits.columns()) {
            throw new FormRejected(Reason.of("sheet.too-many-columns", sheet, limits.columns()), List.of(new FormError(sheet, row,
                            FormSheet.letter(column), Reason.of("sheet.beyond-last-column",
                                    FormSheet.letter(limits.columns() - 1)))));
        }
        if (value == null) {
            return;
        }
        if (value.length() > limits.cellLength()) {
            throw new FormRejected(Reason.of("sheet.cell-too-long", limits.cellLength()), List.of(new FormError(sheet, row,
                            FormSheet.letter(column), Reason.of("sheet.cell-length", value.length()))));
        }
        if (UntrustedText.containsNul(value)) {
            throw new FormRejected(Reason.of("sheet.cell-nul"),
                    List.of(new FormError(sheet, row, FormSheet.letter(column),
                            Reason.of("sheet.cell-contains-nul"))));
        }
    }

    private static ProblemException tooManyRows(String sheet, int limit) {
        return ProblemException.tooLarge(Reason.of("sheet.too-many-rows", sheet, limit));
    }

    /**
     * A sheet from CSV text with a header line; row numbers count the header as row 1, as a spreadsheet would. A
     * line that cannot be read as CSV is reported by row with what is wrong in it.
     */
    public static FormSheet fromCsv(String name, InputStream in, Limits limits) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).setTrim(false).get();
        int number = 1;
        try (BoundedLines lines = new BoundedLines(new InputStreamReader(skipByteOrderMark(in),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), limits.lineLength());
                CSVParser parser = CSVParser.parse(lines, format)) {
            List<String> columns = parser.getHeaderNames().stream().map(String::trim).toList();
            for (int c = 0; c < columns.size(); c++) {
                checkCell(name, 1, c, columns.get(c), limits);
            }
            List<FormSheet.Row> rows = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (RuntimeException e) {
                    throw notCsv(name, number + 1, e);
                }
                number++;
                if (number > limits.rows()) {
                    throw tooManyRows(name, limits.rows());
                }
                List<String> cells = record.toList();
                for (int c = 0; c < cells.size(); c++) {
                    checkCell(name, number, c, cells.get(c), limits);
                }
                rows.add(new FormSheet.Row(number, cells));
            }
            return new FormSheet(name, columns, rows);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw notCsv(name, number + 1, e);
        }
    }

    /** What commons-csv found wrong, said the way the author of the file will understand it. */
    private static ProblemException notCsv(String sheet, int row, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LineTooLong tooLong) {
                return ProblemException.tooLarge(Reason.of("sheet.line-too-long", tooLong.line, sheet,
                        tooLong.limit));
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        Reason what;
        if (message.contains("between encapsulated token and delimiter")) {
            what = Reason.of("sheet.csv-text-after-quote");
        } else if (message.contains("EOF reached before encapsulated token finished")) {
            what = Reason.of("sheet.csv-quote-not-closed");
        } else if (message.contains("duplicate name") || message.contains("header")) {
            what = Reason.of("sheet.csv-header");
        } else {
            what = Reason.of("sheet.csv-line");
        }
        return new FormRejected(Reason.of("sheet.not-csv", sheet),
                List.of(new FormError(sheet, row, null, what)));
    }

    private static InputStream skipByteOrderMark(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    private static final class LineTooLong extends IOException {
        final long line;
        final int limit;

        LineTooLong(long line, int limit) {
            super("line " + line + " is longer than " + limit + " characters");
            this.line = line;
            this.limit = limit;
        }
    }

    /** Refuses a physical line longer than the limit while the parser reads it, before it is buffered whole. */
    private static final class BoundedLines extends FilterReader {
        private final int limit;
        private long line = 1;
        private int length;

        BoundedLines(Reader in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int count) throws IOException {
            int read = super.read(buffer, offset, count);
            for (int i = 0; i < read; i++) {
                count(buffer[offset + i]);
            }
            return read;
        }

        private void count(char c) throws LineTooLong {
            if (c == '\n') {
                line++;
                length = 0;
            } else if (++length > limit) {
                throw new LineTooLong(line, limit);
            }
        }
    }
}

package org.beacon.commons.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cells of every CSV file Beacon writes, made safe to open in a spreadsheet. A spreadsheet runs a cell that begins
 * with {@code =}, {@code +}, {@code -} or {@code @} (and, in some programs, a tab or a carriage return followed by
 * one) as a formula: a form author or a respondent could otherwise plant {@code =HYPERLINK(...)} or a DDE command in
 * a choice label or a free-text answer, to run on the evaluator's computer when the export is opened. As OWASP
 * advises ("CSV Injection"), such a cell is written with a single quote in front, which spreadsheets show as text
 * and never evaluate. Quoting and doubling of double quotes is left to the CSV printer (Apache Commons CSV).
 *
 * <p>Numbers are written as they are: a figure held as a {@link Number} (a count, a percentage, a negative change)
 * cannot be a formula, and a quote in front would turn it into text that no longer adds up in the spreadsheet.
 */
public final class CsvCells {

    /** The first characters that make a spreadsheet evaluate a cell (OWASP's list). */
    public static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** Whether a spreadsheet could take this text for a formula. */
    public static boolean isFormulaLike(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /** The text as it is, or with a single quote in front when a spreadsheet could run it. */
    public static String neutralise(String text) {
        if (text == null) {
            return "";
        }
        return isFormulaLike(text) ? "'" + text : text;
    }

    /** One cell: a number as it is, an absent value as an empty cell, any other value as neutralised text. */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value;
        }
        return neutralise(value.toString());
    }

    /** A whole record, cell by cell, ready for {@code CSVPrinter.printRecord}. */
    public static List<Object> record(Object... values) {
        return record(Arrays.asList(values));
    }

    public static List<Object> record(Iterable<?> values) {
        List<Object> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(cell(value));
        }
        return cells;
    }
}

package org.beacon.campaign.survey;

import java.util.List;
import java.util.Locale;

/**
 * One sheet of an XLSForm (or its CSV twin) as text cells, with the row numbers a spreadsheet shows, so every
 * import error can name the sheet, the row and the column the author has to fix.
 */
public record FormSheet(String name, List<String> columns, List<Row> rows) {

    /** A data row; {@code number} is the spreadsheet row number (the header is row 1). */
    public record Row(int number, List<String> cells) {

        public String get(int column) {
            if (column < 0 || column >= cells.size()) {
                return "";
            }
            String value = cells.get(column);
            return value == null ? "" : value.trim();
        }

        public boolean isBlank() {
            return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
        }
    }

    /** Index of a column by name, ignoring case and the space/underscore spelling difference; -1 when absent. */
    public int column(String wanted) {
        String normalised = normalise(wanted);
        for (int i = 0; i < columns.size(); i++) {
            if (normalise(columns.get(i)).equals(normalised)) {
                return i;
            }
        }
        return -1;
    }

    /** The spreadsheet letter of a column (A, B, ..., AA), as authors see it. */
    public static String letter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    static String normalise(String column) {
        return column == null ? "" : column.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}

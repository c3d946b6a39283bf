package org.beacon.campaign.survey.odk;

import org.beacon.commons.web.Reason;

/**
 * One reason an XLSForm cannot become a Beacon survey, located the way the author sees the workbook: sheet, 1-based
 * row and the column header as written, so the author can find the cell without knowing how Beacon reads it. What
 * is wrong is a {@link Reason}: the import page says it in the reader's language, the API in English.
 *
 * @param column the header as written in the workbook, or null when the problem concerns the whole row or sheet
 * @param feature the XLSForm feature concerned ({@code repeat}, {@code constraint}...), or null
 */
public record FormProblem(String sheet, int row, String column, String feature, Reason reason) {

    /** What is wrong, in English. */
    public String message() {
        return reason.english();
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(sheet);
        if (row > 0) {
            where.append(", row ").append(row);
        }
        if (column != null) {
            where.append(", column '").append(column).append('\'');
        }
        return where + ": " + message();
    }
}

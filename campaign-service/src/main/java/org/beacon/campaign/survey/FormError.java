package org.beacon.campaign.survey;

import org.beacon.commons.web.Reason;

/**
 * A problem in an uploaded form or answer file, located the way its author will look for it. What is wrong is a
 * {@link Reason}: the survey pages say it in the reader's language, problem+json in English ({@link #toString()}).
 */
public record FormError(String sheet, int row, String column, Reason reason) {

    /** A problem whose words are written already, the same in every language (an answer's own message). */
    public FormError(String sheet, int row, String column, String message) {
        this(sheet, row, column, Reason.of("form-error.as-written", message));
    }

    /** What is wrong, in English. */
    public String message() {
        return reason.english();
    }

    /** Where and what in an interface language; sheet names, column headers and names from the file as written. */
    public String text(String language) {
        boolean hasColumn = column != null && !column.isEmpty();
        Reason where;
        if (row > 0) {
            where = hasColumn ? Reason.of("form-error.row-column", sheet, row, column, reason)
                    : Reason.of("form-error.row", sheet, row, reason);
        } else {
            where = hasColumn ? Reason.of("form-error.column", sheet, column, reason)
                    : Reason.of("form-error.sheet", sheet, reason);
        }
        return where.text(language);
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(sheet).append(" sheet");
        if (row > 0) {
            where.append(", row ").append(row);
        }
        if (column != null && !column.isEmpty()) {
            where.append(", column ").append(column);
        }
        return where.append(": ").append(message()).toString();
    }
}

package org.beacon.campaign.survey;

/** A problem in an uploaded form or answer file, located the way its author will look for it. */
public record FormError(String sheet, int row, String column, String message) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(sheet).append(" sheet");
        if (row > 0) {
            where.append(", row ").append(row);
        }
        if (column != null && !column.isEmpty()) {
            where.append(", column ").append(column);
        }
        return where.append(": ").append(message).toString();
    }
}

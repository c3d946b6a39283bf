package org.beacon.campaign.input;

import io.smallrye.config.ConfigMapping;

/**
 * The bounds every upload, import and archive is read within (application.properties, {@code beacon.limits.*}), so
 * that a small file that inflates to a large one is refused with 413/400 before it can fill the heap.
 */
@ConfigMapping(prefix = "beacon.limits")
public interface InputLimits {

    Workbook workbook();

    Answers answers();

    Archive archive();

    Form form();

    /** An XLSForm as .xlsx (or its sheets as CSV files). */
    interface Workbook {
        /** Largest size one part of the workbook (a sheet, the shared strings) may inflate to. */
        long partBytes();

        /** Rows per sheet, the header included. */
        int rows();

        /** Columns per sheet. */
        int columns();

        /** Characters in one cell. */
        int cellLength();
    }

    /** A CSV file of paper answers. */
    interface Answers {
        /** Rows, the header included. */
        int rows();

        /** Characters in one line of the file. */
        int lineLength();
    }

    /** A zip of content/ sent to an import endpoint. */
    interface Archive {
        /** The zip as sent. */
        long compressedBytes();

        /** What one file of the zip may inflate to. */
        long entryBytes();

        /** What all files of the zip together may inflate to. */
        long totalBytes();

        int entries();

        /** Materials named by all campaign.yaml files of one archive. */
        int materials();
    }

    /** Counts in one survey form. */
    interface Form {
        int questions();

        int choicesPerList();
    }
}

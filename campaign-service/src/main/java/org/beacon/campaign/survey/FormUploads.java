package org.beacon.campaign.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.beacon.commons.web.ProblemException;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The sheets of an uploaded form: an .xlsx workbook, or the survey, choices and settings sheets as separate CSV
 * files (the layout of content/campaigns/.../surveys/).
 */
final class FormUploads {

    private static final int ZIP_SIGNATURE = 0x504B0304;

    private FormUploads() {
    }

    static Map<String, FormSheet> sheets(FileUpload workbook, FileUpload survey, FileUpload choices,
            FileUpload settings, long maxBytes) {
        if (workbook != null && workbook.size() > 0) {
            checkSize(workbook, maxBytes);
            try (InputStream in = Files.newInputStream(workbook.uploadedFile())) {
                byte[] head = in.readNBytes(4);
                if (head.length < 4 || ((head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8
                        | (head[3] & 0xFF)) != ZIP_SIGNATURE) {
                    throw ProblemException.badRequest("The file is not an .xlsx workbook (XLSForm); save it as .xlsx.");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (InputStream in = Files.newInputStream(workbook.uploadedFile())) {
                return FormSheets.fromXlsx(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (survey == null || survey.size() == 0) {
            throw ProblemException.badRequest("Upload the XLSForm as an .xlsx file, or its survey, choices and "
                    + "settings sheets as CSV files.");
        }
        Map<String, FormSheet> sheets = new LinkedHashMap<>();
        sheets.put(XlsForm.SURVEY, csv(XlsForm.SURVEY, survey, maxBytes));
        if (choices != null && choices.size() > 0) {
            sheets.put(XlsForm.CHOICES, csv(XlsForm.CHOICES, choices, maxBytes));
        }
        if (settings != null && settings.size() > 0) {
            sheets.put(XlsForm.SETTINGS, csv(XlsForm.SETTINGS, settings, maxBytes));
        }
        return sheets;
    }

    static FormSheet csv(String name, FileUpload file, long maxBytes) {
        checkSize(file, maxBytes);
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return FormSheets.fromCsv(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    private static void checkSize(FileUpload file, long maxBytes) {
        if (file.size() > maxBytes) {
            throw ProblemException.tooLarge("The file is " + megabytes(file.size()) + "; the limit is "
                    + megabytes(maxBytes) + ". Split it into smaller files: each is checked and stored on its own.");
        }
    }
}

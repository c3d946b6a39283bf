package org.beacon.campaign.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.campaign.input.InputLimits;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The sheets of an uploaded form: an .xlsx workbook, or the survey, choices and settings sheets as separate CSV
 * files (the layout of content/campaigns/.../surveys/); and files of paper answers. Each is read within the limits
 * of {@code beacon.surveys.max-upload-bytes} (as sent) and {@code beacon.limits.*} (as read).
 */
@ApplicationScoped
public class FormUploads {

    private static final int ZIP_SIGNATURE = 0x504B0304;

    @Inject
    InputLimits limits;

    @Inject
    SurveysConfig surveysConfig;

    Map<String, FormSheet> sheets(FileUpload workbook, FileUpload survey, FileUpload choices, FileUpload settings) {
        if (workbook != null && workbook.size() > 0) {
            checkSize(workbook);
            try (InputStream in = Files.newInputStream(workbook.uploadedFile())) {
                byte[] head = in.readNBytes(4);
                if (head.length < 4 || ((head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8
                        | (head[3] & 0xFF)) != ZIP_SIGNATURE) {
                    throw ProblemException.badRequest(Reason.of("xlsform.not-xlsx"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return FormSheets.fromXlsx(workbook.uploadedFile(), limits.workbook().partBytes(), sheetLimits());
        }
        if (survey == null || survey.size() == 0) {
            throw ProblemException.badRequest(Reason.of("xlsform.upload-what"));
        }
        Map<String, FormSheet> sheets = new LinkedHashMap<>();
        sheets.put(XlsForm.SURVEY, csv(XlsForm.SURVEY, survey, sheetLimits()));
        if (choices != null && choices.size() > 0) {
            sheets.put(XlsForm.CHOICES, csv(XlsForm.CHOICES, choices, sheetLimits()));
        }
        if (settings != null && settings.size() > 0) {
            sheets.put(XlsForm.SETTINGS, csv(XlsForm.SETTINGS, settings, sheetLimits()));
        }
        return sheets;
    }

    /** A file of paper answers, one row per respondent. */
    FormSheet answers(FileUpload file) {
        if (file == null || file.size() == 0) {
            throw ProblemException.badRequest(Reason.of("upload.choose-csv"));
        }
        return csv(AnswerUpload.SHEET, file, new FormSheets.Limits(limits.answers().rows(),
                limits.workbook().columns(), limits.workbook().cellLength(), limits.answers().lineLength()));
    }

    private FormSheets.Limits sheetLimits() {
        InputLimits.Workbook workbook = limits.workbook();
        // A sheet as CSV may hold a line as long as the widest row of cells the workbook limits allow.
        int lineLength = (int) Math.min(Integer.MAX_VALUE, (long) workbook.columns() * (workbook.cellLength() + 3));
        return new FormSheets.Limits(workbook.rows(), workbook.columns(), workbook.cellLength(), lineLength);
    }

    private FormSheet csv(String name, FileUpload file, FormSheets.Limits sheetLimits) {
        checkSize(file);
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return FormSheets.fromCsv(name, in, sheetLimits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    private void checkSize(FileUpload file) {
        if (file.size() > surveysConfig.maxUploadBytes()) {
            throw ProblemException.tooLarge(Reason.of("upload.too-large", megabytes(file.size()),
                    megabytes(surveysConfig.maxUploadBytes())));
        }
    }
}

package org.beacon.campaign.survey.odk;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Forms for the tests, written as the CSV sheets authors keep in content/ (one text block per sheet). */
final class TestForms {

    static final Path SURVEYS = Path.of("../content/campaigns");

    private TestForms() {
    }

    /** Sheets given as name, CSV text, name, CSV text... */
    static XlsFormRows rows(String... namesAndCsv) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        for (int i = 0; i < namesAndCsv.length; i += 2) {
            sheets.put(namesAndCsv[i], csv(new StringReader(namesAndCsv[i + 1].strip())));
        }
        return XlsFormRows.of(sheets, "en");
    }

    static ConvertedForm convert(String... namesAndCsv) {
        return XlsFormConverter.convert(rows(namesAndCsv));
    }

    static FormSession session(String... namesAndCsv) {
        return FormEngine.load(convert(namesAndCsv).xml()).start();
    }

    /** A survey shipped in content/, read from its CSV sheets. */
    static XlsFormRows shipped(String campaign) {
        Path folder = SURVEYS.resolve(campaign).resolve("surveys").resolve(campaign);
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        for (String sheet : List.of("survey", "choices", "settings")) {
            try (Reader reader = Files.newBufferedReader(folder.resolve(sheet + ".csv"), StandardCharsets.UTF_8)) {
                sheets.put(sheet, csv(reader));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return XlsFormRows.of(sheets, "en");
    }

    private static List<List<String>> csv(Reader reader) {
        try {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.parse(reader)) {
                rows.add(record.toList().stream().map(String::strip).toList());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

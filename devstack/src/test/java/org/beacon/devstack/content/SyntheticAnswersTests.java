package org.beacon.devstack.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SyntheticAnswersTests {

    static final Path SURVEY = ContentValidationTests.repository()
            .resolve("content/campaigns/safe-journeys/surveys/safe-journeys");

    static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    /** The share of respondents who gave the keyed answer to the first knowledge item of the shipped survey. */
    static double rightShare(List<CSVRecord> rows) {
        List<List<String>> survey = XlsFormWorkbook.rows(SURVEY.resolve("survey.csv"));
        List<String> header = survey.get(0);
        List<String> item = survey.stream().filter(r -> r.get(header.indexOf("beacon_kind")).equals("knowledge"))
                .findFirst().orElseThrow();
        String name = item.get(header.indexOf("name"));
        String key = item.get(header.indexOf("beacon_answer"));
        return rows.stream().filter(r -> r.get(name).equals(key)).count() / (double) rows.size();
    }

    @Test
    void theSheetHasAKeyAndOneColumnPerQuestionName() throws IOException {
        String csv = SyntheticAnswers.forSurvey(SURVEY).csv(50, false, 7);
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("_uuid,age_band,"), header);
        assertTrue(!List.of(header.split(",")).contains("consent"), "notes are not answered: " + header);
        List<CSVRecord> rows = rows(csv);
        assertEquals(50, rows.size());
        Set<String> keys = new HashSet<>();
        rows.forEach(row -> keys.add(row.get("_uuid")));
        assertEquals(50, keys.size(), "every respondent has their own key");
    }

    @Test
    void endlineRespondentsKnowMoreThanBaselineRespondents() throws IOException {
        SyntheticAnswers answers = SyntheticAnswers.forSurvey(SURVEY);
        double baseline = rightShare(rows(answers.csv(2000, false, 1)));
        double endline = rightShare(rows(answers.csv(2000, true, 2)));
        assertTrue(endline - baseline > 0.1, "baseline " + baseline + ", endline " + endline);
    }

    @Test
    void theSameSeedGivesTheSameAnswers() {
        SyntheticAnswers answers = SyntheticAnswers.forSurvey(SURVEY);
        assertEquals(answers.csv(20, true, 5), answers.csv(20, true, 5));
    }
}

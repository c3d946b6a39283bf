package org.beacon.devstack.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beacon.contentimport.SurveySheet;
import org.beacon.contentimport.XlsFormWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticAnswersTests {

    static final Path SURVEY = survey("safe-journeys");

    static Path survey(String campaign) {
        Path repository = Path.of(System.getProperty("beacon.repository", "..")).toAbsolutePath().normalize();
        return repository.resolve("content/campaigns/" + campaign + "/surveys/" + campaign);
    }

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

    /** The share of respondents who name at least one channel: the campaign's reach. */
    static double reach(List<CSVRecord> rows) {
        return rows.stream().filter(r -> !r.get("heard_from").equals("not_heard")).count() / (double) rows.size();
    }

    static List<String> selected(CSVRecord row, String column) {
        return row.get(column).isEmpty() ? List.of() : List.of(row.get(column).split(" "));
    }

    @Test
    void theSheetHasAKeyAndOneColumnPerQuestionField() throws IOException {
        String csv = SyntheticAnswers.forSurvey(SURVEY).csv(50, false, 7);
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("_uuid,age_band,gender,region,"), header);
        List<String> columns = List.of(header.split(","));
        assertFalse(columns.contains("consent"), "notes are not answered: " + header);
        assertFalse(columns.contains("attitudes"), "a group is no column: " + header);
        assertTrue(columns.containsAll(List.of("attitudes/l_only_way", "attitudes/l_family_support", "heard_from",
                "people_told", "told_whom")), "a question inside a group is named by its path: " + header);
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

    /** The mean agreement (1-5) with a Likert item. */
    static double agreement(List<CSVRecord> rows, String column) {
        return rows.stream().filter(r -> !r.get(column).isEmpty()).mapToInt(r -> Integer.parseInt(r.get(column)))
                .average().orElseThrow();
    }

    /**
     * The campaign improves attitudes: agreement rises with the positive items and falls with the reverse-worded
     * ones, where agreeing is the risky attitude (safe-journeys' "leaving is the only way", know-the-signs' "an
     * employer may keep a worker's papers").
     */
    @ParameterizedTest
    @ValueSource(strings = {"know-the-signs", "safe-journeys"})
    void agreementFallsAtEndlineWithReverseWordedItemsAndRisesWithTheOthers(String campaign) throws IOException {
        SyntheticAnswers answers = SyntheticAnswers.forSurvey(survey(campaign));
        List<CSVRecord> baseline = rows(answers.csv(2000, false, 1));
        List<CSVRecord> endline = rows(answers.csv(2000, true, 2));
        List<SurveySheet.Question> likert = SurveySheet.read(survey(campaign)).questions().stream()
                .filter(question -> question.kind().equals("likert")).toList();
        assertTrue(likert.stream().anyMatch(SurveySheet.Question::reversed), campaign + " has a reverse-worded item");
        for (SurveySheet.Question question : likert) {
            double before = agreement(baseline, question.field());
            double after = agreement(endline, question.field());
            assertTrue(question.reversed() ? after < before - 0.2 : after > before + 0.2, campaign + " "
                    + question.name() + (question.reversed() ? " (reverse-worded)" : "") + ": " + before + " to "
                    + after);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"know-the-signs", "safe-journeys"})
    void theCampaignReachesMostRespondentsOnlyAtEndline(String campaign) throws IOException {
        SyntheticAnswers answers = SyntheticAnswers.forSurvey(survey(campaign));
        double baseline = reach(rows(answers.csv(2000, false, 3)));
        double endline = reach(rows(answers.csv(2000, true, 4)));
        assertTrue(baseline < 0.3 && endline > 0.6, "baseline " + baseline + ", endline " + endline);
    }

    @Test
    void theSameSeedGivesTheSameAnswers() {
        SyntheticAnswers answers = SyntheticAnswers.forSurvey(SURVEY);
        assertEquals(answers.csv(20, true, 5), answers.csv(20, true, 5));
    }

    /** The rules of the shipped surveys, written out here, hold for every respondent of many seeds and both waves. */
    @ParameterizedTest
    @ValueSource(strings = {"know-the-signs", "safe-journeys"})
    void noRespondentBreaksAConstraintOrAnswersAQuestionNotAskedOfThem(String campaign) throws IOException {
        SyntheticAnswers answers = SyntheticAnswers.forSurvey(survey(campaign));
        int told = 0;
        int toldWhom = 0;
        for (long seed = 0; seed < 40; seed++) {
            for (CSVRecord row : rows(answers.csv(100, seed % 2 == 0, seed))) {
                List<String> channels = selected(row, "heard_from");
                assertFalse(channels.isEmpty(), "heard_from is required: " + row);
                assertFalse(channels.contains("not_heard") && channels.size() > 1, "not_heard goes alone: " + row);
                boolean heard = !channels.contains("not_heard");
                String people = row.get("people_told");
                if (campaign.equals("safe-journeys")) {
                    assertEquals(heard, !people.isEmpty(),
                            "people_told is asked (and required) exactly of who heard of the campaign: " + row);
                } else {
                    assertFalse(people.isEmpty(), "people_told is asked of everyone: " + row);
                }
                List<String> whom = selected(row, "told_whom");
                if (people.isEmpty() || Integer.parseInt(people) == 0) {
                    assertTrue(whom.isEmpty(), "told_whom is asked only of who told somebody: " + row);
                } else {
                    told++;
                    toldWhom += whom.isEmpty() ? 0 : 1;
                    assertTrue(whom.size() <= Integer.parseInt(people), "no more kinds of people than people: " + row);
                }
                for (String name : List.of("age_band", "gender", "region", "attitudes/l_" )) {
                    row.toMap().forEach((column, value) -> {
                        if (column.startsWith(name)) {
                            assertFalse(value.isEmpty(), column + " is required and always asked: " + row);
                        }
                    });
                }
            }
        }
        assertTrue(told > 1000 && toldWhom > told / 2,
                "most who told somebody say who (" + toldWhom + " of " + told + ")");
    }

    @TempDir
    Path folder;

    void write(String sheet, String csv) throws IOException {
        Files.writeString(folder.resolve(sheet + ".csv"), csv);
    }

    @Test
    void aGroupThatIsNotRelevantLeavesEveryQuestionInItBlank() throws IOException {
        write("survey", """
                type,name,label,relevant,required
                select_one yn,works,Do you work?,,yes
                begin group,job,Your job,${works} = 'yes',
                integer,hours,Hours a week,,yes
                select_one yn,contract,Written contract?,,yes
                end group,,,,
                """);
        write("choices", "list_name,name,label\nyn,yes,Yes\nyn,no,No\n");
        for (CSVRecord row : rows(SyntheticAnswers.forSurvey(folder).csv(300, true, 11))) {
            boolean works = row.get("works").equals("yes");
            assertEquals(works, !row.get("job/hours").isEmpty(), row.toString());
            assertEquals(works, !row.get("job/contract").isEmpty(), row.toString());
        }
    }

    @Test
    void anAnswerBreakingAConstraintIsDrawnAgain() throws IOException {
        write("survey", """
                type,name,label,constraint,required
                integer,children,Children,. <= 1,yes
                """);
        for (CSVRecord row : rows(SyntheticAnswers.forSurvey(folder).csv(300, true, 12))) {
            assertTrue(Integer.parseInt(row.get("children")) <= 1, row.toString());
        }
    }

    @Test
    void aRequiredQuestionNoAnswerCanSatisfyIsAnErrorNotABadRow() throws IOException {
        write("survey", """
                type,name,label,constraint,required
                integer,children,Children,. > 1000,yes
                """);
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> SyntheticAnswers.forSurvey(folder).csv(5, true, 13));
        assertTrue(error.getMessage().contains("children"), error.getMessage());
    }
}

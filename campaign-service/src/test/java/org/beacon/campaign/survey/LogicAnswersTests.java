package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Answers to a form with logic (issue 11): what is refused, what is stored as not asked, and how decimal and date
 * answers are aggregated, through the CSV upload and the results API (k = 10 in tests).
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.beacon.campaign.results.LinearSuppressionOnly.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
public class LogicAnswersTests {

    static final String HEADER = "heard,reach/where,reach/first,reach/first_other,spent,arrived";

    @Inject
    EntityManager entityManager;

    /** Where someone heard of the campaign is asked only if they did; spending cannot be negative. */
    public static byte[] logicForm(String formId) {
        List<String> header = List.of("type", "name", "label::English (en)", "label::Français (fr)", "relevant",
                "constraint", "constraint_message::English (en)", "constraint_message::Français (fr)", "required",
                "calculation", "beacon_kind");
        List<List<String>> survey = List.of(header,
                List.of("select_one yn", "heard", "Have you heard of the campaign?",
                        "Avez-vous entendu parler de la campagne ?", "", "", "", "", "yes"),
                List.of("begin group", "reach", "Reach", "Portée", "${heard} = 'yes'", "", "", "", ""),
                List.of("select_multiple channel", "where", "Where?", "Où ?", "",
                        "not(selected(., 'none') and count-selected(.) > 1)", "'None' goes alone",
                        "« Nulle part » va seul", "yes"),
                List.of("select_one src or_other", "first", "Where first?", "Où d'abord ?", "", "", "", "", ""),
                List.of("end group", "", "", "", "", "", "", "", ""),
                List.of("decimal", "spent", "How much did you spend?", "Combien avez-vous dépensé ?", "", ". >= 0",
                        "Not below zero", "Pas en dessous de zéro", ""),
                List.of("date", "arrived", "When did you arrive?", "Quand êtes-vous arrivé ?", "", "", "", "", ""),
                List.of("calculate", "spent_twice", "Twice the spending", "Le double de la dépense", "", "", "", "",
                        "", "${spent} * 2", "result"));
        List<List<String>> choices = List.of(List.of("list_name", "name", "label::English (en)", "label::Français (fr)"),
                List.of("yn", "yes", "Yes", "Oui"),
                List.of("yn", "no", "No", "Non"),
                List.of("channel", "radio", "Radio", "Radio"),
                List.of("channel", "poster", "Poster", "Affiche"),
                List.of("channel", "none", "Nowhere", "Nulle part"),
                List.of("src", "friend", "A friend", "Un ami"),
                List.of("src", "radio", "The radio", "La radio"));
        List<List<String>> settings = List.of(List.of("form_title", "form_id", "version", "default_language"),
                List.of("Logic " + formId, formId, "1", "English (en)"));
        return SurveyFixtures.xlsx(SurveyFixtures.sheets(survey, choices, settings));
    }

    static long logicSurvey() {
        return SurveyFixtures.importedWithBaselineOpen(logicForm("logic_" + unique("f").replace('-', '_')));
    }

    long responses(long surveyId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from survey_response where survey_id = ?1")
                .setParameter(1, surveyId).getSingleResult()).longValue();
    }

    @Test
    void aRowThatAnswersASkippedQuestionOrBreaksAConstraintIsRefusedByRowAndColumn() {
        long id = logicSurvey();
        String csv = HEADER + "\n"
                + "no,radio,,,,\n"               // row 2: where is not asked of those who had not heard
                + "yes,radio none,,,,\n"         // row 3: the form's own constraint message
                + "yes,,,,,\n"                   // row 4: required once it is asked
                + "yes,radio,,,-3,\n"            // row 5: a constraint on a decimal
                + "yes,radio,,,1.5,05/12/2026\n" // row 6: not a date
                + "yes,radio,friend,,2.25,2026-12-05\n"; // row 7: fine
        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, csv, false)
                .then().statusCode(400)
                .body("errors", hasItems(
                        "answers sheet, row 2, column B (reach/where): the question is not asked with these answers,"
                                + " so it must stay empty",
                        "answers sheet, row 3, column B (reach/where): 'None' goes alone",
                        "answers sheet, row 4, column B (reach/where): an answer is required",
                        "answers sheet, row 5, column E (spent): Not below zero",
                        "answers sheet, row 6, column F (arrived): not a date (YYYY-MM-DD)"));
        assertEquals(0, responses(id), "a file with a bad row stores nothing");

        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, csv, true)
                .then().statusCode(200).body("stored", org.hamcrest.Matchers.equalTo(1));
        assertEquals(1, responses(id));
    }

    @Test
    void theOtherTextIsStoredAsFreeTextAndASkippedQuestionAsNotAsked() {
        long id = logicSurvey();
        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, HEADER + "\n"
                + "yes,poster,other,My neighbour's shop,,\n"
                + "no,,,,,\n", false)
                .then().statusCode(200).body("stored", org.hamcrest.Matchers.equalTo(2));
        List<?> rows = entityManager.createNativeQuery("""
                select r.not_asked::text, r.answers::text from survey_response r where r.survey_id = ?1
                order by r.id""").setParameter(1, id).getResultList();
        Object[] heard = (Object[]) rows.get(0);
        Object[] notHeard = (Object[]) rows.get(1);
        assertEquals("{}", heard[0], "whoever heard was asked everything");
        assertEquals(3, ((String) notHeard[0]).split(",").length,
                "where, first and first_other were not asked (" + notHeard[0] + ")");
        assertEquals(0, ((Number) entityManager.createNativeQuery("""
                select count(*) from survey_response r join survey_question q on q.survey_id = r.survey_id
                where r.survey_id = ?1 and q.name = 'spent_twice' and r.answers[q.slot] is not null""")
                .setParameter(1, id).getSingleResult()).intValue(), "a calculation of an empty answer stores nothing");
        assertEquals("My neighbour's shop", entityManager.createNativeQuery("""
                select t.answer from survey_text_answer t join survey_question q on q.id = t.question_id
                where q.survey_id = ?1 and q.name = 'first_other'""").setParameter(1, id).getSingleResult());
    }

    JsonPath results(long id) {
        return given().auth().oauth2(evaluator(NATIONAL))
                .when().get("/campaigns/api/results/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aQuestionIsCountedOverThoseWhoWereAskedIt() {
        long id = logicSurvey();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add("yes,radio,friend,,,");
        }
        for (int i = 0; i < 10; i++) {
            rows.add("yes,poster,,,,"); // asked where first, did not answer
        }
        for (int i = 0; i < 15; i++) {
            rows.add("no,,,,,"); // not asked
        }
        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, HEADER + "\n" + String.join("\n", rows) + "\n", false)
                .then().statusCode(200);
        JsonPath json = results(id);
        assertEquals(List.of(37), json.getList("respondents.rows[0].cells.n"));

        String first = "questions.find { it.name == 'first' }.table";
        assertEquals(List.of(22), json.getList(first + ".rows.find { it.type == 'asked' }.cells.n"));
        assertEquals(List.of(12), json.getList(first + ".rows.find { it.type == 'answered' }.cells.n"));
        assertEquals(List.of(54.5f), json.getList(first + ".rows.find { it.type == 'answered' }.cells.percent"),
                "answered share = answered / asked, not / respondents");

        String where = "questions.find { it.name == 'where' }.table";
        assertEquals(List.of(22), json.getList(where + ".rows.find { it.type == 'asked' }.cells.n"),
                "a required question asked of 22 was answered by all 22");
        assertEquals(List.of(22), json.getList(where + ".rows.find { it.type == 'answered' }.cells.n"));
        assertEquals(List.of(12, 10, 0), json.getList(where + ".rows.findAll { it.type == 'choice' }"
                + ".collect { it.cells[0].n ?: 0 }"));

        String heard = "questions.find { it.name == 'heard' }.table";
        assertEquals(Collections.emptyList(), json.getList(heard + ".rows.findAll { it.type == 'asked' }"),
                "a question everyone is asked has no asked row");
    }

    @Test
    void decimalsAndDatesHaveAMeanADistributionAndExtremesWhereKAllows() {
        long id = logicSurvey();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add("no,,,,1.5,2026-01-10");
        }
        for (int i = 0; i < 10; i++) {
            rows.add("no,,,,3.25,2026-03-20");
        }
        for (int i = 0; i < 8; i++) {
            rows.add("no,,,,40,2026-03-20"); // the 8 largest amounts: fewer than k
        }
        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, HEADER + "\n" + String.join("\n", rows) + "\n", false)
                .then().statusCode(200);
        JsonPath json = results(id);

        String spent = "questions.find { it.name == 'spent' }.table";
        // (12 × 1.5 + 10 × 3.25 + 8 × 40) / 30, from exact sums in thousandths
        assertEquals(List.of(12.35f), json.getList(spent + ".rows.find { it.type == 'mean' }.cells.mean"));
        // bins 1-2, 2-5, 5-10, 10-20, 20-50; the upper tail is pooled until it holds k = 10 answers
        assertEquals(List.of("1 – 2", "≥ 2"), json.getList(spent + ".rows.findAll { it.type == 'choice' }.label"));
        assertEquals(List.of(12, 18), json.getList(spent + ".rows.findAll { it.type == 'choice' }"
                + ".collect { it.cells[0].n }"));
        assertEquals(List.of("1.5"), json.getList(spent + ".rows.find { it.type == 'lowest' }.cells.display"),
                "12 answers lie in the lowest one's bin");
        Map<String, Object> highest = json.getMap(spent + ".rows.find { it.type == 'highest' }.cells[0]");
        assertNull(highest.get("mean"), "only 8 answers lie near the largest: it is not shown");
        assertEquals("protecting", highest.get("suppressed"));

        String twice = "questions.find { it.name == 'spent_twice' }.table";
        assertEquals(List.of(24.7f), json.getList(twice + ".rows.find { it.type == 'mean' }.cells.mean"),
                "a calculation named in the results is computed on the server and stored");

        String arrived = "questions.find { it.name == 'arrived' }.table";
        long mean = Math.round((12 * LocalDate.parse("2026-01-10").toEpochDay()
                + 18 * LocalDate.parse("2026-03-20").toEpochDay()) / 30.0);
        assertEquals(List.of(LocalDate.ofEpochDay(mean).toString()),
                json.getList(arrived + ".rows.find { it.type == 'mean' }.cells.display"));
        // the empty month between two answers holds fewer than k: recoded into one range with its neighbour
        assertEquals(List.of("2026-01", "2026-02 – 2026-03"),
                json.getList(arrived + ".rows.findAll { it.type == 'choice' }.label"));
        List<String> months = json.getList(arrived + ".rows.findAll { it.type == 'choice' }.collect { it.cells[0].display }");
        assertEquals("18 (60.0%)", months.get(1));
        assertEquals(List.of("2026-01-10"), json.getList(arrived + ".rows.find { it.type == 'lowest' }.cells.display"));
        assertEquals(List.of("2026-03-20"), json.getList(arrived + ".rows.find { it.type == 'highest' }.cells.display"));
    }
}

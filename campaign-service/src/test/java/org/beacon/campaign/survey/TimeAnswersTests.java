package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.campaign.collect.OpenRosaResourceTests;
import org.beacon.campaign.survey.odk.FormEngine;
import org.beacon.campaign.survey.odk.FormSession;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * XLSForm's {@code time} and {@code dateTime} questions: imported as such, asked with the browser's own fields on the
 * web form, read from files and from ODK Collect (with the phone's offset, which is left aside: the answer is the
 * time on the respondent's clock), and shown in the results as hours, months, a mean time and extremes where k
 * allows (k = 10 in tests).
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.beacon.campaign.results.LinearSuppressionOnly.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class TimeAnswersTests {

    static final String HEADER = "left_at,crossed_at";
    static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    @Inject
    EntityManager entityManager;

    static byte[] form(String formId) {
        List<List<String>> survey = List.of(List.of("type", "name", "label::English (en)", "label::Français (fr)",
                        "constraint"),
                List.of("time", "left_at", "What time did you leave home?", "À quelle heure êtes-vous parti ?", ""),
                List.of("dateTime", "crossed_at", "When did you cross the border?",
                        "Quand avez-vous passé la frontière ?", ". <= now()"));
        List<List<String>> choices = List.of(List.of("list_name", "name", "label::English (en)"));
        List<List<String>> settings = List.of(List.of("form_title", "form_id", "version", "default_language"),
                List.of("Times " + formId, formId, "1", "English (en)"));
        return SurveyFixtures.xlsx(SurveyFixtures.sheets(survey, choices, settings));
    }

    static long timeSurvey() {
        return SurveyFixtures.importedWithBaselineOpen(form("times_" + unique("f").replace('-', '_')));
    }

    /** The stored answers of the survey's responses, in the order they came: {time, date-time} slots. */
    List<String> stored(long surveyId) {
        return entityManager.createNativeQuery(
                "select answers::text from survey_response where survey_id = ?1 order by id", String.class)
                .setParameter(1, surveyId).getResultList();
    }

    static long minutes(String dateTime) {
        return Duration.between(EPOCH, LocalDateTime.parse(dateTime)).toMinutes();
    }

    @Test
    void theXFormHasTimeAndDateTimeBindsThatOdksEngineAnswers() {
        long id = timeSurvey();
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/api/surveys/" + id)
                .then().statusCode(200).body("questions.kind", contains("time", "datetime"));
        String token = given().auth().oauth2(manager(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("wave", "baseline", "name", "Team Kolda"))
                .when().post("/campaigns/api/surveys/" + id + "/collection-links")
                .then().statusCode(201).extract().path("token");
        byte[] xform = OpenRosaResourceTests.download(token);
        String text = new String(xform, StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*nodeset=\"/data/left_at\"[^>]*type=\"time\".*"), text);
        assertTrue(text.matches("(?s).*nodeset=\"/data/crossed_at\"[^>]*type=\"dateTime\".*"), text);
        FormSession session = FormEngine.load(text).start();
        assertTrue(session.answer("/data/left_at", "07:40"));
        assertTrue(session.answer("/data/crossed_at", "2026-12-06T09:15"));

        // as ODK Collect sends them: seconds, milliseconds and the phone's offset
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("left_at", "07:40:30.000+02:00");
        answers.put("crossed_at", "2026-12-06T09:15:00.000+01:00");
        OpenRosaResourceTests.submit(token, OpenRosaResourceTests.filled(xform, "uuid:" + UUID.randomUUID(), answers))
                .then().statusCode(201);
        assertEquals(List.of("{460," + minutes("2026-12-06T09:15") + "}"), stored(id),
                "the time on the respondent's clock, to the minute");

        // a date-time is an instant to the form's rules: half an hour ago on a phone three hours ahead of the
        // server is in the past, whatever its clock reads
        ZonedDateTime ahead = ZonedDateTime.now(ZoneOffset.ofTotalSeconds(
                ZonedDateTime.now().getOffset().getTotalSeconds() + 3 * 3600)).minusMinutes(30);
        answers.put("crossed_at", ahead.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")));
        OpenRosaResourceTests.submit(token, OpenRosaResourceTests.filled(xform, "uuid:" + UUID.randomUUID(), answers))
                .then().statusCode(201);
        assertEquals(minutes(ahead.toLocalDateTime().withSecond(0).withNano(0).toString()),
                Long.parseLong(stored(id).get(1).replaceAll(".*,(-?\\d+)}", "$1")),
                "stored as the phone's clock read it");

        answers.put("left_at", "7.40");
        OpenRosaResourceTests.submit(token, OpenRosaResourceTests.filled(xform, "uuid:" + UUID.randomUUID(), answers))
                .then().statusCode(400).body(containsString("left_at"));
        assertEquals(2, stored(id).size(), "a refused submission stores nothing");
    }

    @Test
    void theWebFormAsksWithTheBrowsersTimeFieldsAndExplainsWhatIsNoTime() {
        long id = timeSurvey();
        String address = "/campaigns/public/surveys/" + SurveyFixtures.slug(id) + "/baseline";
        String page = given().get(address + "?lang=fr").then().statusCode(200)
                .body(containsString("<input type=\"time\" name=\"q.left_at\""))
                .body(containsString("<input type=\"datetime-local\" name=\"q.crossed_at\""))
                .extract().asString();

        PublicFormLogicTests.send(address, page, "next", "left_at", "25:10", "crossed_at", "2026-12-05 14:30")
                .then().statusCode(400)
                .body(containsString("Merci d’écrire une heure (heures:minutes, par exemple 14:30)."))
                .body(containsString("Merci d’écrire une date et une heure"))
                .body(containsString("value=\"25:10\""));
        PublicFormLogicTests.send(address, page, "next", "left_at", "06:45", "crossed_at", "0999-12-05T14:30")
                .then().statusCode(400)
                .body(containsString("Merci de vérifier l’année de cette date."));
        assertEquals(List.of(), stored(id));

        PublicFormLogicTests.send(address, page, "next", "left_at", "06:45", "crossed_at", "2026-12-05T14:30")
                .then().statusCode(303);
        assertEquals(List.of("{405," + minutes("2026-12-05T14:30") + "}"), stored(id));
    }

    @Test
    void filesAreCheckedRowByRowAndResultsShowHoursMonthsTheMeanAndExtremesWhereKAllows() {
        long id = timeSurvey();
        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, HEADER + "\n"
                + "24:00,\n"                       // row 2: no such hour
                + ",05/12/2026 14:30\n"            // row 3: not a date and time
                + ",0999-12-31T23:59\n"            // row 4: a typing slip
                + "06:10,2026-12-05T08:00\n", false)
                .then().statusCode(400)
                .body("errors", hasItems(
                        "answers sheet, row 2, column A (left_at): not a time (HH:MM)",
                        "answers sheet, row 3, column B (crossed_at): not a date and time (YYYY-MM-DDTHH:MM)",
                        "answers sheet, row 4, column B (crossed_at): the year is out of range (1000 to 9999; to 5999 with a time)"));
        assertEquals(List.of(), stored(id), "a file with a bad row stores nothing");

        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add("06:10,2026-12-05T08:00");
        }
        for (int i = 0; i < 10; i++) {
            rows.add("07:40:30,2026-12-06T09:15:00+01:00");
        }
        SurveyFixtures.uploadCsv(NATIONAL, id, Wave.BASELINE, HEADER + "\n" + String.join("\n", rows) + "\n", false)
                .then().statusCode(200).body("stored", equalTo(22));
        JsonPath json = given().auth().oauth2(evaluator(NATIONAL)).when().get("/campaigns/api/results/" + id)
                .then().statusCode(200).extract().jsonPath();

        String left = "questions.find { it.name == 'left_at' }.table";
        // (12 × 06:10 + 10 × 07:40) / 22 = 410.9 minutes after midnight
        assertEquals(List.of("06:51"), json.getList(left + ".rows.find { it.type == 'mean' }.cells.display"));
        assertEquals(List.of("06:00 – 07:00", "07:00 – 08:00"),
                json.getList(left + ".rows.findAll { it.type == 'choice' }.label"));
        assertEquals(List.of(12, 10), json.getList(left + ".rows.findAll { it.type == 'choice' }"
                + ".collect { it.cells[0].n }"));
        assertEquals(List.of("06:10"), json.getList(left + ".rows.find { it.type == 'lowest' }.cells.display"));
        assertEquals(List.of("07:40"), json.getList(left + ".rows.find { it.type == 'highest' }.cells.display"));

        String crossed = "questions.find { it.name == 'crossed_at' }.table";
        long mean = Math.round((12 * minutes("2026-12-05T08:00") + 10 * minutes("2026-12-06T09:15")) / 22.0);
        assertEquals(List.of(EPOCH.plusMinutes(mean).toString()),
                json.getList(crossed + ".rows.find { it.type == 'mean' }.cells.display"));
        assertEquals(List.of("2026-12"), json.getList(crossed + ".rows.findAll { it.type == 'choice' }.label"));
        assertEquals(List.of("2026-12-05T08:00"),
                json.getList(crossed + ".rows.find { it.type == 'lowest' }.cells.display"));
        assertEquals(List.of("2026-12-06T09:15"),
                json.getList(crossed + ".rows.find { it.type == 'highest' }.cells.display"));
    }
}

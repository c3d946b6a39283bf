package org.beacon.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.publishedCourse;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.training.LearnerSteps;
import org.beacon.training.LearnerSteps.Learner;
import org.junit.jupiter.api.Test;

/**
 * Nothing a trainee's page or the quiz API sends tells which option is right. Authors write the right answer first
 * (the test course does: "Act, means and purpose" is its first answer); before, the options were sent with their
 * stored positions, so value="0" named the right answer in the page's source.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
class AnswerKeySecrecyTests {

    private static final String RIGHT = "Act, means and purpose";

    @Test
    void optionValuesAndOrderSayNothingAboutTheKeyAndDifferPerTrainee() {
        String slug = uniqueSlug("key");
        publishedCourse(slug);
        Learner amal = LearnerSteps.enrol("amal", slug, "en");
        Learner bruno = LearnerSteps.enrol("bruno", slug, "en");
        Map<String, Object> forAmal = adultQuestion(LearnerSteps.quiz(amal, amal.pretest()));
        Map<String, Object> forBruno = adultQuestion(LearnerSteps.quiz(bruno, bruno.pretest()));

        List<Map<String, Object>> options = options(forAmal);
        assertEquals(3, options.size());
        for (Map<String, Object> option : options) {
            String value = (String) option.get("value");
            assertTrue(value.matches("[0-9a-f]{16}"), "an opaque value, not a position: " + value);
        }
        // shown in the order of the values, which follows nothing the author wrote
        assertEquals(options.stream().sorted(Comparator.comparing(o -> (String) o.get("value"))).toList(), options);
        // the same trainee sees the same values in the same order on every visit
        assertEquals(options, options(adultQuestion(LearnerSteps.quiz(amal, amal.pretest()))));
        // another trainee's values are others: one trainee's page source says nothing about another's
        assertNotEquals(valueOf(forAmal, RIGHT), valueOf(forBruno, RIGHT));

        // the page sends the same values as the API
        String page = given().auth().oauth2(amal.token()).when()
                .get("/training/enrolments/" + amal.enrolment() + "/assessments/" + amal.pretest())
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"" + valueOf(forAmal, RIGHT) + "\""), page);
        assertTrue(!page.contains("value=\"0\"") && !page.contains("value=\"1\""), "no option sent as a position: " + page);
    }

    @Test
    void theRightAnswerIsScoredByItsValueAndAPositionIsRefusedWithoutAnAttempt() {
        String slug = uniqueSlug("key");
        publishedCourse(slug);
        Learner learner = LearnerSteps.enrol("chidi", slug, "en");
        JsonPath quiz = LearnerSteps.quiz(learner, learner.pretest());
        Map<String, Object> question = adultQuestion(quiz);
        long id = ((Number) question.get("id")).longValue();

        given().auth().oauth2(learner.token()).contentType("application/json")
                .body(Map.of("answers", Map.of(id, List.of("0"))))
                .when().post(LearnerSteps.API + "/" + learner.enrolment() + "/assessments/" + learner.pretest() + "/attempts")
                .then().statusCode(400).body("detail", containsString("send the value of one of the options"));

        JsonPath result = LearnerSteps.submit(learner, learner.pretest(),
                Map.of(id, List.of(valueOf(question, RIGHT))));
        assertEquals(List.of(RIGHT), result.getList("questions.find { it.id == " + id + " }.yourAnswer"));
        // the pre-test keeps its key until the post-test is passed, so the score tells: one right answer of two
        assertEquals(50.0f, result.getFloat("score"));
    }

    private static Map<String, Object> adultQuestion(JsonPath quiz) {
        return quiz.<Map<String, Object>>getList("questions").stream()
                .filter(q -> ((String) q.get("stem")).startsWith("For an adult")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> options(Map<String, Object> question) {
        return (List<Map<String, Object>>) question.get("options");
    }

    private static String valueOf(Map<String, Object> question, String text) {
        return options(question).stream().filter(o -> text.equals(o.get("text"))).map(o -> (String) o.get("value"))
                .findFirst().orElseThrow();
    }
}

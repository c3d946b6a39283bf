package org.beacon.training;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.trainee;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import org.beacon.training.enrolment.AnswerOptions;
import org.beacon.training.enrolment.Enrolment;

/** A trainee's steps through a course over the JSON API, shared by the tests that need a trainee somewhere on the path. */
public final class LearnerSteps {

    private LearnerSteps() {
    }

    public static final String API = "/training/api/enrolments";

    /** A trainee's view of the course: the outline and the ids in it. */
    public record Learner(String token, long enrolment, JsonPath outline) {
        public long pretest() {
            return outline.getLong("pretest.assessmentId");
        }

        public long posttest() {
            return outline.getLong("posttest.assessmentId");
        }

        public long lesson(int module, int lesson) {
            return outline.getLong("modules[" + module + "].lessons[" + lesson + "].id");
        }

        public long check(int module) {
            return outline.getLong("modules[" + module + "].check.assessmentId");
        }
    }

    public static Learner enrol(String trainee, String slug, String language) {
        String token = trainee(trainee);
        JsonPath outline = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("course", slug, "language", language))
                .when().post(API).then().statusCode(201).extract().jsonPath();
        return new Learner(token, outline.getLong("enrolmentId"), outline);
    }

    public static JsonPath quiz(Learner course, long assessment) {
        return given().auth().oauth2(course.token()).when().get(API + "/" + course.enrolment() + "/assessments/" + assessment)
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath submit(Learner course, long assessment, Map<Long, List<String>> answers) {
        return given().auth().oauth2(course.token()).contentType("application/json").body(Map.of("answers", answers))
                .when().post(API + "/" + course.enrolment() + "/assessments/" + assessment + "/attempts")
                .then().statusCode(201).extract().jsonPath();
    }

    /**
     * Answers by question name, translated to the ids of this quiz. A choice question's answers are given as the
     * positions the author wrote them in ("0" the first), and sent as the values the trainee's page gives them.
     */
    public static Map<Long, List<String>> answers(JsonPath quiz, Map<String, List<String>> byStemStart) {
        Map<Long, List<String>> answers = new HashMap<>();
        List<Map<String, Object>> questions = quiz.getList("questions");
        for (Map<String, Object> question : questions) {
            String stem = (String) question.get("stem");
            long id = ((Number) question.get("id")).longValue();
            boolean choice = List.of("single", "multiple").contains(question.get("type"));
            byStemStart.forEach((start, response) -> {
                if (stem.startsWith(start)) {
                    answers.put(id, choice ? response.stream()
                            .map(position -> optionValue(quiz.getLong("enrolmentId"), id, Integer.parseInt(position)))
                            .toList() : response);
                }
            });
        }
        return answers;
    }

    /** The value the trainee's page gives the option the author wrote at {@code position}. */
    public static String optionValue(long enrolment, long question, int position) {
        return AnswerOptions.value(QuarkusTransaction.requiringNew()
                .call(() -> Enrolment.<Enrolment>findById(enrolment).optionKey), question, position);
    }

    public static void study(Learner course, long lesson) {
        given().auth().oauth2(course.token()).when().post(API + "/" + course.enrolment() + "/lessons/" + lesson + "/studied")
                .then().statusCode(200);
    }

    /** Pre-test, every lesson and every module check, ready for the post-test. */
    public static Learner throughModules(String trainee, String slug, String language, Map<String, List<String>> pretest) {
        Learner course = enrol(trainee, slug, language);
        submit(course, course.pretest(), answers(quiz(course, course.pretest()), pretest));
        study(course, course.lesson(0, 0));
        study(course, course.lesson(0, 1));
        submit(course, course.check(0), Map.of());
        study(course, course.lesson(1, 0));
        submit(course, course.check(1), Map.of());
        return course;
    }

    /** The right answers to the test course's questions in English, by the start of each question. */
    public static final Map<String, List<String>> PERFECT_EN = Map.of(
            "For an adult", List.of("0"), "Trafficking always", List.of("false"),
            "Which article", List.of(" article 5 "), "Which of these", List.of("0", "1"));

    /** Answers the post-test as given and returns the result. */
    public static JsonPath posttest(Learner learner, Map<String, List<String>> byStemStart) {
        return submit(learner, learner.posttest(), answers(quiz(learner, learner.posttest()), byStemStart));
    }

    /** Passes the post-test with full marks, which completes the course. */
    public static JsonPath passPosttest(Learner learner) {
        return posttest(learner, PERFECT_EN);
    }
}

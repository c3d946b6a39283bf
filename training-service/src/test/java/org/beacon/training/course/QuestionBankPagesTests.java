package org.beacon.training.course;

import static io.restassured.RestAssured.given;
import static org.beacon.training.CourseFixtures.author;
import static org.beacon.training.CourseFixtures.trainee;
import static org.beacon.training.CourseFixtures.uniqueSlug;
import static org.beacon.training.course.AuthorPagesEditingTests.PAGES;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Authors write one question in a form, per language, and browse, search and filter the bank. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class QuestionBankPagesTests {

    static ValidatableResponse save(long version, String... fields) {
        RequestSpecification request = given().auth().oauth2(author("bob")).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.when().post(PAGES + "/versions/" + version + "/questions/edit").then();
    }

    static String page(String path) {
        return given().auth().oauth2(author("bob")).when().get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void anAuthorWritesAQuestionInEachLanguageAndFindsItInTheBank() {
        long version = AuthorPagesEditingTests.createCourse(uniqueSlug("bank-form"));
        String bank = PAGES + "/versions/" + version + "/questions";
        assertThat(page(bank), containsString("href=\"" + bank + "/edit?lang=en\""));

        save(version, "language", "en", "isNew", "true", "name", "means", "type", "multiple",
                "stem", "Which of these are means under Article 3(a)?",
                "answer", "Deception", "weight", "50", "answerFeedback", "Yes.",
                "answer", "Abuse of vulnerability", "weight", "50", "answerFeedback", "Yes.",
                "answer", "Crossing a border", "weight", "-100", "answerFeedback", "No.",
                "answer", "", "weight", "", "answerFeedback", "",
                "legalSource", "UN Trafficking Protocol, Art. 3(a)").statusCode(303);
        save(version, "language", "en", "isNew", "true", "name", "domestic", "type", "truefalse",
                "stem", "Trafficking always involves crossing a border.", "truth", "false",
                "feedbackWrong", "It can be domestic.", "feedbackRight", "Right: it can happen in one country.")
                .statusCode(303);
        String gift = given().auth().oauth2(author("bob")).when()
                .get("/training/api/authoring/versions/" + version + "/questions/gift?lang=en").then().statusCode(200)
                .extract().asString();
        assertThat(gift, containsString("// legal: UN Trafficking Protocol, Art. 3(a)"));
        assertThat(gift, containsString("~%50%Deception #Yes."));
        assertThat(gift, containsString("~%-100%Crossing a border #No."));
        assertThat(gift, containsString("::domestic:: Trafficking always involves crossing a border. {F#It can be domestic."));

        // The French form starts from the English question; a translation keeps the key.
        assertThat(page(bank + "/edit?name=means&lang=fr"), containsString("value=\"Deception\""));
        // Saved unchanged, the English text would count French as translated: refused, in the reader's language.
        String unchanged = given().auth().oauth2(author("bob")).header("Accept-Language", "fr").redirects().follow(false)
                .formParam("language", "fr").formParam("name", "means").formParam("type", "multiple")
                .formParam("stem", "Which of these are means under Article 3(a)?")
                .formParam("answer", "Deception").formParam("weight", "50")
                .formParam("answer", "Abuse of vulnerability").formParam("weight", "50")
                .formParam("answer", "Crossing a border").formParam("weight", "-100")
                .when().post(PAGES + "/versions/" + version + "/questions/edit").then().statusCode(400)
                .extract().asString();
        assertThat(unchanged, containsString("Le texte de la question est encore celui de la langue par défaut"));
        assertThat(unchanged, containsString("Which of these are means under Article 3(a)?</textarea>"));
        save(version, "language", "fr", "name", "means", "type", "multiple",
                "stem", "Lesquels sont des moyens au sens de l’article 3(a) ?",
                "answer", "La tromperie", "weight", "50", "answerFeedback", "Oui.",
                "answer", "L’abus de vulnérabilité", "weight", "50", "answerFeedback", "Oui.",
                "answer", "Le passage d’une frontière", "weight", "-100", "answerFeedback", "Non.").statusCode(303);
        String refused = save(version, "language", "fr", "name", "means", "type", "multiple",
                "stem", "Question changée", "answer", "La tromperie", "weight", "50", "answer", "La contrainte", "weight", "50")
                .statusCode(400)
                .extract().asString();
        assertThat(refused, containsString("translations keep the answers in the same order"));
        assertThat(refused, containsString("Question changée</textarea>"));
        assertThat(save(version, "language", "en", "name", "x", "type", "single", "stem", "?", "answer", "a",
                "weight", "lots").statusCode(400).extract().asString(), containsString("is not a number"));

        // Browse, search and filter.
        String french = page(bank + "?lang=fr");
        assertThat(french, containsString("Lesquels sont des moyens"));
        assertThat(french, containsString("not yet in fr"));
        String search = page(bank + "?q=ARTICLE");
        assertThat(search, containsString("id=\"question-means\""));
        assertThat(search, not(containsString("id=\"question-domestic\"")));
        String trueFalse = page(bank + "?type=truefalse");
        assertThat(trueFalse, containsString("id=\"question-domestic\""));
        assertThat(trueFalse, not(containsString("id=\"question-means\"")));
        given().auth().oauth2(trainee("tom")).when().get(bank).then().statusCode(403);
    }
}

package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The public form of a branching survey, over HTTP as a browser without JavaScript uses it: pages computed from the
 * answers so far, answers carried in hidden fields, the key fixed in the address, Previous, the form's own constraint
 * message in French, and one response stored whatever is replayed.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class PublicFormLogicTests {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @Inject
    EntityManager entityManager;

    /** Imports the branching survey of PlanForms (heard, age / where / remember) through the API, and opens it. */
    long branchingSurvey() {
        long campaign = SurveyFixtures.campaign(NATIONAL);
        String formId = "branch_" + unique("f").replace('-', '_');
        byte[] settings = ("form_title,form_id,default_language\nBranching " + formId + "," + formId
                + ",English (en)\n").getBytes(StandardCharsets.UTF_8);
        long id = given().auth().oauth2(SurveyFixtures.manager(NATIONAL))
                .multiPart("campaign", Long.toString(campaign))
                .multiPart("survey", "survey.csv", PlanForms.BRANCHING_SURVEY.getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .multiPart("choices", "choices.csv", PlanForms.BRANCHING_CHOICES.getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .multiPart("settings", "settings.csv", settings, "text/csv")
                .when().post("/campaigns/api/surveys").then().statusCode(201)
                .extract().<Integer>path("survey.id").longValue();
        SurveyFixtures.openWave(NATIONAL, id, Wave.BASELINE);
        return id;
    }

    long responses(long surveyId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from survey_response where survey_id = ?1")
                .setParameter(1, surveyId).getSingleResult()).longValue();
    }

    /** A post as the browser sends the page: its hidden fields, then what the respondent chose, then the button. */
    static Response send(String address, String page, String button, String... answers) {
        RequestSpecification request = given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        List<String[]> fields = new ArrayList<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            fields.add(new String[] {hidden.group(1), hidden.group(2).replace("&amp;", "&")});
        }
        for (int i = 0; i < answers.length; i += 2) {
            fields.add(new String[] {"q." + answers[i], answers[i + 1]});
        }
        fields.add(new String[] {"_go", button});
        StringBuilder body = new StringBuilder();
        for (String[] field : fields) {
            body.append(body.isEmpty() ? "" : "&").append(encode(field[0])).append('=').append(encode(field[1]));
        }
        return request.body(body.toString()).post(address);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theFirstViewFixesTheKeyInTheAddressSoBackAndReloadKeepIt() {
        long id = branchingSurvey();
        String address = "/campaigns/public/surveys/" + SurveyFixtures.slug(id) + "/baseline";

        String location = given().redirects().follow(false).get(address + "?lang=fr")
                .then().statusCode(303).header("Set-Cookie", nullValue())
                .header("Location", matchesPattern(".*" + address + "\\?k=[0-9a-f-]{36}&lang=fr"))
                .extract().header("Location");
        String key = location.replaceAll(".*k=([0-9a-f-]{36}).*", "$1");
        for (int view = 0; view < 2; view++) {
            given().redirects().follow(false).get(address + "?k=" + key + "&lang=fr")
                    .then().statusCode(200).header("Set-Cookie", nullValue())
                    .body(containsString("name=\"_key\" value=\"" + key + "\""))
                    .body(containsString("Avez-vous entendu parler de la campagne ?"))
                    .body(not(containsString("Où en avez-vous entendu parler ?")))
                    .body(not(containsString("<script")));
        }
    }

    @Test
    void aRespondentWhoHeardIsAskedWhereOnTheNextPageWithTheirAnswersCarriedAlong() {
        long id = branchingSurvey();
        String address = "/campaigns/public/surveys/" + SurveyFixtures.slug(id) + "/baseline";
        String first = given().get(address + "?lang=fr").then().statusCode(200).extract().asString();

        String second = send(address, first, "next", "heard", "yes", "age", "34")
                .then().statusCode(200)
                .body(containsString("Où en avez-vous entendu parler ?"))
                .body(containsString("Page 2 sur 3"))
                .body(containsString("<input type=\"hidden\" name=\"q.heard\" value=\"yes\">"))
                .body(containsString("<input type=\"hidden\" name=\"q.age\" value=\"34\">"))
                .body(containsString("<input type=\"hidden\" name=\"_page\" value=\"2\">"))
                .body(containsString("Précédent"))
                .body(not(containsString("Avez-vous entendu parler de la campagne ?")))
                .extract().asString();
        assertTrue(second.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 60 * 1024);

        // the constraint's own French message, beside the question, with the answer kept
        String refused = send(address, second, "next", "where", "radio", "where", "none")
                .then().statusCode(400)
                .body(containsString("<fieldset id=\"where\" class=\"invalid\" aria-invalid=\"true\">"))
                .body(containsString("« Nulle part » va seul"))
                .body(containsString("value=\"radio\" checked"))
                .extract().asString();

        // the label of the last page names the channels chosen
        String third = send(address, refused, "next", "where", "radio")
                .then().statusCode(200)
                .body(containsString("Que retenez-vous de radio ?"))
                .body(containsString("Page 3 sur 3"))
                .body(containsString("Envoyer mes réponses"))
                .extract().asString();
        assertEquals(0, responses(id));

        for (int replay = 0; replay < 3; replay++) {
            send(address, third, "next", "remember", "the song")
                    .then().statusCode(303).header("Location", endsWith(address + "/thanks?lang=fr"));
        }
        assertEquals(1, responses(id), "the same key never stores again, whatever is replayed");
    }

    @Test
    void previousKeepsTheAnswersAndAChangedAnswerSkipsThePagesNoLongerAsked() {
        long id = branchingSurvey();
        String address = "/campaigns/public/surveys/" + SurveyFixtures.slug(id) + "/baseline";
        String first = given().get(address + "?lang=fr").asString();
        String second = send(address, first, "next", "heard", "yes", "age", "34").then().statusCode(200)
                .extract().asString();

        String back = send(address, second, "back", "where", "poster")
                .then().statusCode(200)
                .body(containsString("Avez-vous entendu parler de la campagne ?"))
                .body(containsString("value=\"yes\" checked"))
                .body(containsString("value=\"34\""))
                .body(containsString("<input type=\"hidden\" name=\"q.where\" value=\"poster\">"))
                .extract().asString();

        // now not heard: nothing else to ask, and the answer to where (kept in the page) is not stored
        send(address, back, "next", "heard", "no", "age", "34")
                .then().statusCode(303);
        assertEquals(1, responses(id));
    }

    @Test
    void aConstraintOnTheFirstPageKeepsTheRespondentThereInTheirLanguage() {
        long id = branchingSurvey();
        String address = "/campaigns/public/surveys/" + SurveyFixtures.slug(id) + "/baseline";
        String first = given().get(address + "?lang=fr").asString();

        send(address, first, "next", "heard", "yes", "age", "7")
                .then().statusCode(400)
                .body(containsString("Entre 10 et 120"))
                .body(containsString("value=\"7\""))
                .body(containsString("<input type=\"hidden\" name=\"_page\" value=\"1\">"));
        send(address, first, "next", "age", "30")
                .then().statusCode(400)
                .body(containsString("<fieldset id=\"heard\" class=\"invalid\""))
                .body(containsString("Merci de répondre à cette question."));
        assertEquals(0, responses(id));
    }
}

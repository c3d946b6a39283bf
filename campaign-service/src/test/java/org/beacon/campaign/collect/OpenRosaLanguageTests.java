package org.beacon.campaign.collect;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.collect.OpenRosaResourceTests.download;
import static org.beacon.campaign.collect.OpenRosaResourceTests.filled;
import static org.beacon.campaign.collect.OpenRosaResourceTests.surveyWithLink;
import static org.beacon.campaign.collect.OpenRosaResourceTests.validAnswers;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The OpenRosaResponse messages ODK Collect shows are in the language the phone sends in Accept-Language, English
 * when it sends none (issue 14).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class OpenRosaLanguageTests {

    @Test
    void aStoredFormIsAcknowledgedInArabicAndAgainInEnglishWithoutALanguage() {
        String token = (String) surveyWithLink(NATIONAL, Wave.BASELINE)[1];
        byte[] xml = filled(download(token), "uuid:" + UUID.randomUUID(), validAnswers())
                .getBytes(StandardCharsets.UTF_8);

        given().header("Accept-Language", "ar-SA, en;q=0.5")
                .multiPart("xml_submission_file", "submission.xml", xml, "text/xml")
                .when().post("/campaigns/collect/" + token + "/submission")
                .then().statusCode(201)
                .body(containsString("<message nature=\"submit_success\">شكرًا: استُلمت الاستمارة وحُفظت.</message>"));
        given().multiPart("xml_submission_file", "submission.xml", xml, "text/xml")
                .when().post("/campaigns/collect/" + token + "/submission")
                .then().statusCode(202)
                .body(containsString("This form was received before; it is stored once."));
    }

    @Test
    void aRefusedSubmissionIsExplainedInFrenchWithItsNumbersInFrenchNotation() {
        String token = (String) surveyWithLink(NATIONAL, Wave.BASELINE)[1];

        given().header("Accept-Language", "fr")
                .multiPart("other_file", "photo.jpg", new byte[] { 1, 2, 3 }, "image/jpeg")
                .when().post("/campaigns/collect/" + token + "/submission")
                .then().statusCode(400)
                .body(containsString("Envoyez exactement un formulaire rempli dans « xml_submission_file »."))
                .body(not(containsString("Send exactly")));
        given().header("Accept-Language", "fr")
                .multiPart("xml_submission_file", "submission.xml", new byte[1024 * 1024 + 1], "text/xml")
                .when().post("/campaigns/collect/" + token + "/submission")
                .then().statusCode(413)
                .body(containsString("Le formulaire rempli dépasse 1"))
                .body(anyOf(containsString("048\u202f576 octets"), containsString("048\u00a0576 octets")));
        given().header("Accept-Language", "es")
                .multiPart("xml_submission_file", "submission.xml", "<data id=\"x\"><a>".getBytes(StandardCharsets.UTF_8),
                        "text/xml")
                .when().post("/campaigns/collect/" + token + "/submission")
                .then().statusCode(400)
                .body(containsString("El XML no se puede leer en la línea 1"));
    }
}

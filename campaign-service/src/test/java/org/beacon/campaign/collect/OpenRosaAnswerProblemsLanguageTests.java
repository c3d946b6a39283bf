package org.beacon.campaign.collect;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.collect.OpenRosaResourceTests.download;
import static org.beacon.campaign.collect.OpenRosaResourceTests.filled;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.importXlsx;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.campaign.survey.SurveyFixtures;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * What is wrong with a filled form reaches ODK Collect in the phone's language (Accept-Language), English without
 * one (issue 14): the answer problems, each after its field, and an XML text the parser cannot read, told as a
 * fixed sentence with its line and column instead of the JDK's English. Nothing of a refused form is stored.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class OpenRosaAnswerProblemsLanguageTests {

    /** The JDK's own sentence for a text that ends inside an element. */
    private static final String JDKS_SENTENCE = "XML document structures must start and end within the same entity";

    @Inject
    EntityManager entityManager;

    /** The skip-logic form of OpenRosaLogicTests: "told" is a whole number with a constraint and no message. */
    private Object[] surveyWithLink() {
        long survey = importXlsx(manager(NATIONAL), campaign(NATIONAL),
                OpenRosaLogicTests.form("words_" + unique("f").replace('-', '_')))
                .then().statusCode(201).extract().<Integer>path("survey.id").longValue();
        SurveyFixtures.openWave(NATIONAL, survey, Wave.BASELINE);
        String token = OpenRosaResourceTests.link(NATIONAL, survey, Wave.BASELINE, "Team Kolda")
                .statusCode(201).extract().path("token");
        return new Object[] {survey, token};
    }

    private static Response submit(String token, String language, byte[] xml) {
        var request = given();
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.multiPart("xml_submission_file", "submission.xml", xml, "text/xml")
                .when().post("/campaigns/collect/" + token + "/submission");
    }

    private static byte[] answered(byte[] xform, Map<String, String> answers) {
        return filled(xform, "uuid:" + UUID.randomUUID(), answers).getBytes(StandardCharsets.UTF_8);
    }

    private long stored(long survey) {
        return ((Number) entityManager.createNativeQuery("select count(*) from survey_response where survey_id = ?1")
                .setParameter(1, survey).getSingleResult()).longValue();
    }

    @Test
    void answerProblemsAreSaidInFrenchArabicAndEnglishAndNothingIsStored() {
        Object[] setup = surveyWithLink();
        long survey = (Long) setup[0];
        String token = (String) setup[1];
        byte[] xform = download(token);
        Map<String, String> negative = new LinkedHashMap<>();
        negative.put("heard", "no");
        negative.put("told", "-3");
        Map<String, String> notANumber = new LinkedHashMap<>();
        notANumber.put("heard", "no");
        notANumber.put("told", "three");
        Map<String, String> twoProblems = new LinkedHashMap<>();
        twoProblems.put("heard", "no");
        twoProblems.put("more", "<where>radio</where>");
        twoProblems.put("told", "-3");

        submit(token, "fr-SN, fr;q=0.9", answered(xform, negative)).then().statusCode(400)
                .body(containsString("Ce formulaire enfreint les règles de l'enquête, il n'a donc pas été enregistré"
                        + " : told : la réponse n'est pas acceptée."))
                .body(not(containsString("not allowed")));
        submit(token, "fr", answered(xform, notANumber)).then().statusCode(400)
                .body(containsString("told : n'est pas un nombre entier"))
                .body(not(containsString("whole number")));
        submit(token, "ar", answered(xform, negative)).then().statusCode(400)
                .body(containsString("هذه الاستمارة تخالف قواعد الاستبيان، لذا لم تُحفظ: told: هذه الإجابة غير مقبولة."));
        // Several problems are joined with the language's semicolon, each in the phone's language.
        submit(token, "ar", answered(xform, twoProblems)).then().statusCode(400)
                .body(containsString("more/where: لا يُطرح هذا السؤال مع هذه الإجابات، لذا يجب أن يبقى فارغًا"))
                .body(containsString("told: هذه الإجابة غير مقبولة"))
                .body(containsString("؛ "));
        submit(token, null, answered(xform, negative)).then().statusCode(400)
                .body(containsString("This form breaks the survey's rules, so it was not stored: told: the answer is"
                        + " not allowed."));
        assertEquals(0, stored(survey));
    }

    @Test
    void brokenXmlIsToldWithItsPlaceInTheReadersWordsNotTheParsers() {
        Object[] setup = surveyWithLink();
        long survey = (Long) setup[0];
        String token = (String) setup[1];
        byte[] cut = "<data id=\"x\">\n<heard>yes</heard>\n<told>".getBytes(StandardCharsets.UTF_8);

        submit(token, "fr", cut).then().statusCode(400)
                .body(matchesPattern("(?s).*Le XML ne peut pas être lu à la ligne 3, colonne \\d+ : ce n'est pas du"
                        + " XML bien formé \\(un élément non fermé.*"))
                .body(not(containsString(JDKS_SENTENCE)));
        // Arabic: the place in Arabic-Indic digits, the sentence in Arabic.
        submit(token, "ar", cut).then().statusCode(400)
                .body(matchesPattern("(?s).*تتعذّر قراءة XML في السطر ٣، العمود [٠-٩]+: ليس XML سليم البنية.*"))
                .body(not(containsString(JDKS_SENTENCE)));
        submit(token, null, cut).then().statusCode(400)
                .body(matchesPattern("(?s).*The XML cannot be read at line 3, column \\d+: it is not well-formed XML.*"))
                .body(not(containsString(JDKS_SENTENCE)));
        // A DOCTYPE, which phones never send, is named in the phone's words with its place.
        byte[] doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE data [<!ENTITY a \"b\">]><data/>"
                .getBytes(StandardCharsets.UTF_8);
        submit(token, "fr", doctype).then().statusCode(400)
                .body(allOf(containsString("Le XML ne peut pas être lu à la ligne 2, colonne "),
                        containsString("une déclaration DOCTYPE (type de document) n'est pas acceptée")));
        assertEquals(0, stored(survey));
    }

    /**
     * A multipart body written out, so that it is sent with its Content-Length as ODK Collect sends it (the test
     * client's own multipart streams without one).
     */
    private static Response submitWithLength(String token, String language, byte[] file) {
        byte[] head = ("--b0undary\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; "
                + "filename=\"submission.xml\"\r\nContent-Type: text/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return given().header("Accept-Language", language)
                .contentType("multipart/form-data; boundary=b0undary").body(body)
                .when().post("/campaigns/collect/" + token + "/submission");
    }

    @Test
    void aSubmissionTooLargeToReadIsRefusedInThePhonesLanguage() {
        String token = (String) surveyWithLink()[1];
        // Beyond the limit and the multipart allowance: refused by its Content-Length before the body is read.
        byte[] huge = new byte[1024 * 1024 + 128 * 1024];

        submitWithLength(token, "fr", huge).then().statusCode(413)
                .body(anyOf(containsString("Le formulaire rempli dépasse 1\u202f048\u202f576 octets"),
                        containsString("Le formulaire rempli dépasse 1\u00a0048\u00a0576 octets")))
                .body(not(containsString("larger than")));
        submitWithLength(token, "ar", huge).then().statusCode(413)
                .body(containsString("حجم الاستمارة المعبأة أكبر من ١٬٠٤٨٬٥٧٦ بايت"));
    }
}

package org.beacon.campaign.collect;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.NGO;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.campaign.survey.SurveyFixtures;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** ODK Collect's, KoboCollect's and Enketo's calls to the OpenRosa API, made over HTTP as they make them. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
public class OpenRosaResourceTests {

    @Inject
    EntityManager entityManager;

    /** A survey with its baseline open and a collection link for it; returns {surveyId, token}. */
    static Object[] surveyWithLink(String org, Wave wave) {
        long survey = evaluationSurvey(org, "collect_" + unique("f").replace('-', '_'), wave);
        String token = link(org, survey, wave, "Team Dakar North").extract().path("token");
        return new Object[] {survey, token};
    }

    static io.restassured.response.ValidatableResponse link(String org, long survey, Wave wave, String name) {
        return given().auth().oauth2(manager(org)).contentType(ContentType.JSON)
                .body(Map.of("wave", wave.id(), "name", name))
                .when().post("/campaigns/api/surveys/" + survey + "/collection-links")
                .then();
    }

    static Response formList(String token) {
        return given().header("Accept-Language", "fr").when().get("/campaigns/collect/" + token + "/formList");
    }

    /** The downloaded XForm, fetched from the downloadUrl of the form list as Collect does. */
    public static byte[] download(String token) {
        String url = XmlPath.from(formList(token).then().statusCode(200).extract().asString())
                .getString("xforms.xform.downloadUrl");
        return given().when().get(url).then().statusCode(200).extract().asByteArray();
    }

    /** A filled form as ODK Collect sends it, with the id and version of the form it was filled in. */
    public static String filled(byte[] xform, String instanceId, Map<String, String> answers) {
        String text = new String(xform, StandardCharsets.UTF_8);
        String id = attribute(text, "id");
        String version = attribute(text, "version");
        StringBuilder xml = new StringBuilder("<?xml version='1.0' ?><data id=\"" + id + "\" version=\"" + version
                + "\" xmlns:jr=\"http://openrosa.org/javarosa\" xmlns:orx=\"http://openrosa.org/xforms\">");
        answers.forEach((field, value) -> xml.append('<').append(field).append('>').append(value)
                .append("</").append(field).append('>'));
        return xml.append("<meta><instanceID>").append(instanceId).append("</instanceID></meta></data>").toString();
    }

    private static String attribute(String xform, String name) {
        int data = xform.indexOf("<data ");
        int start = xform.indexOf(name + "=\"", data) + name.length() + 2;
        return xform.substring(start, xform.indexOf('"', start));
    }

    static Map<String, String> validAnswers() {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        SurveyFixtures.validAnswers().forEach((name, values) -> answers.put(name, String.join(" ", values)));
        return answers;
    }

    public static Response submit(String token, String xml) {
        return given().multiPart("xml_submission_file", "submission.xml", xml.getBytes(StandardCharsets.UTF_8),
                "text/xml").when().post("/campaigns/collect/" + token + "/submission");
    }

    long responses(long survey) {
        return ((Number) entityManager.createNativeQuery("select count(*) from survey_response where survey_id = ?1")
                .setParameter(1, survey).getSingleResult()).longValue();
    }

    @Test
    void theFormListGivesTheWavesFormWithTheMd5OfTheExactBytesServed() throws Exception {
        Object[] setup = surveyWithLink(NATIONAL, Wave.BASELINE);
        String token = (String) setup[1];

        Response list = formList(token);
        list.then().statusCode(200)
                .header("X-OpenRosa-Version", "1.0")
                .header("Date", not(emptyOrNullString()))
                .contentType(containsString("xml"));
        XmlPath xml = XmlPath.from(list.asString());
        String slug = SurveyFixtures.slug((Long) setup[0]);
        assertEquals(slug, xml.getString("xforms.xform.formID"));
        assertTrue(xml.getString("xforms.xform.version").startsWith("1-"), xml.getString("xforms.xform.version"));
        byte[] served = download(token);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(served));
        assertEquals("md5:" + md5, xml.getString("xforms.xform.hash"));
        String form = new String(served, StandardCharsets.UTF_8);
        assertTrue(form.contains("id=\"" + slug + "\""), form);
        assertTrue(form.contains("jr:preload=\"uid\""), form);
    }

    @Test
    void theSubmissionUrlAnnouncesItsSizeLimit() {
        String token = (String) surveyWithLink(NATIONAL, Wave.BASELINE)[1];

        given().when().head("/campaigns/collect/" + token + "/submission")
                .then().statusCode(204)
                .header("X-OpenRosa-Version", "1.0")
                .header("X-OpenRosa-Accept-Content-Length", "1048576");
    }

    @Test
    void aFilledFormIsStoredOnceHoweverOftenThePhoneSendsIt() {
        Object[] setup = surveyWithLink(NATIONAL, Wave.BASELINE);
        long survey = (Long) setup[0];
        String token = (String) setup[1];
        String xml = filled(download(token), "uuid:" + UUID.randomUUID(), validAnswers());

        submit(token, xml).then().statusCode(201)
                .header("X-OpenRosa-Version", "1.0")
                .body(containsString("OpenRosaResponse"));
        assertEquals(1, responses(survey));
        submit(token, xml).then().statusCode(202).body(containsString("OpenRosaResponse"));
        assertEquals(1, responses(survey));
    }

    @Test
    void aFilledFormThatBreaksTheRulesIsRefusedWithAMessageAndNothingIsStored() {
        Object[] setup = surveyWithLink(NATIONAL, Wave.BASELINE);
        long survey = (Long) setup[0];
        String token = (String) setup[1];
        byte[] form = download(token);
        Map<String, String> unknownChoice = validAnswers();
        unknownChoice.put("region", "atlantis");
        Map<String, String> missing = validAnswers();
        missing.remove("gender");

        submit(token, filled(form, "uuid:" + UUID.randomUUID(), unknownChoice)).then().statusCode(400)
                .header("X-OpenRosa-Version", "1.0")
                .body(containsString("region"));
        submit(token, filled(form, "uuid:" + UUID.randomUUID(), missing)).then().statusCode(400)
                .body(containsString("gender"));
        assertEquals(0, responses(survey));
    }

    @Test
    void aClosedWaveRefusesSubmissionsUnlessLateSubmissionsAreAllowed() {
        Object[] setup = surveyWithLink(NATIONAL, Wave.BASELINE);
        long survey = (Long) setup[0];
        String token = (String) setup[1];
        byte[] form = download(token);
        given().auth().oauth2(manager(NATIONAL)).when()
                .post("/campaigns/api/surveys/" + survey + "/waves/baseline/close").then().statusCode(200);

        submit(token, filled(form, "uuid:" + UUID.randomUUID(), validAnswers())).then().statusCode(409)
                .body(containsString("closed"));
        assertEquals("", XmlPath.from(formList(token).asString()).getString("xforms.xform.formID"));

        given().auth().oauth2(manager(NATIONAL)).contentType(ContentType.JSON).body(Map.of("days", 3))
                .when().post("/campaigns/api/surveys/" + survey + "/waves/baseline/late-submissions")
                .then().statusCode(200);
        submit(token, filled(form, "uuid:" + UUID.randomUUID(), validAnswers())).then().statusCode(201);
        assertEquals(1, responses(survey));
    }

    @Test
    void aRevokedLinkIsRefusedOnEveryCall() {
        Object[] setup = surveyWithLink(NATIONAL, Wave.BASELINE);
        long survey = (Long) setup[0];
        String token = (String) setup[1];
        byte[] form = download(token);
        String xml = filled(form, "uuid:" + UUID.randomUUID(), validAnswers());
        int linkId = given().auth().oauth2(manager(NATIONAL)).when()
                .get("/campaigns/api/surveys/" + survey + "/collection-links").then().statusCode(200)
                .extract().path("[0].id");

        given().auth().oauth2(manager(NATIONAL)).when()
                .post("/campaigns/api/surveys/" + survey + "/collection-links/" + linkId + "/revoke")
                .then().statusCode(200).body("revokedAt", not(emptyOrNullString()));

        // The form list is asked in French, as the phone is set: Collect shows the message in French.
        formList(token).then().statusCode(403).header("X-OpenRosa-Version", "1.0")
                .body(containsString("a été révoqué"));
        given().when().get("/campaigns/collect/" + token + "/forms/" + SurveyFixtures.slug(survey) + "/form.xml")
                .then().statusCode(403);
        given().when().head("/campaigns/collect/" + token + "/submission").then().statusCode(403);
        submit(token, xml).then().statusCode(403);
        formList("never-issued-" + UUID.randomUUID()).then().statusCode(403);
        assertEquals(0, responses(survey));
    }

    @Test
    void aLinkServesOnlyItsOwnWaveAndSurvey() {
        Object[] ours = surveyWithLink(NATIONAL, Wave.BASELINE);
        Object[] theirs = surveyWithLink(NGO, Wave.BASELINE);
        String ourToken = (String) ours[1];
        byte[] theirForm = download((String) theirs[1]);
        String theirSlug = SurveyFixtures.slug((Long) theirs[0]);

        // Another organization's form: not downloadable and not submittable with our token.
        given().when().get("/campaigns/collect/" + ourToken + "/forms/" + theirSlug + "/form.xml")
                .then().statusCode(404);
        submit(ourToken, filled(theirForm, "uuid:" + UUID.randomUUID(), validAnswers())).then().statusCode(400)
                .body(containsString(theirSlug));
        // The form list of a baseline link never lists the endline, even when that wave is open too.
        SurveyFixtures.openWave(NATIONAL, (Long) ours[0], Wave.ENDLINE);
        assertEquals(1, XmlPath.from(formList(ourToken).asString()).getList("xforms.xform").size());
        Object[] endline = {ours[0], link(NATIONAL, (Long) ours[0], Wave.ENDLINE, "Team endline").statusCode(201)
                .extract().path("token")};
        submit((String) endline[1], filled(download(ourToken), "uuid:" + UUID.randomUUID(), validAnswers()))
                .then().statusCode(201);
        assertEquals(1L, ((Number) entityManager.createNativeQuery(
                "select count(*) from survey_response where survey_id = ?1 and wave = ?2")
                .setParameter(1, ours[0]).setParameter(2, (short) Wave.ENDLINE.code()).getSingleResult()).longValue());
        assertEquals(0, responses((Long) theirs[0]));
    }

    @Test
    void onlyTheCampaignsOrganizationsManagersMakeLinks() {
        long survey = evaluationSurvey(NATIONAL, "links_" + unique("f").replace('-', '_'), Wave.BASELINE);

        link(NGO, survey, Wave.BASELINE, "Team").statusCode(403);
        given().auth().oauth2(SurveyFixtures.evaluator(NATIONAL)).contentType(ContentType.JSON)
                .body(Map.of("wave", "baseline", "name", "Team"))
                .when().post("/campaigns/api/surveys/" + survey + "/collection-links").then().statusCode(403);
        link(NATIONAL, survey, Wave.BASELINE, "Aminata 77 123 45 67").statusCode(400);
        link(NATIONAL, survey, Wave.BASELINE, "aminata@example.org").statusCode(400);
        link(NATIONAL, survey, Wave.BASELINE, "Team Thiès").statusCode(201)
                .body("token", not(emptyOrNullString()))
                .body("serverUrl", containsString("/campaigns/collect/"))
                .body("qrSvg", containsString("<svg"));
        given().auth().oauth2(manager(NATIONAL)).when().get("/campaigns/api/surveys/" + survey + "/collection-links")
                .then().statusCode(200).body("[0].name", equalTo("Team Thiès")).body("[0].token", equalTo(null));
        long audited = ((Number) entityManager.createNativeQuery(
                "select count(*) from audit_entry where action = 'collect-link-create' and summary like ?1")
                .setParameter(1, "%Team Thiès%").getSingleResult()).longValue();
        assertEquals(1, audited);
    }

    @Test
    void badXmlDoctypesAttachmentsAndOversizedBodiesAreRefused() {
        Object[] setup = surveyWithLink(NATIONAL, Wave.BASELINE);
        long survey = (Long) setup[0];
        String token = (String) setup[1];
        byte[] form = download(token);
        String good = filled(form, "uuid:" + UUID.randomUUID(), validAnswers());

        submit(token, "<data><unclosed></data>").then().statusCode(400).body(containsString("OpenRosaResponse"));
        submit(token, "<?xml version=\"1.0\"?><!DOCTYPE data [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + good.substring(good.indexOf("<data")).replace("More radio spots in Wolof", "&x;"))
                .then().statusCode(400).body(containsString("DOCTYPE"));
        given().multiPart("xml_submission_file", "submission.xml", good.getBytes(StandardCharsets.UTF_8), "text/xml")
                .multiPart("photo", "photo.jpg", new byte[] {1, 2, 3}, "image/jpeg")
                .when().post("/campaigns/collect/" + token + "/submission")
                .then().statusCode(400).body(containsString("photo"));
        given().multiPart("xml_submission_file", "submission.xml", new byte[2_000_000], "text/xml")
                .when().post("/campaigns/collect/" + token + "/submission")
                .then().statusCode(413).header("X-OpenRosa-Version", "1.0");
        given().multiPart("other", "x").when().post("/campaigns/collect/" + token + "/submission")
                .then().statusCode(400);
        assertEquals(0, responses(survey));
    }
}

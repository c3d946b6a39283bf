package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.slug;
import static org.beacon.campaign.survey.SurveyFixtures.submit;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.validAnswers;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class PublicSurveyPageTests {

    @Inject
    EntityManager entityManager;

    @Inject
    SurveyLinks links;

    long responses(long surveyId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from survey_response where survey_id = ?1")
                .setParameter(1, surveyId).getSingleResult()).longValue();
    }

    static String keyIn(String page) {
        Matcher key = Pattern.compile("name=\"_key\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertTrue(key.find(), "the form carries an idempotency key");
        return key.group(1);
    }

    @Test
    void theFormNeedsNoLoginNoCookieNoScriptAndIsInTheRespondentsLanguage() {
        long id = evaluationSurvey(NATIONAL, "form_" + unique("f").replace('-', '_'), Wave.BASELINE);
        Response page = given().when().get("/campaigns/public/surveys/" + slug(id) + "/baseline?lang=fr");
        page.then().statusCode(200)
                .header("Set-Cookie", nullValue())
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("Cette enquête est anonyme."))
                .body(containsString("La traite peut-elle avoir lieu dans un seul pays ?"))
                .body(containsString("Envoyer mes réponses"))
                .body(not(containsString("<script")));
        UUID.fromString(keyIn(page.asString()));
        assertFalse(keyIn(page.asString()).equals(keyIn(given().get("/campaigns/public/surveys/" + slug(id)
                + "/baseline?lang=fr").asString())), "every form view gets its own key");
    }

    @Test
    void theShippedSurveyInArabicIsRightToLeftAndUnder60Kilobytes() throws IOException {
        String slug = SurveyFixtures.shippedSurvey("kts");
        for (String lang : List.of("en", "fr", "es", "pt", "ar")) {
            byte[] body = given().when().get("/campaigns/public/surveys/" + slug + "/endline?lang=" + lang)
                    .then().statusCode(200).extract().asByteArray();
            assertTrue(body.length < 60 * 1024, lang + " form weighs " + body.length + " bytes");
        }
        given().when().get("/campaigns/public/surveys/" + slug + "/endline?lang=ar")
                .then().body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("إرسال إجاباتي"));
    }

    @Test
    void anArabicFormWithARegionSubtagIsRightToLeft() {
        long campaign = SurveyFixtures.campaign(NATIONAL);
        String formId = "eg_" + unique("f").replace('-', '_');
        byte[] form = SurveyFixtures.xlsx(SurveyFixtures.sheets(
                List.of(List.of("type", "name", "label::English (en)", "label::العربية (ar-EG)", "required"),
                        List.of("select_one yesno", "heard", "Have you heard of the campaign?",
                                "هل سمعت عن الحملة؟", "yes")),
                List.of(List.of("list_name", "name", "label::English (en)", "label::العربية (ar-EG)"),
                        List.of("yesno", "yes", "Yes", "نعم"),
                        List.of("yesno", "no", "No", "لا")),
                List.of(List.of("form_title", "form_id", "default_language"),
                        List.of("Egypt " + formId, formId, "English (en)"))));
        long id = SurveyFixtures.importXlsx(SurveyFixtures.manager(NATIONAL), campaign, form)
                .then().statusCode(201).extract().<Integer>path("survey.id").longValue();
        SurveyFixtures.openWave(NATIONAL, id, Wave.BASELINE);
        String address = "/campaigns/public/surveys/" + slug(id) + "/baseline";
        given().when().get(address + "?lang=ar-EG")
                .then().statusCode(200)
                .body(containsString("<html lang=\"ar-EG\" dir=\"rtl\">"))
                .body(containsString("هل سمعت عن الحملة؟"));
        given().when().get(address + "/thanks?lang=ar-EG")
                .then().statusCode(200).body(containsString("<html lang=\"ar-EG\" dir=\"rtl\">"));
        given().when().get(address + "?lang=en").then().body(containsString("<html lang=\"en\" dir=\"ltr\">"));
    }

    @Test
    void aClosedWaveRefusesAnswersWithAClearMessageAndStoresNothing() {
        long id = evaluationSurvey(NATIONAL, "closed_" + unique("f").replace('-', '_'), Wave.BASELINE);
        String slug = slug(id);
        given().auth().oauth2(SurveyFixtures.manager(NATIONAL))
                .post("/campaigns/api/surveys/" + id + "/waves/baseline/close").then().statusCode(200);

        given().when().get("/campaigns/public/surveys/" + slug + "/baseline?lang=fr")
                .then().statusCode(410)
                .body(containsString("Cette vague de l’enquête n’accepte plus de réponses."));
        submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), validAnswers())
                .then().statusCode(410)
                .body(containsString("Cette enquête est close"));
        given().when().get("/campaigns/public/surveys/" + slug + "/endline?lang=en")
                .then().statusCode(404)
                .body(containsString("This round of the survey is not open yet."));
        assertEquals(0, responses(id));
    }

    @Test
    void aResubmissionWithTheSameKeyIsStoredOnce() {
        long id = evaluationSurvey(NATIONAL, "twice_" + unique("f").replace('-', '_'), Wave.BASELINE);
        String slug = slug(id);
        String key = keyIn(given().get("/campaigns/public/surveys/" + slug + "/baseline").asString());
        for (int attempt = 0; attempt < 3; attempt++) {
            submit(slug, Wave.BASELINE, key, validAnswers())
                    .then().statusCode(303)
                    .header("Location", endsWith("/campaigns/public/surveys/" + slug + "/baseline/thanks?lang=fr"));
        }
        assertEquals(1, responses(id));
        submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), validAnswers()).then().statusCode(303);
        assertEquals(2, responses(id));
        given().when().get("/campaigns/public/surveys/" + slug + "/baseline/thanks?lang=fr")
                .then().statusCode(200).body(containsString("Vos réponses ont été enregistrées."));
    }

    @Test
    void invalidAnswersComeBackMarkedWith400AndStoreNothing() {
        long id = evaluationSurvey(NATIONAL, "invalid_" + unique("f").replace('-', '_'), Wave.BASELINE);
        String slug = slug(id);
        Map<String, List<String>> answers = validAnswers();
        answers.remove("gender");
        answers.put("k1", List.of("perhaps"));
        answers.put("l1", List.of("4", "5"));
        answers.put("suggestion", List.of("x".repeat(2001)));
        String page = submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), answers)
                .then().statusCode(400)
                .body(containsString("4 réponses demandent votre attention."))
                .body(containsString("<fieldset id=\"gender\" class=\"invalid\" aria-invalid=\"true\">"))
                .body(containsString("Merci de répondre à cette question."))
                .body(containsString("<fieldset id=\"k1\" class=\"invalid\""))
                .body(containsString("Merci de choisir une des options."))
                .body(containsString("Merci de ne choisir qu’une seule option."))
                .body(containsString("Cette réponse est trop longue."))
                .extract().asString();
        assertTrue(page.contains("value=\"age_15_24\" checked"), "valid answers are kept in the form");
        assertEquals(0, responses(id));
    }

    @Test
    void nothingIdentifyingIsStoredOrLogged() {
        @SuppressWarnings("unchecked")
        List<String> columns = entityManager.createNativeQuery("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'campaign' and table_name like 'survey%'
                  and column_name ~* '(ip|addr|agent|session|cookie|device|user|host|phone|email|time|created_by)'""")
                .getResultList();
        assertEquals(List.of("survey.created_by"), columns.stream().sorted().toList(),
                "only the survey's author is recorded, never anything about a respondent");

        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            long id = evaluationSurvey(NATIONAL, "private_" + unique("f").replace('-', '_'), Wave.BASELINE);
            given().header("User-Agent", "Marker-Agent/1.0").header("X-Forwarded-For", "203.0.113.77")
                    .redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("_key", UUID.randomUUID().toString())
                    .formParam("q.age_band", "age_15_24").formParam("q.gender", "woman")
                    .formParam("q.k1", "yes").formParam("q.l1", "2")
                    .post("/campaigns/public/surveys/" + slug(id) + "/baseline")
                    .then().statusCode(303);
            assertEquals(1, responses(id));
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(logged.stream().noneMatch(line -> line.contains("Marker-Agent") || line.contains("203.0.113.77")),
                "neither the user agent nor the address reaches the log");
        assertFalse(ConfigProvider.getConfig().getOptionalValue("quarkus.http.access-log.enabled", Boolean.class)
                .orElse(false), "access logging stays off");
        assertTrue("/campaigns/public/surveys/abc/baseline".matches(ConfigProvider.getConfig()
                .getValue("quarkus.http.access-log.exclude-pattern", String.class)),
                "and survey forms are excluded should it ever be turned on");
    }

    @Test
    void theQrCodeIsAnSvgOfTheFormsAddress() {
        long id = evaluationSurvey(NATIONAL, "qr_" + unique("f").replace('-', '_'), Wave.BASELINE);
        String slug = slug(id);
        given().when().get("/campaigns/public/surveys/" + slug + "/baseline/qr.svg?lang=fr")
                .then().statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .body(startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""))
                .body(containsString("<title>http://localhost:8080/campaigns/public/surveys/" + slug
                        + "/baseline?lang=fr</title>"));
    }

    @Test
    void anUnknownSurveyOrWaveIsAReadable404() {
        given().when().get("/campaigns/public/surveys/no-such-survey/baseline")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("There is no survey at this address."));
        given().when().get("/campaigns/public/surveys/no-such-survey/midline")
                .then().statusCode(404).body(containsString("use baseline, endline or continuous"));
    }

    @Test
    void theOpenWaveIsLinkedFromThePublicCampaignPage() {
        long id = evaluationSurvey(NATIONAL, "linked_" + unique("f").replace('-', '_'), Wave.ENDLINE);
        long campaignId = given().auth().oauth2(SurveyFixtures.admin()).get("/campaigns/api/surveys/" + id)
                .then().extract().jsonPath().getLong("campaignId");
        var open = links.openSurveys(campaignId, "fr");
        assertEquals(1, open.size());
        assertEquals("/campaigns/public/surveys/" + slug(id) + "/endline?lang=fr", open.get(0).href());
        assertEquals("/campaigns/public/surveys/" + slug(id) + "/endline/qr.svg?lang=fr", open.get(0).qrCodeHref());
    }

    @Test
    void theFormIsTitledWithTheCampaignsNameInTheRespondentsLanguage() {
        long campaign = org.beacon.campaign.campaign.CampaignFixtures.publishedCampaign(unique("titled"));
        String formId = "titled_" + unique("f").replace('-', '_');
        long id = SurveyFixtures.importXlsx(SurveyFixtures.manager(NATIONAL), campaign,
                SurveyFixtures.evaluationForm(formId)).then().statusCode(201)
                .extract().<Integer>path("survey.id").longValue();
        SurveyFixtures.openWave(NATIONAL, id, Wave.ENDLINE);
        String form = "/campaigns/public/surveys/" + slug(id) + "/endline";
        given().when().get(form + "?lang=fr").then().statusCode(200)
                .body(containsString("<h1>Parcours sûrs</h1>"))
                .body(not(containsString("Evaluation " + formId)));
        given().when().get(form + "?lang=en").then().body(containsString("<h1>Safe journeys</h1>"));
        assertEquals("Parcours sûrs", links.openSurveys(campaign, "fr").get(0).title());
        // A survey whose campaign is not published (or has no text in the language) keeps its imported title.
        long draft = evaluationSurvey(NATIONAL, formId + "_draft", Wave.ENDLINE);
        given().when().get("/campaigns/public/surveys/" + slug(draft) + "/endline?lang=fr")
                .then().body(containsString("<h1>Evaluation " + formId + "_draft</h1>"));
    }
}

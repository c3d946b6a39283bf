package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beacon.testing.TestTokens;

/** Campaigns, XLSForms and answers for survey and results tests, made through the service's own API. */
public final class SurveyFixtures {

    public static final String NATIONAL = "national-coordination";
    public static final String NGO = "civil-society-ngo";
    public static final Path CONTENT = Path.of("../content/campaigns");

    private SurveyFixtures() {
    }

    public static String manager(String org) {
        return TestTokens.token("manon-" + org, org, "campaign-manager");
    }

    public static String evaluator(String org) {
        return TestTokens.token("eva-" + org, org, "evaluator");
    }

    public static String admin() {
        return TestTokens.token("ada", "platform", "admin");
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long campaign(String org) {
        return given().auth().oauth2(manager(org)).contentType(ContentType.JSON)
                .body(Map.of("slug", unique("c"), "title", "Safe journeys", "defaultLanguage", "en"))
                .when().post("/campaigns/api/campaigns")
                .then().statusCode(201)
                .extract().<Integer>path("id").longValue();
    }

    public static long campaignWithSlug(String org, String slug) {
        return given().auth().oauth2(manager(org)).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "title", "Safe journeys", "defaultLanguage", "en"))
                .when().post("/campaigns/api/campaigns")
                .then().statusCode(201)
                .extract().<Integer>path("id").longValue();
    }

    /** A campaign's address, which every address of its surveys begins with. */
    public static String campaignSlug(long campaignId) {
        return given().auth().oauth2(admin()).when().get("/campaigns/api/campaigns/" + campaignId)
                .then().statusCode(200).extract().path("slug");
    }

    /** An .xlsx workbook with the given sheets, each a list of rows (the first is the header). */
    public static byte[] xlsx(Map<String, List<List<String>>> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Map.Entry<String, List<List<String>>> entry : sheets.entrySet()) {
                Sheet sheet = workbook.createSheet(entry.getKey());
                int r = 0;
                for (List<String> cells : entry.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < cells.size(); c++) {
                        if (cells.get(c) != null && !cells.get(c).isEmpty()) {
                            row.createCell(c).setCellValue(cells.get(c));
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, List<List<String>>> sheets(List<List<String>> survey, List<List<String>> choices,
            List<List<String>> settings) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        sheets.put("survey", survey);
        sheets.put("choices", choices);
        sheets.put("settings", settings);
        return sheets;
    }

    /**
     * The small evaluation survey the results tests use: background questions, a knowledge item, a Likert item, a
     * channel question, a number and a free text, in English and French.
     */
    public static byte[] evaluationForm(String formId) {
        List<String> header = List.of("type", "name", "label::English (en)", "label::Français (fr)", "required",
                "beacon_kind", "beacon_answer");
        List<List<String>> survey = List.of(header,
                List.of("note", "consent", "This survey is anonymous.", "Cette enquête est anonyme.", "", "", ""),
                List.of("select_one ages", "age_band", "Age", "Âge", "yes", "background", ""),
                List.of("select_one genders", "gender", "Gender", "Genre", "yes", "background", ""),
                List.of("select_one regions", "region", "Region", "Région", "no", "background", ""),
                List.of("select_one k1list", "k1", "Can trafficking happen inside one country?",
                        "La traite peut-elle avoir lieu dans un seul pays ?", "yes", "knowledge", "yes"),
                List.of("select_one agree5", "l1", "Domestic work is real work.",
                        "Le travail domestique est un vrai travail.", "yes", "likert", ""),
                List.of("select_multiple channels", "heard_from", "Where did you hear of the campaign?",
                        "Où avez-vous entendu parler de la campagne ?", "no", "channel", ""),
                List.of("integer", "people_told", "How many people did you tell?",
                        "À combien de personnes en avez-vous parlé ?", "no", "", ""),
                List.of("text", "suggestion", "What would help?", "Qu'est-ce qui aiderait ?", "no", "", ""));
        List<List<String>> choices = List.of(List.of("list_name", "name", "label::English (en)", "label::Français (fr)"),
                List.of("ages", "age_15_24", "15-24", "15-24"),
                List.of("ages", "age_25_49", "25-49", "25-49"),
                List.of("ages", "age_50_plus", "50+", "50+"),
                List.of("genders", "woman", "Woman", "Femme"),
                List.of("genders", "man", "Man", "Homme"),
                List.of("genders", "prefer_not", "Prefer not to say", "Je préfère ne pas répondre"),
                List.of("regions", "dakar", "Dakar", "Dakar"),
                List.of("regions", "thies", "Thiès", "Thiès"),
                List.of("k1list", "yes", "Yes", "Oui"),
                List.of("k1list", "no", "No", "Non"),
                List.of("k1list", "dont_know", "I don't know", "Je ne sais pas"),
                List.of("agree5", "1", "1 - Strongly disagree", "1 - Pas du tout d'accord"),
                List.of("agree5", "2", "2", "2"),
                List.of("agree5", "3", "3", "3"),
                List.of("agree5", "4", "4", "4"),
                List.of("agree5", "5", "5 - Strongly agree", "5 - Tout à fait d'accord"),
                List.of("channels", "radio", "Radio", "Radio"),
                List.of("channels", "posters", "Posters", "Affiches"),
                List.of("channels", "not_heard", "I have not heard of it", "Je n'en ai pas entendu parler"));
        List<List<String>> settings = List.of(List.of("form_title", "form_id", "version", "default_language"),
                List.of("Evaluation " + formId, formId, "1", "English (en)"));
        return xlsx(sheets(survey, choices, settings));
    }

    public static Response importXlsx(String token, long campaignId, byte[] workbook) {
        return given().auth().oauth2(token)
                .multiPart("campaign", Long.toString(campaignId))
                .multiPart("file", "form.xlsx", workbook,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .when().post("/campaigns/api/surveys");
    }

    /** Imports a form into a new campaign of {@link #NATIONAL} and opens its baseline; returns the survey id. */
    public static long importedWithBaselineOpen(byte[] workbook) {
        long id = importXlsx(manager(NATIONAL), campaign(NATIONAL), workbook)
                .then().statusCode(201).extract().<Integer>path("survey.id").longValue();
        openWave(NATIONAL, id, Wave.BASELINE);
        return id;
    }

    /** Imports a survey and opens its waves; returns the survey id. */
    public static long evaluationSurvey(String org, String formId, Wave... open) {
        long campaign = campaign(org);
        long id = importXlsx(manager(org), campaign, evaluationForm(formId))
                .then().statusCode(201).extract().<Integer>path("survey.id").longValue();
        for (Wave wave : open) {
            openWave(org, id, wave);
        }
        return id;
    }

    /**
     * The shipped survey of content/ (know-the-signs) imported by a manager of {@link #NATIONAL} into a campaign of
     * its own under the campaign's address and {@code suffix}, its endline open; returns the survey's address.
     */
    public static String shippedSurvey(String suffix) throws IOException {
        long campaign = campaign(NATIONAL);
        Path folder = CONTENT.resolve("know-the-signs/surveys/know-the-signs");
        String slug = campaignSlug(campaign) + "-" + suffix;
        given().auth().oauth2(manager(NATIONAL))
                .multiPart("campaign", Long.toString(campaign)).multiPart("slug", slug)
                .multiPart("survey", "survey.csv", Files.readAllBytes(folder.resolve("survey.csv")), "text/csv")
                .multiPart("choices", "choices.csv", Files.readAllBytes(folder.resolve("choices.csv")), "text/csv")
                .multiPart("settings", "settings.csv", Files.readAllBytes(folder.resolve("settings.csv")), "text/csv")
                .when().post("/campaigns/api/surveys").then().statusCode(201);
        long id = given().auth().oauth2(admin()).get("/campaigns/api/surveys")
                .then().extract().jsonPath().getLong("find { it.slug == '" + slug + "' }.id");
        openWave(NATIONAL, id, Wave.ENDLINE);
        return slug;
    }

    public static void openWave(String org, long surveyId, Wave wave) {
        given().auth().oauth2(manager(org))
                .when().post("/campaigns/api/surveys/" + surveyId + "/waves/" + wave.id() + "/open")
                .then().statusCode(200);
    }

    public static String slug(long surveyId) {
        return given().auth().oauth2(admin()).when().get("/campaigns/api/surveys/" + surveyId)
                .then().statusCode(200).extract().path("slug");
    }

    /** Posts the public form as a browser would, without following the redirect. */
    public static Response submit(String slug, Wave wave, String key, Map<String, List<String>> answers) {
        var request = given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_key", key)
                .formParam("_lang", "fr");
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
            for (String value : answer.getValue()) {
                request = request.formParam("q." + answer.getKey(), value);
            }
        }
        return request.when().post("/campaigns/public/surveys/" + slug + "/" + wave.id());
    }

    /** A complete, valid set of answers to the evaluation form. */
    public static Map<String, List<String>> validAnswers() {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        answers.put("age_band", List.of("age_15_24"));
        answers.put("gender", List.of("woman"));
        answers.put("region", List.of("dakar"));
        answers.put("k1", List.of("yes"));
        answers.put("l1", List.of("4"));
        answers.put("heard_from", List.of("radio", "posters"));
        answers.put("people_told", List.of("3"));
        answers.put("suggestion", List.of("More radio spots in Wolof"));
        return answers;
    }

    /** Uploads answers as CSV text; returns the response for the caller to check. */
    public static Response uploadCsv(String org, long surveyId, Wave wave, String csv, boolean onlyGoodRows) {
        return given().auth().oauth2(manager(org))
                .multiPart("file", "answers.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("onlyGoodRows", Boolean.toString(onlyGoodRows))
                .when().post("/campaigns/api/surveys/" + surveyId + "/waves/" + wave.id() + "/answers");
    }
}

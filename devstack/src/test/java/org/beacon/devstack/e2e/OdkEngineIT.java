package org.beacon.devstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.beacon.devstack.Stack;
import org.beacon.devstack.content.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Beacon's XForm judged by ODK's own engine, end to end. A campaign manager makes a collection link for the open
 * endline wave of the shipped Safe Journeys survey (which has a relevance rule and translated constraints); the form
 * list's hash of each form is the md5 of the bytes its downloadUrl serves; the downloaded XForm is loaded into
 * {@code @getodk/xforms-engine} in Chromium and answered in French: a contradictory "where did you hear of it" is
 * flagged by the engine with the form's French message and hides the follow-up question, the fixed answer shows it;
 * the engine's own submission (its instanceID included) is posted to Beacon as ODK Collect posts it: 201 and one more
 * endline respondent, the same again: 202 and results unchanged.
 */
public class OdkEngineIT {

    private static final String SURVEY = SurveyJourneyIT.SURVEY;
    private static final String NOT_HEARD_ALONE =
            "« Je n'en ai pas entendu parler » ne peut pas être coché avec une autre réponse.";
    private static final String NO_MORE_THAN_TOLD =
            "Ne cochez pas plus de réponses que le nombre de personnes avec qui vous en avez parlé.";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stack stack;

    @BeforeAll
    static void start() {
        stack = E2EStack.get();
        OdkEngine.bundle();
    }

    @Test
    void theOdkEngineAnswersBeaconsXFormInFrenchAndItsSubmissionIsStoredOnce() throws Exception {
        String manager = token("manager");
        long surveyId = surveyId(manager);
        JsonNode link = JSON.readTree(send(HttpRequest.newBuilder(
                URI.create(stack.campaignUrl() + "/campaigns/api/surveys/" + surveyId + "/collection-links"))
                .header("Authorization", "Bearer " + manager).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("wave", "endline", "name", "Équipe Ziguinchor, moteur ODK")))), 201).body());
        String collect = stack.gatewayUrl() + "/campaigns/collect/" + link.path("token").asText();

        // The form list, as ODK Collect asks for it; each hash against the bytes the downloadUrl serves.
        HttpResponse<String> list = send(openRosa(collect + "/formList").header("Accept-Language", "fr").GET(), 200);
        assertEquals("1.0", list.headers().firstValue("X-OpenRosa-Version").orElse(null));
        Document formList = xml(list.body().getBytes(StandardCharsets.UTF_8));
        NodeList forms = formList.getElementsByTagName("xform");
        assertEquals(1, forms.getLength(), "the link lists its one wave's form: " + list.body());
        String xform = null;
        for (int i = 0; i < forms.getLength(); i++) {
            Element form = (Element) forms.item(i);
            String downloadUrl = text(form, "downloadUrl");
            byte[] served = HTTP.send(openRosa(downloadUrl).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            assertEquals(text(form, "hash"), "md5:" + md5(served), "hash of " + downloadUrl);
            xform = new String(served, StandardCharsets.UTF_8);
        }
        String version = text((Element) forms.item(0), "version");

        String evaluator = token("evaluator");
        JsonNode before = results(evaluator, surveyId);

        Map<String, String> submission;
        try (OdkEngine engine = new OdkEngine()) {
            engine.open(xform, "fr");
            Map<String, String> questions = engine.questions();
            for (Map.Entry<String, List<String>> answer : SurveyJourneyIT.ANSWERS.entrySet()) {
                if (!answer.getKey().equals("heard_from")) {
                    engine.answer(reference(questions, answer.getKey()), answer.getValue());
                }
            }
            String heardFrom = reference(questions, "heard_from");
            String peopleTold = reference(questions, "people_told");
            String toldWhom = reference(questions, "told_whom");
            assertEquals("Avec combien de personnes avez-vous parlé des messages de la campagne ?",
                    engine.question(peopleTold).get("label"), "the form speaks French");

            // A contradiction the engine flags with the form's French message; who never heard of it is not asked
            // whom they told.
            engine.answer(heardFrom, List.of("radio", "not_heard"));
            assertEquals(Map.of("condition", "constraint", "message", NOT_HEARD_ALONE),
                    engine.question(heardFrom).get("violation"));
            assertEquals(false, engine.question(peopleTold).get("relevant"), "not asked of who never heard of it");
            assertEquals("pending", engine.submission().get("status"), "the engine holds back a form breaking a rule");

            engine.answer(heardFrom, List.of("radio", "community_meetings"));
            assertEquals(null, engine.question(heardFrom).get("violation"));
            assertEquals(true, engine.question(peopleTold).get("relevant"), "asked of who heard of it");
            engine.answer(peopleTold, "2");
            assertEquals(true, engine.question(toldWhom).get("relevant"), "asked of who told somebody");
            engine.answer(toldWhom, List.of("family", "friends", "leaders"));
            assertEquals(Map.of("condition", "constraint", "message", NO_MORE_THAN_TOLD),
                    engine.question(toldWhom).get("violation"), "more kinds of people than people told");
            engine.answer(toldWhom, List.of("family", "friends"));
            assertEquals(List.of(), engine.violations());

            submission = engine.submission();
        }
        assertEquals("ready", submission.get("status"), submission.toString());
        String instanceId = submission.get("instanceID");
        assertTrue(instanceId != null && instanceId.startsWith("uuid:"), "the engine's instanceID: " + instanceId);
        Element filled = xml(submission.get("xml").getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertEquals(version, filled.getAttribute("version"), "filled in the version listed");
        for (String leftOut : List.of("deviceid", "username", "phonenumber", "start", "end")) {
            assertEquals(0, filled.getElementsByTagName(leftOut).getLength(), leftOut + " is never collected");
        }

        HttpResponse<String> head = send(openRosa(collect + "/submission")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), 204);
        assertTrue(head.headers().firstValue("X-OpenRosa-Accept-Content-Length").isPresent(), head.headers().toString());

        HttpResponse<String> stored = send(submit(collect + "/submission", submission.get("xml")), 201);
        assertTrue(stored.body().contains("OpenRosaResponse"), stored.body());
        JsonNode after = results(evaluator, surveyId);
        assertEquals(endlineRespondents(before) + 1, endlineRespondents(after),
                "the engine's answer counts once among the endline respondents");

        send(submit(collect + "/submission", submission.get("xml")), 202);
        assertEquals(after, results(evaluator, surveyId), "a replayed submission changes no figure");
    }

    private static String reference(Map<String, String> questions, String name) {
        String reference = questions.get(name);
        assertNotNull(reference, name + " is a question of the XForm: " + questions.keySet());
        return reference;
    }

    static long surveyId(String token) throws Exception {
        JsonNode surveys = JSON.readTree(send(HttpRequest.newBuilder(
                URI.create(E2EStack.get().campaignUrl() + "/campaigns/api/surveys"))
                .header("Authorization", "Bearer " + token).GET(), 200).body());
        for (JsonNode survey : surveys) {
            if (SURVEY.equals(survey.path("slug").asText())) {
                return survey.path("id").asLong();
            }
        }
        throw new AssertionError(SURVEY + " is not among the manager's surveys: " + surveys);
    }

    private static JsonNode results(String token, long surveyId) throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(
                URI.create(stack.campaignUrl() + "/campaigns/api/results/" + surveyId))
                .header("Authorization", "Bearer " + token).GET(), 200).body());
    }

    /** The endline figure of the respondents table (one row, a column per wave). */
    private static long endlineRespondents(JsonNode results) {
        JsonNode table = results.path("respondents");
        int column = -1;
        for (int i = 0; i < table.path("columns").size(); i++) {
            if (table.path("columns").get(i).asText().equalsIgnoreCase("Endline")) {
                column = i;
            }
        }
        assertTrue(column >= 0, "an endline column: " + table);
        JsonNode figure = table.path("rows").get(0).path("cells").get(column);
        assertFalse(figure.path("n").isMissingNode() || figure.path("n").isNull(), "endline count shown: " + table);
        return figure.path("n").asLong();
    }

    private static HttpRequest.Builder openRosa(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("X-OpenRosa-Version", "1.0");
    }

    /** The submission as ODK Collect posts it: multipart with the filled form as xml_submission_file. */
    private static HttpRequest.Builder submit(String url, String filledForm) {
        String boundary = "beacon-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"xml_submission_file\"; filename=\"submission.xml\"\r\n"
                + "Content-Type: text/xml\r\n\r\n" + filledForm + "\r\n--" + boundary + "--\r\n";
        return openRosa(url).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(),
                built.method() + " " + built.uri().getPath().replaceAll("/collect/[^/]+", "/collect/…") + ": "
                        + response.body());
        return response;
    }

    /** A demo user's access token, through the test realm's password-grant client. */
    static String token(String username) throws Exception {
        String form = "grant_type=password&client_id=beacon-tests&client_secret="
                + URLEncoder.encode(E2EStack.get().testClientSecret(), StandardCharsets.UTF_8)
                + "&username=" + username
                + "&password=" + DemoData.DEMO_PASSWORD;
        JsonNode tokens = JSON.readTree(send(HttpRequest.newBuilder(
                URI.create(E2EStack.get().keycloakUrl() + "/realms/beacon/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200).body());
        return tokens.path("access_token").asText();
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        assertEquals(1, found.getLength(), name + " in the form list entry");
        return found.item(0).getTextContent().trim();
    }

    private static String md5(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}

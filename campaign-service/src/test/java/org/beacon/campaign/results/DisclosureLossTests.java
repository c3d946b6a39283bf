package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.campaign;
import static org.beacon.campaign.survey.SurveyFixtures.evaluator;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.openWave;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.beacon.campaign.survey.SurveyFixtures;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Information lost to disclosure control on the demo surveys: each shipped survey (content/) with the demo stack's
 * answers (devstack {@code SyntheticAnswers}, 1,200 baseline and 1,500 endline, seeds 1 and 2, kept gzipped under
 * {@code src/test/resources/demo-answers/}), every figure of the JSON results and, apart, of its six breakdowns.
 * It measures the share of figures hidden (and, in breakdowns, how many of them belong to groups under k, where
 * everything is hidden) and the share of answers that sit in hidden cells, writes them to
 * {@code target/disclosure-loss.txt} (the README quotes them) and holds the targets on the results: no headline
 * figure hidden (the respondents, each knowledge item's correct answers, the mean score, each Likert mean, each
 * change), under 5 % of the results' figures hidden and under 5 % of all figures, the breakdowns' included. Small
 * groups are pooled ("Other (n groups)"): the figures their groups would have had on their own are counted apart, as
 * "not shown separately".
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class DisclosureLossTests {

    static final String[] DIMENSIONS = { "age_band", "gender", "region" };
    /** Tables whose answer rows add up to those who answered: what is hidden in them is known to be missing. */
    static final List<String> ADDITIVE = List.of(SurveyQuestion.SINGLE, SurveyQuestion.LIKERT,
            SurveyQuestion.KNOWLEDGE, "score");

    @Inject
    TallyFold fold;

    /** Figures and answers, hidden or not. */
    static final class Loss {
        int figures;
        int hidden;
        /** Hidden figures of breakdown groups that have fewer than k people in all (everything in them is). */
        int hiddenInSmallGroups;
        long answers;
        long answersHidden;
        final List<String> headlinesHidden = new ArrayList<>();
        /** Which figures are hidden: question / row / column. */
        final List<String> which = new ArrayList<>();
        /** Figures the groups inside pools would have had on their own ("not shown separately"). */
        int notSeparate;
        /** Of the breakdown being read: which columns are groups under k. */
        boolean[] smallGroups;
        /** Hidden figures per table (dimension and question), to see where the loss is. */
        final Map<String, Integer> perTable = new java.util.TreeMap<>();
        /** The dimension of the breakdown being read, "" for the results. */
        String dimension = "";
        /** Hidden figures per breakdown column (dimension and group), to see which groups lose most. */
        final Map<String, Integer> perColumn = new java.util.TreeMap<>();

        void table(Map<String, Object> question, String kind) {
            Map<String, Object> table = cast(question.get("table"));
            List<Map<String, Object>> rows = cast(table.get("rows"));
            int columns = ((List<?>) table.get("columns")).size();
            // a pool of n groups shows one column (or row) where its groups would have had n
            for (Object column : (List<?>) table.get("columns")) {
                notSeparate += (pooled(column) - 1) * rows.size();
            }
            for (Map<String, Object> row : rows) {
                notSeparate += (pooled(row.get("label")) - 1) * columns;
            }
            for (Map<String, Object> row : rows) {
                List<Map<String, Object>> cells = castList(row.get("cells"));
                for (int c = 0; c < cells.size(); c++) {
                    figures++;
                    if (cells.get(c).get("suppressed") != null) {
                        hidden++;
                        perTable.merge(dimension + " " + question.getOrDefault("name", "respondents") + " "
                                + cells.get(c).get("suppressed"), 1, Integer::sum);
                        which.add(question.getOrDefault("name", "respondents") + " / " + row.get("label") + " / "
                                + ((List<?>) table.get("columns")).get(c));
                        perColumn.merge(dimension + " | " + ((List<?>) table.get("columns")).get(c), 1, Integer::sum);
                        if (smallGroups != null && smallGroups[c]) {
                            hiddenInSmallGroups++;
                        }
                    }
                }
            }
            if (kind == null || !ADDITIVE.contains(kind)) {
                return;
            }
            for (int c = 0; c < columns; c++) {
                Long answered = null;
                long shown = 0;
                for (Map<String, Object> row : rows) {
                    Map<String, Object> cell = this.<List<Map<String, Object>>>castList(row.get("cells")).get(c);
                    Number n = (Number) cell.get("n");
                    if (row.get("type").equals("answered")) {
                        answered = n == null ? null : n.longValue();
                    } else if (row.get("type").equals("choice") && n != null) {
                        shown += n.longValue();
                    }
                }
                if (answered != null) {
                    answers += answered;
                    answersHidden += answered - shown;
                }
            }
        }

        @SuppressWarnings("unchecked")
        <T> T castList(Object value) {
            return (T) value;
        }

        /** How many groups a label pools ("Other (10 groups)"), 1 for any other label. */
        static int pooled(Object label) {
            java.util.regex.Matcher pool = java.util.regex.Pattern.compile("^Other \\((\\d+) groups\\)$")
                    .matcher(String.valueOf(label));
            return pool.matches() ? Integer.parseInt(pool.group(1)) : 1;
        }

        String figures() {
            return String.format(Locale.ROOT, "%d of %d figures hidden (%.1f %%, %d of them in groups under k); "
                    + "%d of %d answers in hidden cells (%.1f %%); %d figures of pooled groups not shown separately "
                    + "(%.1f %% of the %d figures the groups would have had unpooled)", hidden, figures,
                    100.0 * hidden / figures, hiddenInSmallGroups, answersHidden, answers,
                    100.0 * answersHidden / answers, notSeparate, 100.0 * notSeparate / (figures + notSeparate),
                    figures + notSeparate);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }

    @ParameterizedTest
    @ValueSource(strings = { "know-the-signs", "safe-journeys" })
    void theDemoSurveysLoseNoHeadlineFigureAndFewFigures(String survey) throws Exception {
        long id = importShipped(survey);
        for (Wave wave : List.of(Wave.BASELINE, Wave.ENDLINE)) {
            openWave(NATIONAL, id, wave);
            uploadCsv(NATIONAL, id, wave, answers(survey + "-" + wave.id()), false).then().statusCode(200);
        }
        fold.foldAll();

        Loss loss = new Loss();
        Loss breakdowns = new Loss();
        JsonPath overall = results(id, null, null);
        assertEquals(List.of(1200, 1500), overall.getList("respondents.rows[0].cells.n"), "every answer folded");
        loss.table(Map.of("table", overall.getMap("respondents")), null);
        for (Map<String, Object> question : overall.<Map<String, Object>>getList("questions")) {
            loss.table(question, (String) question.get("kind"));
            headlines(loss, question);
        }
        Map<String, Object> score = overall.getMap("knowledgeScore");
        loss.table(score, "score");
        headlines(loss, score);
        for (Map<String, Object> change : overall.<Map<String, Object>>getList("changes")) {
            loss.figures++;
            if (change.get("suppressed") != null) {
                loss.hidden++;
                loss.headlinesHidden.add("change of " + change.get("name"));
            }
        }
        for (String dimension : DIMENSIONS) {
            for (Wave wave : List.of(Wave.BASELINE, Wave.ENDLINE)) {
                JsonPath breakdown = results(id, dimension, wave);
                breakdowns.dimension = dimension;
                List<String> groups = breakdown.getList("breakdown.respondents.rows[0].cells.suppressed");
                breakdowns.smallGroups = new boolean[groups.size()];
                for (int g = 0; g < groups.size(); g++) {
                    breakdowns.smallGroups[g] = "small".equals(groups.get(g));
                }
                breakdowns.table(Map.of("table", breakdown.getMap("breakdown.respondents")), null);
                for (Map<String, Object> question : breakdown.<Map<String, Object>>getList("breakdown.questions")) {
                    breakdowns.table(question, (String) question.get("kind"));
                }
                breakdowns.table(breakdown.getMap("breakdown.knowledgeScore"), "score");
            }
        }
        String line = survey + ": results " + loss.figures() + "; headline figures hidden: "
                + loss.headlinesHidden.size() + " " + loss.which + System.lineSeparator() + survey + ": six breakdowns "
                + breakdowns.figures() + System.lineSeparator() + survey + ": hidden per table " + breakdowns.perTable
                + System.lineSeparator() + survey + ": hidden per column " + breakdowns.perColumn + System.lineSeparator()
                + survey + String.format(Locale.ROOT,
                        ": results and breakdowns together %d of %d figures hidden (%.1f %%)",
                        loss.hidden + breakdowns.hidden, loss.figures + breakdowns.figures,
                        100.0 * (loss.hidden + breakdowns.hidden) / (loss.figures + breakdowns.figures))
                + System.lineSeparator();
        System.out.print(line);
        Path report = Path.of("target", "disclosure-loss.txt");
        Files.writeString(report, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);

        assertEquals(List.of(), loss.headlinesHidden, "headline figures hidden");
        // The target: under 5 % of the results' figures hidden, now that small groups are pooled.
        assertTrue(loss.hidden * 20 < loss.figures, "under 5 % of the results' figures hidden: " + loss.figures());
        // The target over everything: under 5 % of all figures, the results' and the six breakdowns' together
        // (3.5 % and 3.1 % with groups of at least 10 × k and rare channels pooled as mentions).
        assertTrue((loss.hidden + breakdowns.hidden) * 20 < loss.figures + breakdowns.figures,
                "under 5 % of all figures hidden: " + loss.figures() + "; " + breakdowns.figures());
    }

    /** The respondents, each knowledge item's correct answers, the mean score and each Likert mean. */
    static void headlines(Loss loss, Map<String, Object> question) {
        String kind = (String) question.get("kind");
        Map<String, Object> table = cast(question.get("table"));
        for (Map<String, Object> row : DisclosureLossTests.<List<Map<String, Object>>>cast(table.get("rows"))) {
            boolean headline = kind.equals(SurveyQuestion.KNOWLEDGE) && Boolean.TRUE.equals(row.get("correct"))
                    || (kind.equals(SurveyQuestion.LIKERT) || kind.equals("score")) && row.get("type").equals("mean");
            List<Map<String, Object>> cells = cast(row.get("cells"));
            for (int c = 0; c < cells.size(); c++) {
                if (headline && cells.get(c).get("suppressed") != null) {
                    loss.headlinesHidden.add(question.get("name") + " / " + row.get("label") + " / "
                            + ((List<?>) table.get("columns")).get(c));
                }
            }
        }
    }

    static JsonPath results(long id, String by, Wave wave) {
        var request = given().auth().oauth2(evaluator(NATIONAL));
        if (by != null) {
            request = request.queryParam("by", by).queryParam("wave", wave.id());
        }
        return request.when().get("/campaigns/api/results/" + id).then().statusCode(200).extract().jsonPath();
    }

    static long importShipped(String survey) throws IOException {
        long campaign = campaign(NATIONAL);
        Path folder = SurveyFixtures.CONTENT.resolve(survey + "/surveys/" + survey);
        return given().auth().oauth2(manager(NATIONAL))
                .multiPart("campaign", Long.toString(campaign))
                .multiPart("slug", SurveyFixtures.campaignSlug(campaign) + "-" + survey)
                .multiPart("survey", "survey.csv", Files.readAllBytes(folder.resolve("survey.csv")), "text/csv")
                .multiPart("choices", "choices.csv", Files.readAllBytes(folder.resolve("choices.csv")), "text/csv")
                .multiPart("settings", "settings.csv", Files.readAllBytes(folder.resolve("settings.csv")), "text/csv")
                .when().post("/campaigns/api/surveys")
                .then().statusCode(201).extract().<Integer>path("survey.id").longValue();
    }

    static String answers(String name) {
        try (InputStream in = new GZIPInputStream(
                DisclosureLossTests.class.getResourceAsStream("/demo-answers/" + name + ".csv.gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

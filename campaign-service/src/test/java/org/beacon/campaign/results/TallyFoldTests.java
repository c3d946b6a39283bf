package org.beacon.campaign.results;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.manager;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.uploadCsv;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.beacon.campaign.survey.LogicAnswersTests;
import org.beacon.campaign.survey.SurveyFixtures;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The fold's rollup is the one its definition gives (every response's cells, survey_response_cell, counted in every
 * group it belongs to, survey_response_group) and the one a rebuild gives, on random answers uploaded in several
 * files and folded in batches of a few responses (the test profile's fold batch) between the uploads.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class TallyFoldTests {

    /** The rollup as its definition (V33, V36) gives it from the stored responses. */
    private static final String DEFINITION = """
            select c.survey_id, g.dim_b, g.dim_a, c.wave, c.question_id, c.choice, g.value_a, g.value_b, count(*),
                   sum(c.total), sum(c.total::numeric * c.total), min(c.value), max(c.value)
            from survey_response_cell c
            join survey_response_group g on g.response_id = c.response_id
            where c.survey_id = ?
            group by 1, 2, 3, 4, 5, 6, 7, 8
            order by 1, 2, 3, 4, 5, 6, 7, 8""";

    private static final String ROLLUP = """
            select survey_id, dim_b, dim_a, wave, question_id, choice, value_a, value_b, n, total, total_sq, low, high
            from survey_tally
            where survey_id = ?
            order by 1, 2, 3, 4, 5, 6, 7, 8""";

    @Inject
    TallyFold fold;

    @Inject
    Rollup rollup;

    @Inject
    DataSource dataSource;

    @Test
    void foldedInBatchesTheRollupIsItsDefinitionAndWhatARebuildGives() throws SQLException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long survey = evaluationSurvey(NATIONAL, "fold_" + unique("f").replace('-', '_'), Wave.BASELINE,
                Wave.ENDLINE);
        // four questions and the collection team: each response counts in 1 + 5 + 10 groups
        given().auth().oauth2(manager(NATIONAL)).contentType("application/x-www-form-urlencoded")
                .formParam("question", "age_band", "gender", "region", "l1").formParam("team", "true")
                .redirects().follow(false).when().post("/campaigns/surveys/" + survey + "/dimensions")
                .then().statusCode(303);
        int stored = 0;
        for (int file = 0; file < 3; file++) {
            Wave wave = file == 1 ? Wave.BASELINE : Wave.ENDLINE;
            int rows = 40 + random.nextInt(40);
            uploadCsv(NATIONAL, survey, wave, evaluationAnswers(random, rows), false)
                    .then().statusCode(200).body("stored", equalTo(rows));
            stored += rows;
            if (file < 2) {
                fold.foldAll();
            }
        }
        assertFoldedAsDefinedAndRebuilt(survey, stored, seed);
    }

    @Test
    void decimalsDatesAndQuestionsNotAskedFoldAsDefined() throws SQLException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long survey = logicSurvey();
        int stored = 0;
        for (int file = 0; file < 3; file++) {
            int rows = 30 + random.nextInt(30);
            uploadCsv(NATIONAL, survey, Wave.BASELINE, logicAnswers(random, rows), false)
                    .then().statusCode(200).body("stored", equalTo(rows));
            stored += rows;
            if (file < 2) {
                fold.foldAll();
            }
        }
        assertFoldedAsDefinedAndRebuilt(survey, stored, seed);
    }

    private void assertFoldedAsDefinedAndRebuilt(long survey, int stored, long seed) throws SQLException {
        fold.foldAll();
        List<String> defined = rows(DEFINITION, survey);
        assertTrue(defined.size() > 100, "the answers fill many groups: " + defined.size());
        assertEquals(defined, rows(ROLLUP, survey), "folded in batches, seed " + seed);
        assertEquals(stored, everyone(survey), "every stored response is counted once, seed " + seed);

        QuarkusTransaction.requiringNew().run(() -> rollup.rebuild(survey));
        fold.foldAll();
        assertEquals(defined, rows(ROLLUP, survey), "rebuilt, seed " + seed);
    }

    private static String evaluationAnswers(Random random, int rows) {
        List<Function<Random, String>> columns = List.of(
                r -> pick(r, "age_15_24", "age_25_49", "age_50_plus"),
                r -> pick(r, "woman", "man", "prefer_not"),
                r -> pick(r, "dakar", "thies", ""),
                r -> pick(r, "yes", "no", "dont_know"),
                r -> pick(r, "1", "2", "3", "4", "5"),
                r -> pick(r, "radio", "posters", "radio posters", "not_heard", ""),
                r -> r.nextInt(5) == 0 ? "" : Integer.toString(r.nextInt(30)),
                r -> r.nextInt(8) == 0 ? "More radio" : "");
        return csv("age_band,gender,region,k1,l1,heard_from,people_told,suggestion", columns, random, rows);
    }

    /** Where someone heard is asked only if they did; spending is a decimal, arrival a date, both optional. */
    private static String logicAnswers(Random random, int rows) {
        StringBuilder csv = new StringBuilder(LOGIC_HEADER).append(",_uuid\n");
        for (int i = 0; i < rows; i++) {
            boolean heard = random.nextBoolean();
            String where = heard ? pick(random, "radio", "poster", "radio poster", "none") : "";
            String first = heard ? pick(random, "friend", "radio", "") : "";
            String spent = random.nextInt(4) == 0 ? ""
                    : String.format(Locale.ROOT, "%.3f", random.nextInt(2_000_000) / 1000.0 * Math.pow(10,
                            random.nextInt(3) - 1));
            String arrived = random.nextInt(4) == 0 ? ""
                    : LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2500)).toString();
            csv.append(String.join(",", heard ? "yes" : "no", where, first, "", spent, arrived,
                    UUID.randomUUID().toString())).append('\n');
        }
        return csv.toString();
    }

    private static final String LOGIC_HEADER = "heard,reach/where,reach/first,reach/first_other,spent,arrived";

    private static long logicSurvey() {
        return SurveyFixtures.importedWithBaselineOpen(
                LogicAnswersTests.logicForm("fold_logic_" + unique("f").replace('-', '_')));
    }

    private static String csv(String header, List<Function<Random, String>> columns, Random random, int rows) {
        StringBuilder csv = new StringBuilder(header).append(",_uuid\n");
        for (int i = 0; i < rows; i++) {
            List<String> cells = new ArrayList<>();
            for (Function<Random, String> column : columns) {
                cells.add(column.apply(random));
            }
            cells.add(UUID.randomUUID().toString());
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private List<String> rows(String sql, long survey) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, survey);
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getString(c));
                    }
                    rows.add(String.join("|", row));
                }
            }
        }
        return rows;
    }

    private long everyone(long survey) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select coalesce(sum(n), 0) from survey_tally
                        where survey_id = ? and dim_b = 0 and dim_a = 0 and question_id = 0""")) {
            query.setLong(1, survey);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}

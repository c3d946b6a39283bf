package org.beacon.campaign.survey;

import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.slug;
import static org.beacon.campaign.survey.SurveyFixtures.submit;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.validAnswers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Group commit (beacon.surveys.group-commit.enabled) with one writer, so that answers sent while it writes wait and
 * are stored together next. A statement is held mid-way by a row the test inserted and has not committed under the
 * same idempotency key, as a concurrent transaction would.
 */
@QuarkusTest
@TestProfile(GroupCommitTests.Together.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class GroupCommitTests {

    public static class Together implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beacon.surveys.group-commit.enabled", "true", "beacon.surveys.group-commit.writers", "1",
                    "beacon.surveys.rate-limit.burst", "100000");
        }
    }

    @Inject
    GroupCommit groupCommit;

    @Inject
    SurveyForms forms;

    @Inject
    DataSource dataSource;

    @Test
    void concurrentSubmissionsAreEachThankedAndStoredOnce() throws Exception {
        long id = evaluationSurvey(NATIONAL, "together_" + unique("f").replace('-', '_'), Wave.BASELINE);
        String slug = slug(id);
        List<String> keys = new ArrayList<>();
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String key = UUID.randomUUID().toString();
            keys.add(key);
            // every other key twice, as a double click sends it
            for (int copy = 0; copy < (i % 2 == 0 ? 2 : 1); copy++) {
                posts.add(CompletableFuture.supplyAsync(
                        () -> submit(slug, Wave.BASELINE, key, validAnswers()).statusCode()));
            }
        }
        for (CompletableFuture<Integer> post : posts) {
            assertEquals(303, post.get(60, TimeUnit.SECONDS));
        }
        assertEquals(24, count("select count(*) from survey_response where survey_id = " + id));
        assertEquals(24, count("select count(*) from survey_text_answer t join survey_response r on r.id = t.response_id"
                + " where r.survey_id = " + id), "each response's free text, once");
    }

    @Test
    void noAnswerIsAcknowledgedBeforeItsStatementCommitsAndAKilledStatementStoresNone() throws Exception {
        long id = evaluationSurvey(NATIONAL, "killed_" + unique("f").replace('-', '_'), Wave.BASELINE);
        SurveyForms.Located located = located(slug(id));
        UUID first = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        try (Connection holdingFirst = hold(id, first); Connection holdingLast = hold(id, held)) {
            // the writer's place is taken by a statement waiting for the first held key
            CompletableFuture<ResponseStore.Stored> writing = store(located, first, answers(located));
            waitFor(() -> waitingStatements() == 1);
            List<UUID> batch = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), held);
            List<CompletableFuture<ResponseStore.Stored>> together = new ArrayList<>();
            for (UUID key : batch) {
                together.add(store(located, key, answers(located)));
                // queued in this order, the held one last
                waitFor(() -> groupCommit.queued() == together.size());
            }
            holdingFirst.rollback();
            assertEquals(ResponseStore.Stored.NEW, writing.get(30, TimeUnit.SECONDS));

            // the four are written in one statement, which waits for the other held key with three rows written
            waitFor(() -> groupCommit.queued() == 0 && waitingStatements() == 1);
            Thread.sleep(500);
            together.forEach(answer -> assertFalse(answer.isDone(), "nothing is acknowledged before the commit"));
            assertEquals(0, stored(batch));

            assertEquals(1, count("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like '%with ordinality%'"));
            // The killed statement's answers are then stored each on its own: the three free ones may already be
            // (asserting none here raced with that); the held one waits for its key.
            assertEquals(0, stored(List.of(held)), "the held answer is not stored while its key is held");
            holdingLast.rollback();
            // each is then stored on its own (or refused); an acknowledged answer is a stored one
            for (int i = 0; i < batch.size(); i++) {
                try {
                    assertEquals(ResponseStore.Stored.NEW, together.get(i).get(90, TimeUnit.SECONDS));
                    assertEquals(1, stored(List.of(batch.get(i))), "acknowledged, so stored");
                } catch (ExecutionException refused) {
                    assertEquals(0, stored(List.of(batch.get(i))), "refused, so not stored");
                }
            }
        }
    }

    @Test
    void anAnswerPostgresRefusesIsRefusedAloneAndTheOthersOfItsStatementAreStored() throws Exception {
        long id = evaluationSurvey(NATIONAL, "refused_" + unique("f").replace('-', '_'), Wave.BASELINE);
        SurveyForms.Located located = located(slug(id));
        UUID first = UUID.randomUUID();
        try (Connection holding = hold(id, first)) {
            CompletableFuture<ResponseStore.Stored> writing = store(located, first, answers(located));
            waitFor(() -> waitingStatements() == 1);
            List<UUID> good = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            List<CompletableFuture<ResponseStore.Stored>> together = new ArrayList<>();
            together.add(store(located, good.get(0), answers(located)));
            // a free text for a question that does not exist: the database refuses the row
            AnswerSheet.Answers bad = new AnswerSheet.Answers(new Integer[located.form().slotCount()],
                    Map.of(-1L, "no such question"), 0, 0, 0, null, new int[0]);
            UUID badKey = UUID.randomUUID();
            CompletableFuture<ResponseStore.Stored> refused = store(located, badKey, bad);
            together.add(store(located, good.get(1), answers(located)));
            together.add(store(located, good.get(2), answers(located)));
            waitFor(() -> groupCommit.queued() == 4);
            holding.rollback();

            assertEquals(ResponseStore.Stored.NEW, writing.get(30, TimeUnit.SECONDS));
            for (CompletableFuture<ResponseStore.Stored> answer : together) {
                assertEquals(ResponseStore.Stored.NEW, answer.get(30, TimeUnit.SECONDS));
            }
            ExecutionException failure = assertThrows(ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof IllegalStateException, failure.toString());
            assertEquals(3, stored(good));
            assertEquals(0, stored(List.of(badKey)));
        }
    }

    private SurveyForms.Located located(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> forms.locate(slug, Wave.BASELINE));
    }

    private static AnswerSheet.Answers answers(SurveyForms.Located located) {
        return new AnswerSheet.Answers(new Integer[located.form().slotCount()], Map.of(), 0, 0, 0, null, new int[0]);
    }

    private CompletableFuture<ResponseStore.Stored> store(SurveyForms.Located located, UUID key,
            AnswerSheet.Answers answers) {
        return CompletableFuture.supplyAsync(() -> groupCommit.store(located, Wave.BASELINE, "fr", key, answers));
    }

    /** A connection whose open transaction has inserted a response under the key: the same key waits for it. */
    private Connection hold(long surveyId, UUID key) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into survey_response (survey_id, wave, idempotency_key, source, language, answers)
                values (?, 1, ?, 'web', 'fr', '{}')""")) {
            insert.setLong(1, surveyId);
            insert.setObject(2, key);
            insert.executeUpdate();
        }
        return connection;
    }

    private long waitingStatements() {
        return count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and query like '%insert into survey_response%'");
    }

    private long stored(List<UUID> keys) {
        return count("select count(*) from survey_response where idempotency_key in ('"
                + String.join("','", keys.stream().map(UUID::toString).toList()) + "')");
    }

    private long count(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "not reached within 30 s");
            Thread.sleep(20);
        }
    }
}

package org.beacon.campaign.survey;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes responses with plain JDBC: one statement stores the response, queues it for the rollup and stores its
 * free texts, so a submission costs one round trip. Nothing about the respondent's connection is ever passed in.
 */
@ApplicationScoped
public class ResponseStore {

    private static final String INSERT = """
            with r as (
                insert into survey_response (survey_id, wave, idempotency_key, source, language, age_band, gender,
                                             region, knowledge_score, answers, not_asked, collector)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (survey_id, idempotency_key) do nothing
                returning id),
            p as (insert into survey_response_pending (response_id, survey_id) select id, ? from r),
            t as (insert into survey_text_answer (response_id, question_id, answer)
                  select r.id, x.question_id, x.answer from r cross join unnest(?::bigint[], ?::text[]) as x(question_id, answer))
            select count(*) from r""";

    public static final String WEB = "web";
    public static final String UPLOAD = "upload";
    /** Sent by ODK Collect (or another OpenRosa client) through a collection link. */
    public static final String COLLECT = "collect";

    @Inject
    DataSource dataSource;

    /**
     * Stores a response once per idempotency key; false when that key was already stored.
     *
     * @param collector the OpenRosa collection link the response came through, null for the web form and uploads
     */
    @Transactional
    public boolean store(SurveyForm form, Wave wave, String language, String source, Long collector, UUID key,
            AnswerSheet.Answers answers) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            return store(connection, insert, form, wave, language, source, collector, key, answers);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing a survey response failed", e);
        }
    }

    /** One response of a batch, in the language it was collected in. */
    public record Keyed(UUID key, String language, AnswerSheet.Answers answers) {
    }

    /** Stores many responses in the caller's transaction; returns how many were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int storeAll(SurveyForm form, Wave wave, String source, List<Keyed> responses) {
        int stored = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Keyed response : responses) {
                if (store(connection, insert, form, wave, response.language(), source, null, response.key(),
                        response.answers())) {
                    stored++;
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing survey responses failed", e);
        }
    }

    private static boolean store(Connection connection, PreparedStatement insert, SurveyForm form, Wave wave,
            String language, String source, Long collector, UUID key, AnswerSheet.Answers answers)
            throws SQLException {
        Array packed = connection.createArrayOf("int4", answers.packed());
        Array questionIds = connection.createArrayOf("int8", answers.texts().keySet().toArray(new Long[0]));
        Array texts = connection.createArrayOf("text", answers.texts().values().toArray(new String[0]));
        insert.setLong(1, form.id());
        insert.setShort(2, (short) wave.code());
        insert.setObject(3, key);
        insert.setString(4, source);
        insert.setString(5, language);
        insert.setShort(6, (short) answers.ageBand());
        insert.setShort(7, (short) answers.gender());
        insert.setShort(8, (short) answers.region());
        if (answers.knowledgeScore() == null) {
            insert.setNull(9, Types.SMALLINT);
        } else {
            insert.setShort(9, answers.knowledgeScore().shortValue());
        }
        insert.setArray(10, packed);
        insert.setArray(11, connection.createArrayOf("int4",
                java.util.Arrays.stream(answers.notAsked()).boxed().toArray(Integer[]::new)));
        if (collector == null) {
            insert.setNull(12, Types.BIGINT);
        } else {
            insert.setLong(12, collector);
        }
        insert.setLong(13, form.id());
        insert.setArray(14, questionIds);
        insert.setArray(15, texts);
        try (ResultSet result = insert.executeQuery()) {
            result.next();
            return result.getLong(1) == 1;
        }
    }
}

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

    /**
     * Derives a survey's stored background columns and knowledge scores again from the answers, after its question
     * settings changed: the rule of AnswerSheet (background: the choice position, 0 when not stated; score: the
     * credit of each knowledge item answered, in the score unit, none when no item was answered).
     */
    private static final String RESCORE = """
            update survey_response r
            set age_band = coalesce(r.answers[?], 0),
                gender = coalesce(r.answers[?], 0),
                region = coalesce(r.answers[?], 0),
                knowledge_score = (
                    select case when count(*) = 0 then null
                                else sum(case when a.answer = q.answer_key then ? else coalesce(c.credit, 0) / ? end)
                           end
                    from survey_question q
                    cross join lateral (select r.answers[q.slot] as answer) a
                    left join survey_choice c on c.question_id = q.id and c.position = a.answer
                    where q.survey_id = r.survey_id and q.kind = '%s' and a.answer is not null)
            where r.survey_id = ?""".formatted(SurveyQuestion.KNOWLEDGE);

    public static final String WEB = "web";
    public static final String UPLOAD = "upload";
    /** Sent by ODK Collect (or another OpenRosa client) through a collection link. */
    public static final String COLLECT = "collect";

    @Inject
    DataSource dataSource;

    /**
     * Stores a response once per idempotency key; false when that key was already stored. The statement is the whole
     * write, so without a caller's transaction it commits on its own (the pool's connections are in autocommit
     * outside one): when this returns, the commit is durable, and no transaction manager was involved. Inside a
     * caller's transaction (an OpenRosa submission) it is part of that one.
     *
     * @param collector the OpenRosa collection link the response came through, null for the web form and uploads
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean store(SurveyForm form, Wave wave, String language, String source, Long collector, UUID key,
            AnswerSheet.Answers answers) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            return store(connection, insert, form, wave, language, source, collector, key, answers);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing a survey response failed", e);
        }
    }

    /**
     * Rescores every stored response of a survey in the caller's transaction; returns how many there are.
     *
     * @param ageBand the slot of the age band question, null without one (likewise gender and region)
     * @param scoreUnit what a unit of the stored score is worth, in percent ({@link SurveyForm#scoreUnit()})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rescore(long surveyId, Integer ageBand, Integer gender, Integer region, int scoreUnit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement rescore = connection.prepareStatement(RESCORE)) {
            rescore.setObject(1, ageBand, Types.INTEGER);
            rescore.setObject(2, gender, Types.INTEGER);
            rescore.setObject(3, region, Types.INTEGER);
            rescore.setInt(4, SurveyForm.FULL_CREDIT / scoreUnit);
            rescore.setInt(5, scoreUnit);
            rescore.setLong(6, surveyId);
            return rescore.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Rescoring the responses of survey " + surveyId + " failed", e);
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

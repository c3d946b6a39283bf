package org.beacon.campaign.survey;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
     * {@link #INSERT} for an answer judged on a kept survey version ({@link SurveyForms}): written only when the
     * version, its question settings and the wave's state it was judged on are still the stored ones; the second
     * column says whether they were.
     */
    private static final String INSERT_IF_CURRENT = """
            with current_version as (
                select 1 from survey s join survey_wave w on w.survey_id = s.id and w.wave = ?
                where s.id = ? and s.revision = ? and s.settings_revision = ? and w.status = '%s'),
            r as (
                insert into survey_response (survey_id, wave, idempotency_key, source, language, age_band, gender,
                                             region, knowledge_score, answers, not_asked, collector)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where exists (select 1 from current_version)
                on conflict (survey_id, idempotency_key) do nothing
                returning id),
            p as (insert into survey_response_pending (response_id, survey_id) select id, ? from r),
            t as (insert into survey_text_answer (response_id, question_id, answer)
                  select r.id, x.question_id, x.answer from r cross join unnest(?::bigint[], ?::text[]) as x(question_id, answer))
            select count(*), exists (select 1 from current_version) from r""".formatted(WaveStatus.open.name());

    /**
     * {@link #INSERT_IF_CURRENT} for many web answers to one survey version and wave at once, in one statement and
     * so one transaction and one flush to disk: the answers come as arrays, one element per answer (the answers and
     * the questions not asked as array literals, the free texts as (answer's ordinal, question, text) triples). An
     * idempotency key sent twice in the group is stored once, with the texts of its first sending.
     */
    private static final String INSERT_TOGETHER_IF_CURRENT = """
            with current_version as (
                select 1 from survey s join survey_wave w on w.survey_id = s.id and w.wave = ?
                where s.id = ? and s.revision = ? and s.settings_revision = ? and w.status = '%s'),
            x as (
                select distinct on (idempotency_key) * from unnest(?::uuid[], ?::varchar[], ?::int2[], ?::int2[],
                    ?::int2[], ?::int2[], ?::text[], ?::text[])
                    with ordinality as x(idempotency_key, language, age_band, gender, region, knowledge_score, answers,
                                         not_asked, n)
                order by idempotency_key, n),
            r as (
                insert into survey_response (survey_id, wave, idempotency_key, source, language, age_band, gender,
                                             region, knowledge_score, answers, not_asked, collector)
                select ?, ?, x.idempotency_key, '%s', x.language, x.age_band, x.gender, x.region, x.knowledge_score,
                       x.answers::integer[], x.not_asked::integer[], null
                from x where exists (select 1 from current_version)
                on conflict (survey_id, idempotency_key) do nothing
                returning id, idempotency_key),
            p as (insert into survey_response_pending (response_id, survey_id) select id, ? from r),
            t as (insert into survey_text_answer (response_id, question_id, answer)
                  select r.id, a.question_id, a.answer
                  from unnest(?::int8[], ?::int8[], ?::text[]) as a(n, question_id, answer)
                  join x on x.n = a.n join r on r.idempotency_key = x.idempotency_key)
            select exists (select 1 from current_version)""".formatted(WaveStatus.open.name(), ResponseStore.WEB);

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

    /** What {@link #storeIfCurrent} did with an answer. */
    public enum Stored {
        /** Stored now, durably. */
        NEW,
        /** Its idempotency key was stored before: the same answer sent again. */
        ALREADY,
        /** Not stored: the survey has another version or settings, or the wave is not open, since it was judged. */
        NOT_CURRENT
    }

    /**
     * Stores a web answer judged on {@code judged} (a version kept in memory), only if that version, its settings
     * and the open wave are still what is stored: one statement, committed on its own as {@link #store} does, so
     * when this returns NEW or ALREADY the answer is durable.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Stored storeIfCurrent(SurveyForms.Located judged, Wave wave, String language, UUID key,
            AnswerSheet.Answers answers) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_IF_CURRENT)) {
            insert.setString(1, wave.id());
            insert.setLong(2, judged.form().id());
            insert.setInt(3, judged.form().revision());
            insert.setInt(4, judged.settingsRevision());
            bind(connection, insert, 5, judged.form(), wave, language, WEB, null, key, answers);
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                if (!result.getBoolean(2)) {
                    return Stored.NOT_CURRENT;
                }
                return result.getLong(1) == 1 ? Stored.NEW : Stored.ALREADY;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing a survey response failed", e);
        }
    }

    /** A web answer waiting to be stored with others ({@link GroupCommit}), judged on a kept survey version. */
    record WebAnswer(SurveyForms.Located judged, Wave wave, String language, UUID key, AnswerSheet.Answers answers) {
    }

    /**
     * Stores web answers judged on the same survey version, settings and wave in one statement, committed on its own
     * (no caller's transaction): when this returns true, every one of them is durable; false when that version or
     * the open wave is no longer the stored one, and none was stored. Any error stores none of them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    boolean storeTogetherIfCurrent(List<WebAnswer> together) {
        WebAnswer first = together.get(0);
        int size = together.size();
        UUID[] keys = new UUID[size];
        String[] languages = new String[size];
        Short[] ageBands = new Short[size];
        Short[] genders = new Short[size];
        Short[] regions = new Short[size];
        Short[] scores = new Short[size];
        String[] packed = new String[size];
        String[] notAsked = new String[size];
        List<Long> textAnswerOf = new ArrayList<>();
        List<Long> textQuestions = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            WebAnswer answer = together.get(i);
            AnswerSheet.Answers answers = answer.answers();
            keys[i] = answer.key();
            languages[i] = answer.language();
            ageBands[i] = (short) answers.ageBand();
            genders[i] = (short) answers.gender();
            regions[i] = (short) answers.region();
            scores[i] = answers.knowledgeScore() == null ? null : answers.knowledgeScore().shortValue();
            packed[i] = arrayLiteral(Arrays.stream(answers.packed()));
            notAsked[i] = arrayLiteral(Arrays.stream(answers.notAsked()).boxed());
            long ordinal = i + 1;
            answers.texts().forEach((question, text) -> {
                textAnswerOf.add(ordinal);
                textQuestions.add(question);
                texts.add(text);
            });
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_TOGETHER_IF_CURRENT)) {
            insert.setString(1, first.wave().id());
            insert.setLong(2, first.judged().form().id());
            insert.setInt(3, first.judged().form().revision());
            insert.setInt(4, first.judged().settingsRevision());
            insert.setArray(5, connection.createArrayOf("uuid", keys));
            insert.setArray(6, connection.createArrayOf("varchar", languages));
            insert.setArray(7, connection.createArrayOf("int2", ageBands));
            insert.setArray(8, connection.createArrayOf("int2", genders));
            insert.setArray(9, connection.createArrayOf("int2", regions));
            insert.setArray(10, connection.createArrayOf("int2", scores));
            insert.setArray(11, connection.createArrayOf("text", packed));
            insert.setArray(12, connection.createArrayOf("text", notAsked));
            insert.setLong(13, first.judged().form().id());
            insert.setShort(14, (short) first.wave().code());
            insert.setLong(15, first.judged().form().id());
            insert.setArray(16, connection.createArrayOf("int8", textAnswerOf.toArray(new Long[0])));
            insert.setArray(17, connection.createArrayOf("int8", textQuestions.toArray(new Long[0])));
            insert.setArray(18, connection.createArrayOf("text", texts.toArray(new String[0])));
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing " + size + " survey responses together failed", e);
        }
    }

    /** PostgreSQL's literal of an integer array, nulls included: {1,NULL,3}. */
    private static String arrayLiteral(Stream<Integer> values) {
        return values.map(v -> v == null ? "NULL" : v.toString())
                .collect(Collectors.joining(",", "{", "}"));
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
        bind(connection, insert, 1, form, wave, language, source, collector, key, answers);
        try (ResultSet result = insert.executeQuery()) {
            result.next();
            return result.getLong(1) == 1;
        }
    }

    /** Binds the response's parameters of {@link #INSERT}, the first of them at {@code first}. */
    private static void bind(Connection connection, PreparedStatement insert, int first, SurveyForm form, Wave wave,
            String language, String source, Long collector, UUID key, AnswerSheet.Answers answers)
            throws SQLException {
        int at = first - 1;
        Array packed = connection.createArrayOf("int4", answers.packed());
        Array questionIds = connection.createArrayOf("int8", answers.texts().keySet().toArray(new Long[0]));
        Array texts = connection.createArrayOf("text", answers.texts().values().toArray(new String[0]));
        insert.setLong(at + 1, form.id());
        insert.setShort(at + 2, (short) wave.code());
        insert.setObject(at + 3, key);
        insert.setString(at + 4, source);
        insert.setString(at + 5, language);
        insert.setShort(at + 6, (short) answers.ageBand());
        insert.setShort(at + 7, (short) answers.gender());
        insert.setShort(at + 8, (short) answers.region());
        if (answers.knowledgeScore() == null) {
            insert.setNull(at + 9, Types.SMALLINT);
        } else {
            insert.setShort(at + 9, answers.knowledgeScore().shortValue());
        }
        insert.setArray(at + 10, packed);
        insert.setArray(at + 11, connection.createArrayOf("int4",
                Arrays.stream(answers.notAsked()).boxed().toArray(Integer[]::new)));
        if (collector == null) {
            insert.setNull(at + 12, Types.BIGINT);
        } else {
            insert.setLong(at + 12, collector);
        }
        insert.setLong(at + 13, form.id());
        insert.setArray(at + 14, questionIds);
        insert.setArray(at + 15, texts);
    }
}

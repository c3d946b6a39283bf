package org.beacon.campaign.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.campaign.survey.Wave;

/**
 * The SQL that results read. The one query behind every results output: the rollup plus the responses not folded into it yet, for everyone and
 * each breakdown dimension's groups (dim_b = 0) and, when a breakdown is filtered, one pair of dimensions' groups.
 * The rollup already holds each group's sums, so the database reads a range of its index and adds the pending
 * responses; Java receives only the aggregates.
 */
@ApplicationScoped
public class ResultsQueries {

    static final String AGGREGATE = """
            with cells as (
                select wave, question_id, choice, dim_a, value_a, dim_b, value_b, n, total, total_sq, low, high
                from survey_tally
                where survey_id = ? and (dim_b = 0 or dim_b = ? and dim_a = ?)
                union all
                select c.wave, c.question_id, c.choice, g.dim_a, g.value_a, g.dim_b, g.value_b, 1, c.total,
                       c.total::numeric * c.total, c.value, c.value
                from survey_response_pending p
                join survey_response_cell c on c.response_id = p.response_id
                join survey_response_group g on g.response_id = p.response_id
                where p.survey_id = ? and (g.dim_b = 0 or g.dim_b = ? and g.dim_a = ?))
            select wave, question_id, choice, dim_a, value_a, dim_b, value_b, sum(n), sum(total), sum(total_sq),
                   min(low), max(high)
            from cells
            group by wave, question_id, choice, dim_a, value_a, dim_b, value_b""";

    /** No pair of dimensions: dim_b is never this. */
    private static final long NO_PAIR = Long.MIN_VALUE;

    /**
     * How many responses the survey's figures count: those folded into the rollup (its everyone-row of respondents,
     * one per wave) and those still queued. Responses are only ever added, never changed or removed (a settings
     * change re-derives them and changes the form), so with the form this names the figures exactly, for a few
     * index reads where the figures themselves are thousands of rows.
     */
    static final String RESPONSES = """
            select (select coalesce(sum(n), 0) from survey_tally
                    where survey_id = ? and dim_b = 0 and dim_a = 0 and question_id = 0 and choice = 0)
                 + (select count(*) from survey_response_pending where survey_id = ?)""";

    /**
     * Everything a served results request depends on besides the figures, and the figures' number of responses, in
     * one round trip (see {@link Stamp}): the survey's campaign (organization, title), the form's revision and
     * settings revision, the opened waves, the organization's k, the manager's breakdown decision and the collection
     * teams. No row when there is no survey.
     */
    static final String STAMP = """
            select c.organization, c.title, s.revision, s.settings_revision,
                   (select string_agg(w.wave, ',' order by w.wave) from survey_wave w where w.survey_id = s.id),
                   (select p.min_cell_size from survey_disclosure_policy p where p.organization = c.organization),
                   (select b.collector from survey_breakdown_setting b where b.survey_id = s.id),
                   (select string_agg(q.question_id::text, ',' order by q.question_id)
                    from survey_breakdown_question q where q.survey_id = s.id),
                   (select md5(string_agg(l.id || ':' || l.name, chr(10) order by l.id))
                    from collection_link l where l.survey_id = s.id),
                   (select coalesce(sum(t.n), 0) from survey_tally t
                    where t.survey_id = s.id and t.dim_b = 0 and t.dim_a = 0 and t.question_id = 0 and t.choice = 0)
                   + (select count(*) from survey_response_pending r where r.survey_id = s.id)
            from survey s join campaign c on c.id = s.campaign_id
            where s.id = ?""";

    /**
     * What a results request reads, named by a few index reads: {@code state} changes with anything the figures or
     * their disclosure depend on besides the responses (a re-import or settings change bumps the form's revisions, a
     * wave opened, k changed, a breakdown decision, a collection link added or renamed), and {@code responses} with
     * every submission, upload or rebuild (see {@link #RESPONSES}).
     */
    record Stamp(String organization, State state, long responses) {
    }

    /** The part of a {@link Stamp} that is not the figures' count: equal states read the same form and settings. */
    record State(long surveyId, int revision, int settingsRevision, String campaignTitle, String waves,
            Integer minCellSize, Boolean collector, String dimensions, String teams) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    /** How many responses the survey's figures count now (see {@link #RESPONSES}). */
    public long responses(long surveyId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(RESPONSES)) {
            query.setLong(1, surveyId);
            query.setLong(2, surveyId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting the responses of survey " + surveyId + " failed", e);
        }
    }

    /** The survey's {@link Stamp}; empty when there is no such survey. */
    public Optional<Stamp> stamp(long surveyId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(STAMP)) {
            query.setLong(1, surveyId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int k = row.getInt(6);
                Integer minCellSize = row.wasNull() ? null : k;
                boolean collector = row.getBoolean(7);
                Boolean decided = row.wasNull() ? null : collector;
                State state = new State(surveyId, row.getInt(3), row.getInt(4), row.getString(2), row.getString(5),
                        minCellSize, decided, row.getString(8), row.getString(9));
                return Optional.of(new Stamp(row.getString(1), state, row.getLong(10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the results state of survey " + surveyId + " failed", e);
        }
    }

    /** How many respondents of a wave answered a free-text question. */
    long textsAnswered(long questionId, Wave wave) {
        return ((Number) entityManager.createNativeQuery("""
                select count(*) from survey_text_answer t join survey_response r on r.id = t.response_id
                where t.question_id = ?1 and r.wave = ?2""")
                .setParameter(1, questionId).setParameter(2, (short) wave.code())
                .getSingleResult()).longValue();
    }

    /** A free-text question's answers in a wave, newest first, from the first-th on. */
    @SuppressWarnings("unchecked")
    List<String> texts(long questionId, Wave wave, int first, int max) {
        return entityManager.createNativeQuery("""
                select t.answer from survey_text_answer t join survey_response r on r.id = t.response_id
                where t.question_id = ?1 and r.wave = ?2 order by t.response_id desc""")
                .setParameter(1, questionId).setParameter(2, (short) wave.code())
                .setFirstResult(first).setMaxResults(max)
                .getResultList();
    }

    public Tally tally(long surveyId) {
        return tally(surveyId, null);
    }

    /** @param pair a filtered dimension whose groups (pairs with its filter) are read too; null for none */
    public Tally tally(long surveyId, Dimension pair) {
        long dimA = pair == null ? NO_PAIR : Math.min(pair.id(), pair.filter());
        long dimB = pair == null ? NO_PAIR : Math.max(pair.id(), pair.filter());
        Tally tally = new Tally();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(AGGREGATE)) {
            for (int offset : new int[] { 0, 3 }) {
                query.setLong(offset + 1, surveyId);
                query.setLong(offset + 2, dimB);
                query.setLong(offset + 3, dimA);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tally.put(rows.getInt(1), rows.getLong(2), rows.getInt(3), rows.getLong(4), rows.getInt(5),
                            rows.getLong(6), rows.getInt(7), new Tally.Sums(rows.getLong(8), rows.getLong(9),
                                    rows.getDouble(10), rows.getObject(11, Long.class),
                                    rows.getObject(12, Long.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Computing survey results failed", e);
        }
        return tally;
    }
}

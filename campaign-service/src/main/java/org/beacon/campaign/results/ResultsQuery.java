package org.beacon.campaign.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one query behind every results output: the rollup plus the responses not folded into it yet, for everyone and
 * each breakdown dimension's groups (dim_b = 0) and, when a breakdown is filtered, one pair of dimensions' groups.
 * The rollup already holds each group's sums, so the database reads a range of its index and adds the pending
 * responses; Java receives only the aggregates.
 */
@ApplicationScoped
public class ResultsQuery {

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

    @Inject
    DataSource dataSource;

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

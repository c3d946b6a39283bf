package org.beacon.campaign.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one query behind every results output: the rollup plus the responses not folded into it yet, summed per
 * wave, question and choice for everyone and per background dimension in a single pass (GROUPING SETS). The
 * database does the counting; Java receives only the aggregates.
 */
@ApplicationScoped
public class ResultsQuery {

    static final String AGGREGATE = """
            with cells as (
                select wave, question_id, choice, age_band, gender, region, n, total, total_sq, low, high
                from survey_tally where survey_id = ?
                union all
                select c.wave, c.question_id, c.choice, c.age_band, c.gender, c.region, 1, c.total,
                       c.total::numeric * c.total, c.value, c.value
                from survey_response_pending p join survey_response_cell c on c.response_id = p.response_id
                where p.survey_id = ?)
            select wave, question_id, choice, age_band, gender, region, sum(n), sum(total), sum(total_sq),
                   grouping(age_band), grouping(gender), grouping(region), min(low), max(high)
            from cells
            group by grouping sets ((wave, question_id, choice), (wave, question_id, choice, age_band),
                                    (wave, question_id, choice, gender), (wave, question_id, choice, region))""";

    @Inject
    DataSource dataSource;

    public Tally tally(long surveyId) {
        Tally tally = new Tally();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(AGGREGATE)) {
            query.setLong(1, surveyId);
            query.setLong(2, surveyId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Dimension dimension;
                    int value;
                    if (rows.getInt(10) == 0) {
                        dimension = Dimension.AGE_BAND;
                        value = rows.getInt(4);
                    } else if (rows.getInt(11) == 0) {
                        dimension = Dimension.GENDER;
                        value = rows.getInt(5);
                    } else if (rows.getInt(12) == 0) {
                        dimension = Dimension.REGION;
                        value = rows.getInt(6);
                    } else {
                        dimension = Dimension.ALL;
                        value = 0;
                    }
                    tally.put(new Tally.Key(rows.getInt(1), rows.getLong(2), rows.getInt(3), dimension, value),
                            new Tally.Sums(rows.getLong(7), rows.getLong(8), rows.getDouble(9),
                                    rows.getObject(13, Long.class), rows.getObject(14, Long.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Computing survey results failed", e);
        }
        return tally;
    }
}

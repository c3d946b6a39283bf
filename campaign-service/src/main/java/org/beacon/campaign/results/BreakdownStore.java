package org.beacon.campaign.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.beacon.campaign.survey.Wave;

/** The SQL of breakdown dimensions: the manager's decision, the survey's collection teams, rebuilding the rollup. */
@ApplicationScoped
public class BreakdownStore {

    /** A manager's decision: the questions allowed and whether answers per collection team are. */
    public record Decision(Set<Long> questions, boolean collector) {
    }

    @Inject
    DataSource dataSource;

    /** The manager's decision; empty while the survey keeps the default. */
    public Optional<Decision> decision(long surveyId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement setting = connection.prepareStatement(
                        "select collector from survey_breakdown_setting where survey_id = ?");
                PreparedStatement questions = connection.prepareStatement(
                        "select question_id from survey_breakdown_question where survey_id = ? order by question_id")) {
            setting.setLong(1, surveyId);
            boolean collector;
            try (ResultSet row = setting.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                collector = row.getBoolean(1);
            }
            questions.setLong(1, surveyId);
            Set<Long> allowed = new LinkedHashSet<>();
            try (ResultSet rows = questions.executeQuery()) {
                while (rows.next()) {
                    allowed.add(rows.getLong(1));
                }
            }
            return Optional.of(new Decision(allowed, collector));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the breakdown dimensions of survey " + surveyId + " failed", e);
        }
    }

    /** The survey's collection links by id with their teams and waves, revoked ones included (their answers count). */
    public Map<Integer, BreakdownAxis.Team> teams(long surveyId) {
        Map<Integer, BreakdownAxis.Team> teams = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select id, name, wave from collection_link where survey_id = ? order by id")) {
            query.setLong(1, surveyId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    teams.put(rows.getInt(1), new BreakdownAxis.Team(rows.getString(2), Wave.parse(rows.getString(3))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the collection teams of survey " + surveyId + " failed", e);
        }
        return teams;
    }

    /**
     * Stores a decision in the caller's transaction; the caller rebuilds the rollup for it ({@link Rollup#rebuild}).
     */
    public void store(long surveyId, Decision decision, String changedBy) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into survey_breakdown_setting (survey_id, collector, changed_by) values (?, ?, ?)
                    on conflict (survey_id) do update
                    set collector = excluded.collector, changed_by = excluded.changed_by, changed_at = now()""")) {
                upsert.setLong(1, surveyId);
                upsert.setBoolean(2, decision.collector());
                upsert.setString(3, changedBy);
                upsert.executeUpdate();
            }
            update(connection, "delete from survey_breakdown_question where survey_id = ?", surveyId);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into survey_breakdown_question (survey_id, question_id) values (?, ?)")) {
                for (long question : decision.questions()) {
                    insert.setLong(1, surveyId);
                    insert.setLong(2, question);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the breakdown dimensions of survey " + surveyId + " failed", e);
        }
    }

    private static void update(Connection connection, String sql, long surveyId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, surveyId);
            statement.executeUpdate();
        }
    }
}

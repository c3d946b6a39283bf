package org.beacon.campaign.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The SQL of the rollup (survey_tally): folding a batch of queued responses into it ({@link TallyFold} decides
 * when) and emptying it for a rebuild ({@link Rollup} decides why).
 */
@ApplicationScoped
public class TallyStore {

    /**
     * The oldest waiting response's survey: a batch is one survey's responses, since each survey has its own
     * breakdown dimensions.
     */
    private static final String NEXT_SURVEY = """
            select survey_id from survey_response_pending order by response_id limit 1""";

    private static final String DIMENSIONS = """
            select dimension, slot from survey_breakdown_dimension where survey_id = ? order by dimension""";

    /**
     * Sorting a batch's cells for each group (see {@link #foldStatement}) stays in memory: a batch of 1,000
     * responses with 5 dimensions sorts about 35,000 cells of some 60 bytes 22 times.
     */
    private static final String SORT_MEMORY = "set local work_mem = '32MB'";

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    /** Folds one batch; -1 when another instance holds the fold, 0 when nothing waits. */
    int foldBatch(int batch) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, TallyFold.LOCK);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        return -1;
                    }
                }
            }
            long survey;
            try (PreparedStatement next = connection.prepareStatement(NEXT_SURVEY);
                    ResultSet result = next.executeQuery()) {
                if (!result.next()) {
                    return 0;
                }
                survey = result.getLong(1);
            }
            List<Long> dimensions = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            try (PreparedStatement read = connection.prepareStatement(DIMENSIONS)) {
                read.setLong(1, survey);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        dimensions.add(rows.getLong(1));
                        slots.add((Integer) rows.getObject(2));
                    }
                }
            }
            try (Statement memory = connection.createStatement()) {
                memory.execute(SORT_MEMORY);
            }
            try (PreparedStatement fold = connection.prepareStatement(foldStatement(slots))) {
                fold.setLong(1, survey);
                fold.setInt(2, batch);
                fold.setArray(3, connection.createArrayOf("int8", dimensions.toArray()));
                try (ResultSet result = fold.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Folding survey responses into the tally failed", e);
        }
    }

    /**
     * One statement folds a batch of one survey's responses: it takes them off the queue, adds their cells
     * (survey_response_cell, V33) to every group they count in and returns how many responses it took. The groups
     * are those of survey_response_group (V36), everyone, each dimension's group and each pair's, but computed as
     * the GROUPING SETS of one pass over the batch's cells, each cell carrying its response's value of every
     * dimension (0 for "not stated"): the database sorts the batch's cells once per group instead of joining every
     * cell with every group of its response (22 rows per cell with 6 dimensions, sorted together). In a result row
     * the dimensions grouped by are those whose value is not null; they are decoded against the survey's
     * dimensions, in the order of their ids, so a pair's first dimension is the smaller one, as in the view. The
     * rollup is written by one fold at a time (the advisory lock, which {@link Rollup#rebuild} takes as well), so
     * rows are upserted in the order the aggregation produces them.
     *
     * @param slots per dimension in id order, the slot of its question's answer; null for the collection team
     */
    static String foldStatement(List<Integer> slots) {
        List<String> values = new ArrayList<>();
        List<String> sets = new ArrayList<>(List.of("()"));
        for (int i = 0; i < slots.size(); i++) {
            Integer slot = slots.get(i);
            values.add((slot == null ? "coalesce(r.collector, 0)::integer" : "coalesce(r.answers[" + slot + "], 0)")
                    + " as v" + i);
            sets.add("(v" + i + ")");
        }
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                sets.add("(v" + i + ", v" + j + ")");
            }
        }
        String columns = String.join(", ", IntStream.range(0, slots.size()).mapToObj(i -> "v" + i).toList());
        String grouped = slots.isEmpty() ? "'{}'::integer[]" : "array[" + columns + "]";
        return """
                with batch as (
                    delete from survey_response_pending
                    where response_id in (select response_id from survey_response_pending where survey_id = ?
                                          order by response_id limit ? for update skip locked)
                    returning response_id),
                cell as (
                    select c.survey_id, c.wave, c.question_id, c.choice, c.total, c.value%s
                    from batch b
                    join survey_response r on r.id = b.response_id
                    join survey_response_cell c on c.response_id = b.response_id),
                summed as (
                    select survey_id, wave, question_id, choice, %s as grouped, count(*) as n, sum(total) as total,
                           sum(total * total) as total_sq, min(value) as low, max(value) as high
                    from cell
                    group by survey_id, wave, question_id, choice, grouping sets (%s)),
                dimension as (select ?::bigint[] as ids),
                folded as (
                    insert into survey_tally (survey_id, dim_b, dim_a, wave, question_id, choice, value_a, value_b,
                                              n, total, total_sq, low, high)
                    select s.survey_id, coalesce(d.ids[g.b], 0), coalesce(d.ids[g.a], 0), s.wave, s.question_id,
                           s.choice, coalesce(s.grouped[g.a], 0), coalesce(s.grouped[g.b], 0), s.n, s.total,
                           s.total_sq, s.low, s.high
                    from summed s
                    cross join dimension d
                    cross join lateral (
                        select min(u.i) as a, case when count(*) = 2 then max(u.i) end as b
                        from unnest(s.grouped) with ordinality as u(value, i)
                        where u.value is not null) g
                    on conflict (survey_id, dim_b, dim_a, wave, question_id, choice, value_a, value_b) do update
                    set n = survey_tally.n + excluded.n,
                        total = survey_tally.total + excluded.total,
                        total_sq = survey_tally.total_sq + excluded.total_sq,
                        low = least(survey_tally.low, excluded.low),
                        high = greatest(survey_tally.high, excluded.high))
                select count(*) from batch""".formatted(values.isEmpty() ? "" : ", " + String.join(", ", values),
                grouped, String.join(", ", sets));
    }

    /**
     * Deletes every rollup row of the survey and queues all its responses, in the caller's transaction, after
     * waiting for a fold that is running (see {@link Rollup#rebuild}).
     */
    void rebuild(long surveyId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, TallyFold.LOCK)
                .getSingleResult();
        entityManager.createNativeQuery("delete from survey_tally where survey_id = ?1").setParameter(1, surveyId)
                .executeUpdate();
        entityManager.createNativeQuery("""
                insert into survey_response_pending (response_id, survey_id)
                select id, survey_id from survey_response where survey_id = ?1
                on conflict (response_id) do nothing""").setParameter(1, surveyId).executeUpdate();
    }
}

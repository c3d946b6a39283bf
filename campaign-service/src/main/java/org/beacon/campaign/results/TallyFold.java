package org.beacon.campaign.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.commons.web.Dependency;
import org.beacon.commons.web.Outages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Folds newly stored responses into the rollup (survey_tally) in batches. Submissions only append, so they never
 * wait on a hot rollup row; the results query adds the few responses not folded yet, so figures are exact at any
 * moment. The fold deletes its batch from the queue and adds it to the tally in one transaction: a response is
 * counted once whether or not the fold has reached it.
 */
@ApplicationScoped
public class TallyFold {

    /** One folder at a time across all instances; the others skip their turn. */
    static final long LOCK = 0x5375727665794cL;
    private static final Duration WAIT_FOR_OTHERS = Duration.ofMinutes(1);

    /** Each response's cells, once in every group it counts in (see survey_response_group, V36). */
    private static final String FOLD = """
            with batch as (
                delete from survey_response_pending
                where response_id in (select response_id from survey_response_pending
                                      order by response_id limit ? for update skip locked)
                returning response_id)
            insert into survey_tally (survey_id, dim_b, dim_a, wave, question_id, choice, value_a, value_b, n, total,
                                      total_sq, low, high)
            select c.survey_id, g.dim_b, g.dim_a, c.wave, c.question_id, c.choice, g.value_a, g.value_b,
                   count(*), sum(c.total), sum(c.total::numeric * c.total), min(c.value), max(c.value)
            from batch b
            join survey_response_cell c on c.response_id = b.response_id
            join survey_response_group g on g.response_id = b.response_id
            group by 1, 2, 3, 4, 5, 6, 7, 8
            order by 1, 2, 3, 4, 5, 6, 7, 8
            on conflict (survey_id, dim_b, dim_a, wave, question_id, choice, value_a, value_b) do update
            set n = survey_tally.n + excluded.n,
                total = survey_tally.total + excluded.total,
                total_sq = survey_tally.total_sq + excluded.total_sq,
                low = least(survey_tally.low, excluded.low),
                high = greatest(survey_tally.high, excluded.high)""";

    @Inject
    DataSource dataSource;

    @Inject
    Outages outages;

    @ConfigProperty(name = "beacon.surveys.fold-batch", defaultValue = "5000")
    int batch;

    @Scheduled(every = "${beacon.surveys.fold-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            fold(false);
        } catch (RuntimeException e) {
            // The queue waits in the database; with the database away there is nothing to fold, and the outage is
            // logged once rather than with a stack trace every few seconds.
            if (Dependency.unreachable(e).isEmpty()) {
                throw e;
            }
            outages.failed(Dependency.DATABASE, e);
        }
    }

    /**
     * Folds until the queue is empty; returns how many responses were folded here. A fold that another instance
     * (or this one's schedule) is running is waited for, so the queue really is empty on return.
     */
    public long foldAll() {
        return fold(true);
    }

    private long fold(boolean waitForOthers) {
        long folded = 0;
        long deadline = System.nanoTime() + WAIT_FOR_OTHERS.toNanos();
        while (true) {
            int responses = QuarkusTransaction.requiringNew().call(this::foldBatch);
            if (responses < 0 && waitForOthers) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Another fold held the survey tally for " + WAIT_FOR_OTHERS);
                }
                pause();
                continue;
            }
            if (responses <= 0) {
                return folded;
            }
            folded += responses;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another fold", e);
        }
    }

    /** Folds one batch; -1 when another instance holds the fold, 0 when nothing waits. */
    private int foldBatch() {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        return -1;
                    }
                }
            }
            int pending;
            try (PreparedStatement count = connection.prepareStatement(
                    "select count(*) from (select 1 from survey_response_pending limit ?) p")) {
                count.setInt(1, batch);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    pending = result.getInt(1);
                }
            }
            if (pending == 0) {
                return 0;
            }
            try (PreparedStatement fold = connection.prepareStatement(FOLD)) {
                fold.setInt(1, batch);
                fold.executeUpdate();
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("Folding survey responses into the tally failed", e);
        }
    }
}

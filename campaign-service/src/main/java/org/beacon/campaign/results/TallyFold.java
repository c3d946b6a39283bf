package org.beacon.campaign.results;

import java.time.Duration;

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

    @Inject
    TallyStore store;

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
        return store.foldBatch(batch);
    }
}

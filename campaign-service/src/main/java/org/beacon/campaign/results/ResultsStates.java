package org.beacon.campaign.results;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * The latest solved results of each reading (a survey as some outputs read it), so that a request does not solve
 * the disclosure problem again when the figures have not changed, and a survey that takes answers continuously does
 * not make each read of its page wait for a new solve. A request names the number of responses the figures count
 * now:
 * <ul>
 * <li>the latest solved state counts them all (or more): it is served as it is;</li>
 * <li>it counts fewer, the request accepts earlier figures, and they were read at most {@code staleFor} ago: the
 * current figures are solved in the background (one solve per reading at a time, which later requests join), the
 * request waits for them at most {@code patience}, and past that it is served the latest solved state, whose "as
 * of" time the page shows;</li>
 * <li>otherwise the request waits for the current figures.</li>
 * </ul>
 * Figures are never mixed: a request shows one solved state, all of it, and every figure in it was checked.
 */
final class ResultsStates {

    private static final Logger LOG = Logger.getLogger(ResultsStates.class);

    private final int capacity;
    private final Duration staleFor;
    private final Duration patience;
    private final Executor background;
    private final Clock clock;
    private final Map<Object, SolvedResults> latest;
    private final Map<Object, CompletableFuture<SolvedResults>> solving = new HashMap<>();

    /**
     * @param capacity readings kept, the least recently read dropped first
     * @param staleFor how old a solved state may be and still be served while newer figures are solved; zero makes
     *        every request wait for the current figures
     * @param patience how long a request that accepts earlier figures waits for the current ones
     * @param background where newer figures are solved
     */
    ResultsStates(int capacity, Duration staleFor, Duration patience, Executor background, Clock clock) {
        this.capacity = capacity;
        this.staleFor = staleFor;
        this.patience = patience;
        this.background = background;
        this.clock = clock;
        this.latest = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, SolvedResults> eldest) {
                return size() > ResultsStates.this.capacity;
            }
        };
    }

    /**
     * The results to show for a reading whose figures count {@code responses} now.
     *
     * @param earlier whether the request may be served earlier figures than the current ones (the page, which says
     *        so); the exports always wait for the current figures
     * @param solve reads the current figures and solves them; it names the responses they count itself, read in the
     *        same snapshot as the figures
     */
    SolvedResults read(Object reading, long responses, boolean earlier, Supplier<SolvedResults> solve) {
        SolvedResults known;
        CompletableFuture<SolvedResults> newer;
        boolean started = false;
        synchronized (latest) {
            known = latest.get(reading);
            if (known != null && known.responses() >= responses) {
                return known;
            }
            if (known == null || !earlier || staleFor.isZero()
                    || clock.instant().isAfter(known.asOf().plus(staleFor))) {
                newer = null;
            } else {
                newer = solving.get(reading);
                if (newer == null) {
                    newer = new CompletableFuture<>();
                    solving.put(reading, newer);
                    started = true;
                }
            }
        }
        if (newer == null) {
            return keep(reading, solve.get());
        }
        if (started) {
            solveLater(reading, solve, newer);
        }
        try {
            return newer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still solving, or failed (logged there): the latest solved state, all of it checked
            return known;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return known;
        }
    }

    /** Solves a reading's current figures in the background, completing {@code newer} with them. */
    private void solveLater(Object reading, Supplier<SolvedResults> solve, CompletableFuture<SolvedResults> newer) {
        Runnable task = () -> {
            try {
                newer.complete(keep(reading, solve.get()));
            } catch (RuntimeException e) {
                // the next request solves again, or waits for its own solve once the kept state is too old
                LOG.warnf(e, "Solving newer survey results in the background failed");
                newer.completeExceptionally(e);
            } finally {
                synchronized (latest) {
                    solving.remove(reading, newer);
                }
            }
        };
        try {
            background.execute(task);
        } catch (RejectedExecutionException e) {
            newer.completeExceptionally(e);
            synchronized (latest) {
                solving.remove(reading, newer);
            }
        }
    }

    /** Keeps a solved state unless a newer one is kept already; returns the newest. */
    private SolvedResults keep(Object reading, SolvedResults solved) {
        synchronized (latest) {
            SolvedResults known = latest.get(reading);
            if (known != null && known.responses() > solved.responses()) {
                return known;
            }
            latest.put(reading, solved);
            return solved;
        }
    }

    /** How many readings are kept now. */
    int size() {
        synchronized (latest) {
            return latest.size();
        }
    }
}

package org.beacon.campaign.results;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.jboss.logging.Logger;

/**
 * Disclosure problems already solved, so that the page, the JSON, the CSV and every breakdown of a survey read the
 * hidden figures instead of solving the same problem again on each request. A problem is named by everything its
 * answer depends on: the survey's form and settings, k, the waves, the breakdown dimensions and the figures
 * themselves (the rollup and the queued responses as the results query returned them). Any change to the answers —
 * a submission, an upload, a rebuild after a settings change — changes the figures and so names a new problem,
 * while a fold, which only moves responses from the queue into the rollup, leaves them and the solved problem as
 * they are. {@link Disclosure} is deterministic, so a replica that solves the same problem again hides the same
 * figures. A solved problem is never changed afterwards: a filtered breakdown works on a copy.
 */
public final class SolvedDisclosures {

    /** Solves every problem again: for results computed outside the service (tests, tools). */
    public static final SolvedDisclosures NONE = new SolvedDisclosures(0);

    /** What a problem depends on; the hash is computed once, the figures being thousands of entries. */
    record Problem(int hash, List<Object> parts) {

        static Problem of(Object... parts) {
            List<Object> all = List.of(parts);
            return new Problem(all.hashCode(), all);
        }

        Problem with(Object... more) {
            Object[] all = new Object[parts.size() + more.length];
            parts.toArray(all);
            System.arraycopy(more, 0, all, parts.size(), more.length);
            return of(all);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Problem problem && problem.hash == hash && problem.parts.equals(parts);
        }
    }

    private static final Logger LOG = Logger.getLogger(SolvedDisclosures.class);
    private static final Duration SHORT_OF_MEMORY_RETRY = Duration.ofSeconds(30);

    private final int capacity;
    private final Map<Problem, Disclosure> solved;
    /** Problems being solved, which a request for the same problem waits for instead of solving it again. */
    private final Map<Problem, CompletableFuture<Disclosure>> solving = new HashMap<>();
    /** Where a request's problem is solved while it waits; null solves it on the caller's thread. */
    private final Executor solver;
    /** How long a request waits for its problem; null waits until it is solved. */
    private final Duration patience;

    /**
     * Problems solved on the caller's thread, each request waiting for its own.
     *
     * @param capacity how many solved problems are kept, the least recently read dropped first; 0 keeps none
     */
    public SolvedDisclosures(int capacity) {
        this(capacity, null, null);
    }

    /**
     * Problems solved on {@code solver}, a request waiting at most {@code patience} for its problem: past that it is
     * answered 503 with {@code Retry-After} while the problem is solved on, and the request after it reads the
     * answer. A large problem (a filtered breakdown's pair of dimensions with the interval rule) can take longer
     * than a client or the gateway waits.
     */
    public SolvedDisclosures(int capacity, Executor solver, Duration patience) {
        this.capacity = capacity;
        this.solved = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Problem, Disclosure> eldest) {
                return size() > capacity;
            }
        };
        this.solver = solver;
        this.patience = patience;
    }

    /**
     * The solved problem, solving it when it is neither kept nor being solved. Other surveys' requests never wait
     * for it: solving happens outside the lock.
     *
     * @throws ProblemException 503 with {@code Retry-After} when it is not solved within the patience
     */
    Disclosure solve(Problem problem, Supplier<Disclosure> solve) {
        if (capacity == 0) {
            return solve.get();
        }
        CompletableFuture<Disclosure> answer;
        boolean start = false;
        synchronized (solved) {
            Disclosure known = solved.get(problem);
            if (known != null) {
                return known;
            }
            answer = solving.get(problem);
            if (answer == null) {
                answer = new CompletableFuture<>();
                solving.put(problem, answer);
                start = true;
            }
        }
        if (start) {
            CompletableFuture<Disclosure> started = answer;
            Runnable task = () -> {
                try {
                    Disclosure disclosure = solve.get();
                    synchronized (solved) {
                        solved.putIfAbsent(problem, disclosure);
                        solving.remove(problem);
                    }
                    started.complete(disclosure);
                } catch (RuntimeException | Error failure) {
                    synchronized (solved) {
                        solving.remove(problem);
                    }
                    started.completeExceptionally(failure);
                }
            };
            if (solver == null) {
                task.run();
            } else {
                try {
                    solver.execute(task);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    task.run(); // the service is stopping: this request solves its own
                }
            }
        }
        return await(answer);
    }

    private Disclosure await(CompletableFuture<Disclosure> answer) {
        try {
            return patience == null ? answer.get() : answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillSolving) {
            throw ProblemException.notReadyYet(Reason.of("results.preparing"), patience);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof OutOfMemoryError) {
                // The service ran short of memory for this problem (its searches are bounded, but other work shares
                // the heap): nothing was kept, and the next request solves it again.
                LOG.warn("Solving a disclosure problem ran out of memory; answered 503", failed.getCause());
                throw ProblemException.notReadyYet(Reason.of("results.short-of-memory"), SHORT_OF_MEMORY_RETRY);
            }
            throw new IllegalStateException("Solving a disclosure problem failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw ProblemException.notReadyYet(Reason.of("results.preparing"),
                    patience == null ? Duration.ofSeconds(1) : patience);
        }
    }

    /** How many solved problems are kept now. */
    int size() {
        synchronized (solved) {
            return solved.size();
        }
    }
}

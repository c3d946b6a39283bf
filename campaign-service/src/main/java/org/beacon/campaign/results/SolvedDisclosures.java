package org.beacon.campaign.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

    private final int capacity;
    private final Map<Problem, Disclosure> solved;

    /** @param capacity how many solved problems are kept, the least recently read dropped first; 0 keeps none */
    public SolvedDisclosures(int capacity) {
        this.capacity = capacity;
        this.solved = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Problem, Disclosure> eldest) {
                return size() > SolvedDisclosures.this.capacity;
            }
        };
    }

    /**
     * The solved problem, solving it when it is not kept. Two requests that miss together both solve it and get
     * the same answer; solving happens outside the lock so that other surveys' requests do not wait.
     */
    Disclosure solve(Problem problem, Supplier<Disclosure> solver) {
        if (capacity == 0) {
            return solver.get();
        }
        synchronized (solved) {
            Disclosure known = solved.get(problem);
            if (known != null) {
                return known;
            }
        }
        Disclosure disclosure = solver.get();
        synchronized (solved) {
            solved.putIfAbsent(problem, disclosure);
        }
        return disclosure;
    }

    /** How many solved problems are kept now. */
    int size() {
        synchronized (solved) {
            return solved.size();
        }
    }
}

package org.beacon.campaign.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stores the web form's answers, one statement each, or, with {@code beacon.surveys.group-commit.enabled}, those sent
 * at the same moment together: one statement, one transaction and one flush to disk for all of them.
 *
 * <p>Each answer waits in a queue. A request finding a writer's place free (at most {@code writers} at once) takes
 * what is queued (up to {@code max-answers}), stores it and hands every waiting request its own outcome; the others
 * sleep until theirs comes or a writer leaves. A request returns only once its answer's statement has committed: no
 * answer is thanked before it is durable. When a statement fails (one answer PostgreSQL refuses, a lost connection),
 * none of its answers is stored, and each is stored again on its own, so that a bad answer gets its own refusal and
 * the others are stored as if they had come alone.
 */
@ApplicationScoped
public class GroupCommit {

    /** How long a waiting request sleeps before looking again, should no writer wake it (none is lost: a bound). */
    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    @Inject
    ResponseStore responses;

    @Inject
    SurveysConfig surveysConfig;

    /** An answer and the request waiting for its outcome: a {@link ResponseStore.Stored} or the failure. */
    private static final class Waiting {
        final ResponseStore.WebAnswer answer;
        final Thread request = Thread.currentThread();
        volatile Object outcome;

        Waiting(ResponseStore.WebAnswer answer) {
            this.answer = answer;
        }

        void complete(Object result) {
            outcome = result;
            LockSupport.unpark(request);
        }
    }

    private final Queue<Waiting> queued = new ConcurrentLinkedQueue<>();
    private Semaphore writers;

    @PostConstruct
    void places() {
        writers = new Semaphore(Math.max(1, surveysConfig.groupCommit().writers()));
    }

    /**
     * Stores a web answer judged on {@code judged} if that version and open wave are still the stored ones
     * ({@link ResponseStore#storeIfCurrent}); returns once it is durable.
     */
    public ResponseStore.Stored store(SurveyForms.Located judged, Wave wave, String language, UUID key,
            AnswerSheet.Answers answers) {
        if (!surveysConfig.groupCommit().enabled()) {
            return responses.storeIfCurrent(judged, wave, language, key, answers);
        }
        Waiting mine = new Waiting(new ResponseStore.WebAnswer(judged, wave, language, key, answers));
        queued.add(mine);
        while (mine.outcome == null) {
            if (writers.tryAcquire()) {
                try {
                    write(take());
                } finally {
                    writers.release();
                }
                // an answer queued while every writer was busy: its request takes the place just left
                Waiting next = queued.peek();
                if (next != null) {
                    LockSupport.unpark(next.request);
                }
            } else {
                LockSupport.parkNanos(this, WAIT_NANOS);
            }
        }
        if (mine.outcome instanceof RuntimeException failure) {
            throw failure;
        }
        return (ResponseStore.Stored) mine.outcome;
    }

    /** How many answers wait for a writer now. */
    int queued() {
        return queued.size();
    }

    private List<Waiting> take() {
        List<Waiting> batch = new ArrayList<>();
        int most = Math.max(1, surveysConfig.groupCommit().maxAnswers());
        Waiting next;
        while (batch.size() < most && (next = queued.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    /** One statement for each survey version and wave among the answers taken. */
    private void write(List<Waiting> batch) {
        Map<List<Object>, List<Waiting>> byVersion = new LinkedHashMap<>();
        for (Waiting waiting : batch) {
            SurveyForms.Located judged = waiting.answer.judged();
            byVersion.computeIfAbsent(List.of(judged.form().id(), judged.form().revision(),
                    judged.settingsRevision(), waiting.answer.wave()), k -> new ArrayList<>()).add(waiting);
        }
        byVersion.values().forEach(this::writeTogether);
    }

    private void writeTogether(List<Waiting> together) {
        boolean current;
        try {
            current = responses.storeTogetherIfCurrent(together.stream().map(w -> w.answer).toList());
        } catch (RuntimeException | Error failed) {
            // nothing of the statement was stored: each answer on its own, with its own outcome
            together.forEach(this::writeAlone);
            return;
        }
        ResponseStore.Stored stored = current ? ResponseStore.Stored.NEW : ResponseStore.Stored.NOT_CURRENT;
        together.forEach(waiting -> waiting.complete(stored));
    }

    private void writeAlone(Waiting waiting) {
        ResponseStore.WebAnswer answer = waiting.answer;
        try {
            waiting.complete(responses.storeIfCurrent(answer.judged(), answer.wave(), answer.language(),
                    answer.key(), answer.answers()));
        } catch (RuntimeException failed) {
            waiting.complete(failed);
        } catch (Error failed) {
            waiting.complete(new IllegalStateException("Storing a survey response failed", failed));
            throw failed;
        }
    }
}

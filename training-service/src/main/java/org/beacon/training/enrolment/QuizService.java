package org.beacon.training.enrolment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.text.SourceReferences;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.Assessment;
import org.beacon.training.assessment.Question;
import org.beacon.training.assessment.QuestionAnswer;
import org.beacon.training.assessment.QuestionText;
import org.beacon.training.assessment.QuestionText.Format;
import org.beacon.training.assessment.QuestionType;
import org.beacon.training.assessment.Scoring;
import org.beacon.training.certificate.Certificate;
import org.beacon.training.certificate.CertificateService;
import org.beacon.training.course.ContentText;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.course.Localized;
import org.beacon.training.course.Texts;
import org.beacon.training.enrolment.EnrolmentQueries.StoredAnswer;
import org.beacon.training.enrolment.LearnerView.Option;
import org.beacon.training.enrolment.LearnerView.QuestionResult;
import org.beacon.training.enrolment.LearnerView.Quiz;
import org.beacon.training.enrolment.LearnerView.QuizQuestion;
import org.beacon.training.enrolment.LearnerView.Result;

/**
 * Taking the pre-test, a module's knowledge check or the post-test: the questions without their key, scoring on
 * the server, and the result, whose key only {@link AnswerKey} lets out. Every text is shown without its source
 * references ({@link Texts#forTrainees}, {@link SourceReferences}). Passing the post-test completes the course
 * and issues the certificate.
 */
@ApplicationScoped
public class QuizService {

    @Inject
    EnrolmentService enrolments;

    @Inject
    EnrolmentQueries queries;

    @Inject
    Texts texts;

    @Inject
    CertificateService certificates;

    /** The questions to answer, without weights, right answers or feedback. */
    @Transactional
    public Quiz quiz(long enrolmentId, long assessmentId) {
        Enrolment enrolment = enrolments.mine(enrolmentId);
        CourseVersion version = CourseVersion.findById(enrolment.versionId);
        Assessment assessment = openAssessment(enrolments.progress(enrolment), version, assessmentId);
        Localized text = texts.forTrainees(version, enrolment.language, null);
        List<QuizQuestion> questions = new ArrayList<>();
        for (Question question : assessment.questions()) {
            Localized.Text stem = text.text(ContentText.QUESTION, question.id, ContentText.STEM);
            List<QuestionAnswer> answers = answersFor(question, enrolment.language, version);
            List<Option> options = new ArrayList<>();
            List<Option> choices = new ArrayList<>();
            if (choice(question)) {
                for (QuestionAnswer answer : answers) {
                    options.add(option(AnswerOptions.value(enrolment.optionKey, question.id, answer.position),
                            answer.text));
                }
                // shown in the order of their values: as unrelated to which is right as the values themselves
                options.sort(Comparator.comparing(Option::value));
            } else if (question.questionType() == QuestionType.MATCHING) {
                for (QuestionAnswer pair : answers) {
                    if (!pair.text.isEmpty()) {
                        options.add(option(String.valueOf(pair.position), pair.text));
                    }
                }
                List<String> matches = Scoring.choices(answers);
                for (int i = 0; i < matches.size(); i++) {
                    choices.add(option(String.valueOf(i), QuestionText.stored(Format.PLAIN, matches.get(i))));
                }
                // The items in an order of their own, the same on every visit; their choices are in alphabetical
                // order, so neither order pairs an item with its match.
                Collections.shuffle(options, new Random(enrolment.id * 7919L + question.id));
            }
            boolean fallback = stem.fallback() || fellBack(answers, enrolment);
            questions.add(new QuizQuestion(question.id, question.type, QuestionText.plain(stem.value()),
                    QuestionText.html(stem.value()), options, choices,
                    fallback ? version.defaultLanguage : enrolment.language, fallback));
        }
        Localized.Text moduleTitle = assessment.moduleId == null ? null
                : text.text(ContentText.MODULE, assessment.moduleId, ContentText.TITLE);
        return new Quiz(enrolment.id, assessment.id, assessment.kind, moduleTitle == null ? null : moduleTitle.value(),
                moduleTitle == null ? null : text.shownIn(moduleTitle), version.passMark,
                questions.stream().anyMatch(QuizQuestion::fallback), version.defaultLanguage, questions);
    }

    /**
     * Scores a submission. Unanswered questions earn nothing. Passing the post-test completes the course and
     * issues the certificate.
     */
    @Transactional
    public Result submit(long enrolmentId, long assessmentId, Map<Long, List<String>> responses) {
        Enrolment enrolment = enrolments.mine(enrolmentId);
        CourseVersion version = CourseVersion.findById(enrolment.versionId);
        Assessment assessment = openAssessment(enrolments.progress(enrolment), version, assessmentId);
        Map<Long, List<String>> given = responses == null ? Map.of() : responses;
        List<Question> questions = assessment.questions();
        Set<Long> known = new HashSet<>(questions.stream().map(q -> q.id).toList());
        given.keySet().stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw ProblemException.badRequest(Reason.of("quiz.not-in-assessment", String.valueOf(id)));
        });
        given.entrySet().stream().filter(e -> e.getValue() == null).findFirst().ifPresent(e -> {
            throw ProblemException.badRequest(Reason.of("quiz.send-list", String.valueOf(e.getKey())));
        });
        // Every response is read and checked before anything is stored: a refused submission is not an attempt.
        Map<Long, List<String>> read = new LinkedHashMap<>();
        Map<Long, Double> credits = new LinkedHashMap<>();
        double total = 0;
        long scored = questions.stream().filter(q -> q.questionType().scored()).count();
        for (Question question : questions) {
            List<QuestionAnswer> answers = answersFor(question, enrolment.language, version);
            List<String> response = given.getOrDefault(question.id, List.of()).stream()
                    .filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
            if (choice(question)) {
                // Sent as the options' values, stored as their positions, so that the result names the chosen answers.
                response = Scoring.positions(question, answers,
                        AnswerOptions.positions(enrolment.optionKey, question.id, answers, response))
                        .stream().map(String::valueOf).toList();
            } else if (question.questionType() == QuestionType.MATCHING) {
                response = Scoring.matches(question, answers, response).entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue()).toList();
            } else if (question.questionType() == QuestionType.NUMERICAL && response.size() > 1) {
                throw ProblemException.badRequest(Reason.of("quiz.one-number", String.valueOf(question.id),
                        response.size()));
            } else if (question.questionType() == QuestionType.DESCRIPTION) {
                response = List.of();
            }
            double credit = Scoring.credit(question, answers, response);
            total += credit;
            read.put(question.id, response);
            credits.put(question.id, credit);
        }
        Attempt attempt = new Attempt();
        attempt.enrolmentId = enrolment.id;
        attempt.assessmentId = assessment.id;
        attempt.kind = assessment.kind;
        attempt.score = BigDecimal.ZERO;
        attempt.persist();
        for (Question question : questions) {
            queries.storeAnswer(attempt.id, question.id, read.get(question.id), credits.get(question.id));
        }
        // Descriptions are text between questions: they are neither answered nor counted.
        attempt.score = scored == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(total * 100.0 / scored).setScale(2, RoundingMode.HALF_UP);
        boolean isPosttest = Assessment.POSTTEST.equals(assessment.kind);
        attempt.passed = !isPosttest || attempt.score.compareTo(BigDecimal.valueOf(version.passMark)) >= 0;
        if (isPosttest && attempt.passed) {
            enrolment.complete();
            certificates.issue(new CertificateService.Completion(enrolment.id, enrolment.courseId, enrolment.versionId,
                    enrolment.subject, enrolment.displayName, enrolment.language));
        }
        return resultOf(enrolment, version, attempt);
    }

    /** A submitted attempt again: the trainee may come back to it, and sees its key once the course is completed. */
    @Transactional
    public Result result(long enrolmentId, long attemptId) {
        Enrolment enrolment = enrolments.mine(enrolmentId);
        Attempt attempt = Attempt.findById(attemptId);
        if (attempt == null || !attempt.enrolmentId.equals(enrolment.id)) {
            throw ProblemException.notFound(Reason.of("quiz.no-attempt", String.valueOf(attemptId)));
        }
        return resultOf(enrolment, CourseVersion.findById(enrolment.versionId), attempt);
    }

    private Result resultOf(Enrolment enrolment, CourseVersion version, Attempt attempt) {
        Assessment assessment = Assessment.findById(attempt.assessmentId);
        Localized text = texts.forTrainees(version, enrolment.language, null);
        Map<Long, StoredAnswer> stored = new LinkedHashMap<>();
        queries.answersOf(attempt.id).forEach(a -> stored.put(a.questionId(), a));
        Set<Long> posttest = new HashSet<>(Assessment.of(version.id, Assessment.POSTTEST)
                .map(a -> a.questions().stream().map(q -> q.id).toList()).orElse(List.of()));
        AnswerKey key = AnswerKey.forAttempt(enrolment.isCompleted(), assessment.kind, posttest);
        List<QuestionResult> results = new ArrayList<>();
        for (Question question : assessment.questions()) {
            if (!question.questionType().scored()) {
                continue;
            }
            List<QuestionAnswer> answers = answersFor(question, enrolment.language, version);
            StoredAnswer answer = stored.get(question.id);
            List<String> response = answer == null ? List.of() : answer.response();
            double credit = answer == null ? 0.0 : answer.credit();
            boolean keyShown = key.shown(question.id);
            Localized.Text stem = text.text(ContentText.QUESTION, question.id, ContentText.STEM);
            boolean fallback = stem.fallback() || fellBack(answers, enrolment);
            List<String> feedback = keyShown ? feedback(question, answers, response, credit, text) : List.of();
            results.add(new QuestionResult(question.id, question.type, QuestionText.plain(stem.value()),
                    QuestionText.html(stem.value()), keyShown ? credit : null,
                    shown(question, answers, response), keyShown,
                    keyShown ? Scoring.rightAnswers(question, answers).stream().map(SourceReferences::hidden).toList()
                            : List.of(),
                    feedback.isEmpty() ? null : String.join(" ", feedback.stream().map(QuestionText::plain).toList()),
                    feedback.isEmpty() ? null
                            : String.join(" ", feedback.stream().map(QuestionText::html).toList()),
                    keyShown ? SourceReferences.hidden(question.legalSource) : null,
                    fallback ? version.defaultLanguage : enrolment.language, fallback));
        }
        Certificate certificate = Certificate.ofEnrolment(enrolment.id).orElse(null);
        return new Result(attempt.id, enrolment.id, attempt.kind, attempt.score, attempt.passed, version.passMark,
                enrolment.isCompleted(), certificate == null ? null : certificate.code,
                results.stream().anyMatch(r -> !r.keyShown()), results.stream().anyMatch(QuestionResult::fallback),
                version.defaultLanguage, results);
    }

    /** The assessment when it belongs to the enrolment's version and is open to the trainee now. */
    private static Assessment openAssessment(Progress progress, CourseVersion version, long assessmentId) {
        Assessment assessment = Assessment.findById(assessmentId);
        Progress.Stage stage = assessment == null || !assessment.versionId.equals(version.id) ? null
                : progress.stage(assessment.id);
        if (stage == null) {
            throw ProblemException.notFound(Reason.of("quiz.no-assessment", String.valueOf(assessmentId)));
        }
        if (!progress.open(stage)) {
            throw ProblemException.conflict(progress.whyClosed(stage));
        }
        return assessment;
    }

    private static boolean choice(Question question) {
        return question.questionType() == QuestionType.SINGLE || question.questionType() == QuestionType.MULTIPLE;
    }

    /** Whether {@link #answersFor} had to take the default language's answers. */
    private static boolean fellBack(List<QuestionAnswer> answers, Enrolment enrolment) {
        return !answers.isEmpty() && !answers.get(0).language.equals(enrolment.language);
    }

    /** The answers in the trainee's language, or in the default language when the question is not translated. */
    private static List<QuestionAnswer> answersFor(Question question, String language, CourseVersion version) {
        List<QuestionAnswer> answers = QuestionAnswer.of(question.id, language);
        return answers.isEmpty() ? QuestionAnswer.of(question.id, version.defaultLanguage) : answers;
    }

    /** Option {@code value} of a text, without its source references. */
    private static Option option(String value, String stored) {
        String text = SourceReferences.hidden(stored);
        return new Option(value, QuestionText.plain(text), QuestionText.html(text));
    }

    private static List<String> shown(Question question, List<QuestionAnswer> answers, List<String> response) {
        if (choice(question)) {
            return response.stream().map(r -> answers.stream().filter(a -> String.valueOf(a.position).equals(r.strip()))
                    .map(a -> QuestionText.plain(SourceReferences.hidden(a.text))).findFirst().orElse(r)).toList();
        }
        if (question.questionType() == QuestionType.MATCHING) {
            return response.stream().map(r -> {
                String[] parts = r.split(":", 2);
                String item = pair(answers, parts[0]).map(a -> QuestionText.plain(SourceReferences.hidden(a.text)))
                        .orElse(parts[0]);
                List<String> matches = Scoring.choices(answers);
                int choice = parts.length < 2 ? -1 : Integer.parseInt(parts[1]);
                String match = choice < 0 || choice >= matches.size() ? ""
                        : SourceReferences.hidden(matches.get(choice));
                return item + " → " + match;
            }).toList();
        }
        return response;
    }

    private static Optional<QuestionAnswer> pair(List<QuestionAnswer> answers, String position) {
        return answers.stream().filter(a -> String.valueOf(a.position).equals(position.strip())).findFirst();
    }

    /** The feedback a response earns, each part a stored text (with its format), source references hidden. */
    private static List<String> feedback(Question question, List<QuestionAnswer> answers, List<String> response,
            double credit, Localized text) {
        List<String> parts = new ArrayList<>();
        if (question.questionType() == QuestionType.TRUEFALSE) {
            String field = credit >= 1 ? ContentText.FEEDBACK_RIGHT : ContentText.FEEDBACK_WRONG;
            parts.add(text.value(ContentText.QUESTION, question.id, field));
        } else if (question.questionType() == QuestionType.SHORT) {
            String typed = response.isEmpty() ? "" : response.get(0);
            answers.stream().filter(a -> Scoring.normal(QuestionText.plain(a.text)).equals(Scoring.normal(typed))
                    && a.feedback != null).findFirst().ifPresent(a -> parts.add(a.feedback));
        } else if (question.questionType() == QuestionType.NUMERICAL) {
            Scoring.numerical(question, answers, response).map(a -> a.feedback).ifPresent(parts::add);
        } else if (question.questionType() != QuestionType.MATCHING) {
            for (String r : response) {
                answers.stream().filter(a -> String.valueOf(a.position).equals(r.strip()) && a.feedback != null)
                        .findFirst().ifPresent(a -> parts.add(a.feedback));
            }
        }
        parts.add(text.value(ContentText.QUESTION, question.id, ContentText.GENERAL_FEEDBACK));
        return parts.stream().filter(p -> p != null && !QuestionText.plain(p).isBlank()).map(SourceReferences::hidden)
                .toList();
    }
}

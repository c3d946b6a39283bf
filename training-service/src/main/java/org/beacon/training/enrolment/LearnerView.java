package org.beacon.training.enrolment;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a trainee receives, shared by the learning API and pages. Only these records leave the enrolment package:
 * a field added here reaches every trainee, so the answer key appears in {@link QuestionResult} alone and only as
 * {@link AnswerKey} allows.
 */
public final class LearnerView {

    private LearnerView() {
    }

    public record Enrolled(Enrolment enrolment, boolean created) {
    }

    public record Step(long assessmentId, String kind, int questions, boolean open, boolean taken, BigDecimal score,
            Boolean passed) {
    }

    /** {@code language}: the language of the title, the enrolment's or the course's default one. */
    public record LessonItem(long id, String title, boolean studied, boolean open, boolean fallback, String language) {
    }

    public record ModuleItem(long id, String title, List<LessonItem> lessons, Step check, boolean complete,
            String language) {
    }

    /**
     * {@code fallback}: some text is shown in {@code defaultLanguage}, the course's, not in {@code language};
     * {@code titleLanguage}: the language of the title and summary; {@code languages}: those the trainee may switch
     * the enrolment to.
     */
    public record Outline(long enrolmentId, String course, String title, String summary, int version,
            String language, EnrolmentStatus status, int progress, Step pretest, List<ModuleItem> modules, Step posttest,
            int passMark, String certificateCode, boolean refresherDue, boolean fallback, String defaultLanguage,
            List<GlossaryItem> glossary, String titleLanguage, List<String> languages) {
    }

    /**
     * {@code termLanguage}: the course's language, in which the term is kept untranslated; {@code language}: the
     * language of the explanation.
     */
    public record GlossaryItem(String term, String termLanguage, String explanation, String language) {
    }

    public record MediaLink(String href, String fileName, String kind, long size) {
    }

    /**
     * A lesson in the enrolment's {@code language}; {@code fallback} when its title ({@code titleLanguage}) or its
     * text ({@code shownLanguage}) comes from the course's {@code defaultLanguage} instead.
     */
    public record LessonPage(long enrolmentId, long id, String title, String html, boolean fallback,
            String language, String titleLanguage, String shownLanguage, String defaultLanguage, String moduleTitle,
            String moduleLanguage, List<MediaLink> media, boolean studied, Long previousLessonId, Long nextLessonId) {
    }

    /**
     * {@code value} is what a response sends for the option ({@link AnswerOptions} for a choice question's answers),
     * {@code text} as a reader sees it, {@code html} as the page shows it (the question's format, sanitised).
     */
    public record Option(String value, String text, String html) {
    }

    /**
     * {@code language}: the language the stem and options are shown in; {@code fallback} when not the trainee's.
     * A matching question's {@code options} are its items and {@code choices} what they may match, each choice
     * once; the value sent for an item is {@code item:choice}.
     */
    public record QuizQuestion(long id, String type, String stem, String stemHtml, List<Option> options,
            List<Option> choices, String language, boolean fallback) {
    }

    /** {@code fallback}: some questions are shown in {@code defaultLanguage}, the course's. */
    public record Quiz(long enrolmentId, long assessmentId, String kind, String moduleTitle, String moduleLanguage,
            int passMark,
            boolean fallback, String defaultLanguage, List<QuizQuestion> questions) {
    }

    /**
     * One question of a result. {@code keyShown} false: {@code rightAnswers} is empty and {@code credit},
     * {@code feedback} and {@code legalSource} are null, since whether one answer was right gives the key away
     * (retaking until it is right would reveal it); the trainee sees the answers given and the attempt's score.
     */
    public record QuestionResult(long id, String type, String stem, String stemHtml, Double credit,
            List<String> yourAnswer, boolean keyShown, List<String> rightAnswers, String feedback, String feedbackHtml,
            String legalSource, String language, boolean fallback) {
    }

    /**
     * {@code keyWithheld}: some questions' right answers are shown only once the post-test is passed;
     * {@code fallback}: some questions are shown in {@code defaultLanguage}, the course's.
     */
    public record Result(long attemptId, long enrolmentId, String kind, BigDecimal score, boolean passed,
            int passMark, boolean courseCompleted, String certificateCode, boolean keyWithheld, boolean fallback,
            String defaultLanguage, List<QuestionResult> questions) {
    }
}

package org.beacon.training.course;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.security.CurrentUser;
import org.beacon.training.assessment.Assessment;
import org.beacon.commons.web.Markup;
import org.beacon.training.assessment.GiftQuestion;
import org.beacon.training.assessment.GiftQuestion.GiftAnswer;
import org.beacon.training.assessment.QuestionBank;
import org.beacon.training.assessment.QuestionType;
import org.beacon.training.markdown.LessonMarkdown;
import org.beacon.training.media.Attachment;

/**
 * A version as its reviewer reads it before approving it, in one of its languages: every lesson rendered as the
 * trainee will see it (the same Markdown rendering and the same fallback to the default language), every question
 * with its answers, key, feedback and legal source, and what changed since the version published before it. Four
 * eyes only mean something if the second pair reads what is approved.
 */
@ApplicationScoped
public class VersionReading {

    private static final String ATTACHMENT_HREF = "/training/api/attachments/";

    public record MediaRow(String href, String fileName, String kind, long size) {
    }

    /** A lesson as a trainee reading {@code shownLanguage} sees it; {@code fallback} when the text is the default language's. */
    public record LessonText(long id, String slug, String title, String html, boolean fallback, String shownLanguage,
            List<MediaRow> media) {
    }

    public record ModuleText(long id, String slug, String title, List<LessonText> lessons, List<String> check) {
    }

    /**
     * One answer with the credit it earns as a percentage (Moodle's weight, all its decimals) and its feedback. A
     * numerical answer also has its {@code number} and {@code tolerance} (null otherwise), so that the page writes
     * them, as the credit, in the reader's format.
     */
    public record AnswerText(String text, BigDecimal percent, boolean right, String feedback, BigDecimal number,
            BigDecimal tolerance) {

        /** The decimals the credit has, all shown: 33.33333 % stays 33.33333 %. */
        public int percentDecimals() {
            return Math.max(0, percent.scale());
        }

        public int numberDecimals() {
            return number == null ? 0 : Math.max(0, number.scale());
        }

        public int toleranceDecimals() {
            return tolerance == null ? 0 : Math.max(0, tolerance.scale());
        }

        /** Whether a numerical answer accepts more than its exact number. */
        public boolean hasTolerance() {
            return tolerance != null && tolerance.signum() != 0;
        }
    }

    public record QuestionText(String name, String type, String stem, List<AnswerText> answers, Boolean truth,
            String feedbackRight, String feedbackWrong, String generalFeedback, String legalSource, String sourceRef,
            boolean fallback, String shownLanguage) {
    }

    /** An item of the version named for the reader: its title (or question name) and where it is. */
    public record Item(String title, String where) {
    }

    /**
     * What differs from the version published before this one ({@code since}, null for a first version), in the
     * language being read.
     */
    public record Changes(Integer since, List<Item> lessonsAdded, List<Item> lessonsRemoved, List<Item> lessonsChanged,
            List<Item> questionsAdded, List<Item> questionsRemoved, List<Item> questionsChanged) {
        public boolean none() {
            return lessonsAdded.isEmpty() && lessonsRemoved.isEmpty() && lessonsChanged.isEmpty()
                    && questionsAdded.isEmpty() && questionsRemoved.isEmpty() && questionsChanged.isEmpty();
        }
    }

    public record VersionText(long id, String course, int number, VersionStatus status, String language,
            String defaultLanguage, List<String> languages, String title, String summary, boolean mayApprove,
            List<ModuleText> modules, List<String> pretest, List<String> posttest, List<QuestionText> questions,
            Changes changes) {
    }

    @Inject
    Texts texts;

    @Inject
    QuestionBank bank;

    @Inject
    CurrentUser user;

    @Inject
    VersionContent content;

    /** The whole version in {@code language}; a language the version does not offer reads its default language. */
    @Transactional
    public VersionText read(long versionId, String language) {
        CourseVersion version = CourseVersion.require(versionId);
        String shown = language != null && version.offers(language) ? language : version.defaultLanguage;
        Course course = Course.findById(version.courseId);
        Localized text = texts.whole(version, shown);
        Map<String, String> hrefs = new LinkedHashMap<>();
        VersionMedia.of(version.id).forEach(m -> hrefs.put(m.fileName, ATTACHMENT_HREF + m.attachmentId));
        List<ModuleText> modules = CourseModule.of(version.id).stream().map(m -> new ModuleText(m.id, m.slug,
                text.value(ContentText.MODULE, m.id, ContentText.TITLE),
                Lesson.ofModule(m.id).stream().map(l -> lesson(l, text, hrefs)).toList(),
                Assessment.checkOf(m.id).map(VersionReading::names).orElse(List.of()))).toList();
        List<QuestionText> questions = questions(version, shown);
        boolean mayApprove = version.status.isInReview()
                && version.review.mayApprove(user.subject());
        return new VersionText(version.id, course.slug, version.number, version.status, shown, version.defaultLanguage,
                version.languageList(), text.value(ContentText.COURSE, version.id, ContentText.TITLE),
                text.value(ContentText.COURSE, version.id, ContentText.SUMMARY), mayApprove, modules,
                Assessment.of(version.id, Assessment.PRETEST).map(VersionReading::names).orElse(List.of()),
                Assessment.of(version.id, Assessment.POSTTEST).map(VersionReading::names).orElse(List.of()),
                questions, changes(version, shown, text));
    }

    private LessonText lesson(Lesson lesson, Localized text, Map<String, String> hrefs) {
        Localized.Text title = text.text(ContentText.LESSON, lesson.id, ContentText.TITLE);
        Localized.Text body = text.text(ContentText.LESSON, lesson.id, ContentText.BODY);
        List<MediaRow> media = new ArrayList<>();
        for (Long attachmentId : content.attachmentsOf(lesson.id)) {
            Attachment a = Attachment.findById(attachmentId);
            media.add(new MediaRow(ATTACHMENT_HREF + a.id, a.fileName, a.kind(), a.sizeBytes));
        }
        boolean fallback = title.fallback() || body.fallback();
        return new LessonText(lesson.id, lesson.slug, title.value(), LessonMarkdown.render(body.value(), hrefs),
                fallback, body.fallback() ? text.defaultLanguage() : text.language(), media);
    }

    private static String html(String stored) {
        return org.beacon.training.assessment.QuestionText.html(stored);
    }

    private static String answerHtml(QuestionType type, GiftAnswer answer) {
        return switch (type) {
            case NUMERICAL -> Markup.escape(answer.text() + (answer.tolerance() == null
                    || answer.tolerance().signum() == 0 ? "" : " ± " + answer.tolerance().toPlainString()));
            case MATCHING -> html(answer.text()) + " → " + Markup.escape(answer.match());
            default -> html(answer.text());
        };
    }

    /** Every question of the bank: in {@code language} where it is translated, else the default language's. */
    private List<QuestionText> questions(CourseVersion version, String language) {
        Map<String, GiftQuestion> translated = byName(bank.read(version, language));
        List<QuestionText> questions = new ArrayList<>();
        for (GiftQuestion original : bank.read(version, version.defaultLanguage)) {
            GiftQuestion q = translated.getOrDefault(original.name(), original);
            boolean fallback = !translated.containsKey(original.name());
            // Texts as the trainee sees them: each in its GIFT format, sanitised (they are output unescaped).
            questions.add(new QuestionText(q.name(), q.type().code, html(q.stem()),
                    q.answers().stream().map(a -> new AnswerText(answerHtml(q.type(), a), credit(a.fraction()),
                            a.fraction() > 0, html(a.feedback()),
                            q.type() == QuestionType.NUMERICAL ? new BigDecimal(a.text()) : null,
                            q.type() == QuestionType.NUMERICAL ? a.tolerance() : null)).toList(),
                    q.truth(), html(q.feedbackRight()), html(q.feedbackWrong()), html(q.generalFeedback()),
                    q.legalSource(),
                    q.sourceRef(), fallback && !language.equals(version.defaultLanguage),
                    fallback ? version.defaultLanguage : language));
        }
        return questions;
    }

    /** A credit between 0 and 1 as the percentage GIFT writes, keeping its decimals (33.33333, never 33). */
    static String percent(double fraction) {
        return credit(fraction).toPlainString();
    }

    /** A credit between 0 and 1 in percent with the decimals it has, up to GIFT's five (never E notation). */
    static BigDecimal credit(double fraction) {
        BigDecimal percent = BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100))
                .setScale(5, RoundingMode.HALF_UP).stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }

    /**
     * Lessons (by module and lesson slug) and questions (by name) added, removed or changed since the last version
     * published before this one, comparing the texts a trainee of {@code language} reads.
     */
    private Changes changes(CourseVersion version, String language, Localized now) {
        CourseVersion before = CourseVersion.<CourseVersion>find(
                "courseId = ?1 and number < ?2 and publishedAt is not null order by number desc",
                version.courseId, version.number).firstResult();
        if (before == null) {
            return new Changes(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        Difference lessons = Difference.of(lessonStates(version, now),
                lessonStates(before, texts.whole(before, language)), LessonState::text, LessonState::item);
        Difference questions = Difference.of(byName(bank.read(version, language)), byName(bank.read(before, language)),
                Function.identity(), q -> new Item(q.name(), org.beacon.training.assessment.QuestionText.plain(q.stem())));
        return new Changes(before.number, lessons.added(), lessons.removed(), lessons.changed(), questions.added(),
                questions.removed(), questions.changed());
    }

    /** What was added, removed and changed between two versions' items by key, each named for the reader. */
    private record Difference(List<Item> added, List<Item> removed, List<Item> changed) {
        static <T> Difference of(Map<String, T> now, Map<String, T> before, Function<T, ?> content,
                Function<T, Item> item) {
            List<Item> added = new ArrayList<>();
            List<Item> changed = new ArrayList<>();
            now.forEach((key, value) -> {
                T old = before.get(key);
                if (old == null) {
                    added.add(item.apply(value));
                } else if (!Objects.equals(content.apply(old), content.apply(value))) {
                    changed.add(item.apply(value));
                }
            });
            List<Item> removed = before.entrySet().stream().filter(e -> !now.containsKey(e.getKey()))
                    .map(e -> item.apply(e.getValue())).toList();
            return new Difference(added, removed, changed);
        }
    }

    /** A lesson's title and text as read, and how the reader finds it (its title and its module's). */
    private record LessonState(Item item, String text) {
    }

    private static Map<String, LessonState> lessonStates(CourseVersion version, Localized text) {
        Map<String, LessonState> states = new LinkedHashMap<>();
        for (CourseModule module : CourseModule.of(version.id)) {
            String moduleTitle = text.value(ContentText.MODULE, module.id, ContentText.TITLE);
            for (Lesson lesson : Lesson.ofModule(module.id)) {
                String title = text.value(ContentText.LESSON, lesson.id, ContentText.TITLE);
                states.put(module.slug + "/" + lesson.slug, new LessonState(new Item(title, moduleTitle),
                        title + "\n" + text.value(ContentText.LESSON, lesson.id, ContentText.BODY)));
            }
        }
        return states;
    }

    static Map<String, GiftQuestion> byName(List<GiftQuestion> questions) {
        return questions.stream().collect(Collectors.toMap(GiftQuestion::name, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }

    private static List<String> names(Assessment assessment) {
        return assessment.questions().stream().map(q -> q.name).toList();
    }
}

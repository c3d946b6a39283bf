package org.beacon.training.enrolment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.course.ContentText;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.course.Lesson;
import org.beacon.training.markdown.LessonMarkdown;
import org.beacon.training.course.Localized;
import org.beacon.training.course.Texts;
import org.beacon.training.course.VersionContent;
import org.beacon.training.course.VersionMedia;
import org.beacon.training.enrolment.LearnerView.LessonPage;
import org.beacon.training.enrolment.LearnerView.MediaLink;
import org.beacon.training.media.Attachment;

/** Reading a lesson and marking it studied, in the order the course sets (see {@link Progress#lessonOpen}). */
@ApplicationScoped
public class LessonStudy {

    public static final String ATTACHMENT_HREF = "/training/api/attachments/";

    @Inject
    EnrolmentService enrolments;

    @Inject
    EnrolmentQueries queries;

    @Inject
    Texts texts;

    @Inject
    VersionContent content;

    @Transactional
    public LessonPage lesson(long enrolmentId, long lessonId) {
        Enrolment enrolment = enrolments.mine(enrolmentId);
        Progress progress = enrolments.progress(enrolment);
        Lesson lesson = lessonIn(progress, lessonId);
        if (!progress.lessonOpen(lesson.id)) {
            throw ProblemException.conflict(Reason.of(progress.pretestDone()
                    ? "study.lessons-in-order" : "study.pretest-first"));
        }
        CourseVersion version = CourseVersion.findById(enrolment.versionId);
        Localized text = texts.forTrainees(version, enrolment.language, lesson.id);
        Localized.Text title = text.text(ContentText.LESSON, lesson.id, ContentText.TITLE);
        Localized.Text body = text.text(ContentText.LESSON, lesson.id, ContentText.BODY);
        Map<String, String> hrefs = new LinkedHashMap<>();
        VersionMedia.of(version.id).forEach(m -> hrefs.put(m.fileName, ATTACHMENT_HREF + m.attachmentId));
        List<MediaLink> media = content.attachmentsOf(lesson.id).stream()
                .map(id -> (Attachment) Attachment.findById(id))
                .map(a -> new MediaLink(ATTACHMENT_HREF + a.id, a.fileName, a.kind(), a.sizeBytes)).toList();
        Localized.Text moduleTitle = text.text(ContentText.MODULE, lesson.moduleId, ContentText.TITLE);
        boolean fallback = title.fallback() || body.fallback();
        return new LessonPage(enrolment.id, lesson.id, title.value(), LessonMarkdown.render(body.value(), hrefs),
                fallback, enrolment.language, text.shownIn(title), text.shownIn(body), version.defaultLanguage,
                moduleTitle.value(), text.shownIn(moduleTitle), media,
                progress.studied(lesson.id), progress.previous(lesson.id), progress.next(lesson.id));
    }

    /** Marks a lesson studied; returns the next lesson, or null at the end of the course. */
    @Transactional
    public Long study(long enrolmentId, long lessonId) {
        Enrolment enrolment = enrolments.mine(enrolmentId);
        Progress progress = enrolments.progress(enrolment);
        Lesson lesson = lessonIn(progress, lessonId);
        if (!progress.lessonOpen(lesson.id)) {
            throw ProblemException.conflict(Reason.of("study.lessons-in-order"));
        }
        queries.markStudied(enrolment.id, lesson.id);
        return progress.next(lesson.id);
    }

    private static Lesson lessonIn(Progress progress, long lessonId) {
        return progress.lessons().stream().filter(l -> l.id() == lessonId).findFirst()
                .map(l -> (Lesson) Lesson.findById(l.id()))
                .orElseThrow(() -> ProblemException.notFound(Reason.of("study.no-lesson", String.valueOf(lessonId))));
    }
}

package org.beacon.training.course;

import java.util.List;
import java.util.Map;

import org.beacon.training.assessment.GiftQuestion;

/**
 * The whole content of a course version in memory: what an import reads from a content/ folder and what a new
 * draft copies from the version before it. {@link VersionContent} turns one into the other.
 *
 * @param banks the question bank per language
 * @param media attachment id per media file name ({@code media/<name>})
 */
public record CourseDocument(String slug, List<String> sectors, String country, String defaultLanguage,
        List<String> languages, int passMark, Map<String, String> title, Map<String, String> summary,
        List<ModuleDoc> modules, List<String> pretest, List<String> posttest, List<GlossaryDoc> glossary,
        Map<String, List<GiftQuestion>> banks, Map<String, Long> media) {

    public record ModuleDoc(String slug, Map<String, String> title, List<LessonDoc> lessons, List<String> check) {
    }

    /** @param attachments the ids of the attachments listed under the lesson, in order */
    public record LessonDoc(String slug, Map<String, String> title, Map<String, String> body,
            List<Long> attachments) {
    }

    public record GlossaryDoc(String term, Map<String, String> explanation, List<String> sources) {
    }
}

package org.beacon.training.course;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.commons.text.SourceReferences;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.FormText;
import org.beacon.training.assessment.QuestionTexts;

/**
 * The translatable texts of versions: writing them, reading them in a language with fallback to the version's
 * default language, and how complete each translation is.
 */
@ApplicationScoped
public class Texts implements QuestionTexts {

    @Inject
    CourseQueries queries;

    /**
     * Sets one text; a blank value removes the translation so that the fallback applies. Titles are shown to
     * everyone in lists and headings, so characters that could make them read differently are removed
     * ({@link UntrustedText#stripSpoofing}); running text keeps them (its HTML carries its own direction).
     */
    public void put(long versionId, String kind, long ownerId, String field, String language, String value) {
        if (ContentText.TITLE.equals(field)) {
            value = UntrustedText.stripSpoofing(value);
        }
        FormText.requireNoNul(kind + " " + field + " (" + language + ")", value);
        if (value == null || value.isBlank()) {
            queries.deleteText(kind, ownerId, field, language);
            return;
        }
        if (queries.updateText(kind, ownerId, field, language, value.strip()) == 0) {
            queries.insertText(versionId, kind, ownerId, field, language, value.strip());
            return;
        }
        // A changed text of the default language: the other languages translated the old one and are outdated until
        // a translator saves them again. Inserting a text for the first time outdates nothing.
        queries.outdateTranslations(versionId, kind, ownerId, field, language);
    }

    public void putAll(long versionId, String kind, long ownerId, String field, Map<String, String> byLanguage) {
        if (byLanguage != null) {
            byLanguage.forEach((language, value) -> put(versionId, kind, ownerId, field, language, value));
        }
    }

    /** Every language's value of one field of one owner. */
    public Map<String, String> all(String kind, long ownerId, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Object[] row : queries.textByLanguage(kind, ownerId, field)) {
            values.put((String) row[0], (String) row[1]);
        }
        return values;
    }

    @Override
    public Map<String, String> questionText(long questionId, String field) {
        return all(ContentText.QUESTION, questionId, field);
    }

    @Override
    public void putQuestionText(long versionId, long questionId, String field, String language, String value) {
        put(versionId, ContentText.QUESTION, questionId, field, language, value);
    }

    /**
     * The texts of a version in {@code language}, falling back to the default language. Lesson bodies are large
     * and loaded only when asked for, one lesson at a time.
     */
    public Localized localized(CourseVersion version, String language, Long bodyOfLesson) {
        return localized(version, language, bodyOfLesson, false, UnaryOperator.identity());
    }

    /**
     * As {@link #localized}, as trainees and the public read the texts: without the source references that are
     * there for authors and reviewers.
     */
    public Localized forTrainees(CourseVersion version, String language, Long bodyOfLesson) {
        return localized(version, language, bodyOfLesson, false, SourceReferences::hidden);
    }

    /**
     * A version's course title alone, as trainees read it (see {@link #forTrainees}), for lists that name many
     * courses without loading their other texts.
     */
    public Localized titleForTrainees(CourseVersion version, String language) {
        List<Object[]> rows = queries.courseTitles(version.id, language, version.defaultLanguage);
        String key = Localized.key(ContentText.COURSE, version.id, ContentText.TITLE);
        Map<String, String> wanted = new HashMap<>();
        Map<String, String> fallback = new HashMap<>();
        for (Object[] row : rows) {
            (language.equals(row[0]) ? wanted : fallback).put(key, SourceReferences.hidden((String) row[1]));
        }
        return new Localized(language, version.defaultLanguage, wanted, fallback);
    }

    private Localized localized(CourseVersion version, String language, Long bodyOfLesson, boolean allBodies,
            UnaryOperator<String> shown) {
        List<Object[]> rows = queries.versionTexts(version.id, language, version.defaultLanguage, bodyOfLesson,
                allBodies);
        Map<String, String> wanted = new HashMap<>();
        Map<String, String> fallback = new HashMap<>();
        for (Object[] row : rows) {
            String key = Localized.key((String) row[0], ((Number) row[1]).longValue(), (String) row[2]);
            (language.equals(row[3]) ? wanted : fallback).put(key, shown.apply((String) row[4]));
        }
        return new Localized(language, version.defaultLanguage, wanted, fallback);
    }

    /**
     * Every text of a version in {@code language}, lesson bodies included, falling back to the default language:
     * what a reviewer reads of the whole version at once.
     */
    public Localized whole(CourseVersion version, String language) {
        return localized(version, language, null, true, UnaryOperator.identity());
    }

    /**
     * How much of the default language's text exists in one language, counted by the database. A translation of an
     * older default-language text (outdated) does not count as translated. {@code missingByKind} counts texts
     * (a lesson's title and body are two); {@code missingItems} and {@code outdatedItems} count the courses,
     * modules, lessons, questions and glossary terms with a text missing or outdated, as the page words them.
     */
    public record Completeness(String language, long translated, long total, int percent, boolean complete,
            Map<String, Long> missingByKind, Map<String, Long> missingItems, Map<String, Long> outdatedItems) {
    }

    public List<Completeness> completeness(CourseVersion version) {
        List<Object[]> rows = queries.completeness(version.languages, version.id, version.defaultLanguage);
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, List<Map<String, Long>>> counts = new HashMap<>();
        for (String language : version.languageList()) {
            totals.put(language, new long[2]);
            counts.put(language, List.of(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>()));
        }
        for (Object[] row : rows) {
            String language = (String) row[0];
            String kind = (String) row[1];
            long[] sums = totals.get(language);
            sums[0] += ((Number) row[3]).longValue();
            sums[1] += ((Number) row[2]).longValue();
            for (int i = 0; i < 3; i++) {
                long count = ((Number) row[4 + i]).longValue();
                if (count > 0) {
                    counts.get(language).get(i).put(kind, count);
                }
            }
        }
        return totals.entrySet().stream().map(e -> {
            long translated = e.getValue()[0];
            long total = e.getValue()[1];
            List<Map<String, Long>> c = counts.get(e.getKey());
            return new Completeness(e.getKey(), translated, total,
                    total == 0 ? 100 : (int) Math.floor(translated * 100.0 / total), translated >= total,
                    c.get(0), c.get(1), c.get(2));
        }).toList();
    }
}

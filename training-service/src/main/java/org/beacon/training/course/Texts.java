package org.beacon.training.course;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.commons.text.SourceReferences;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.FormText;

/**
 * The translatable texts of versions: writing them, reading them in a language with fallback to the version's
 * default language, and how complete each translation is.
 */
@ApplicationScoped
public class Texts {

    @Inject
    EntityManager em;

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
            em.createNativeQuery("delete from content_text where owner_kind = ?1 and owner_id = ?2 and field = ?3"
                    + " and language = ?4")
                    .setParameter(1, kind).setParameter(2, ownerId).setParameter(3, field).setParameter(4, language)
                    .executeUpdate();
            return;
        }
        int changed = em.createNativeQuery("update content_text set value = ?5, outdated = false"
                + " where owner_kind = ?1 and owner_id = ?2 and field = ?3 and language = ?4"
                + " and (value <> ?5 or outdated)")
                .setParameter(1, kind).setParameter(2, ownerId).setParameter(3, field).setParameter(4, language)
                .setParameter(5, value.strip()).executeUpdate();
        if (changed == 0) {
            em.createNativeQuery("insert into content_text (version_id, owner_kind, owner_id, field, language, value)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (owner_kind, owner_id, field, language) do nothing")
                    .setParameter(1, versionId).setParameter(2, kind).setParameter(3, ownerId).setParameter(4, field)
                    .setParameter(5, language).setParameter(6, value.strip()).executeUpdate();
            return;
        }
        // A changed text of the default language: the other languages translated the old one and are outdated until
        // a translator saves them again. Inserting a text for the first time outdates nothing.
        em.createNativeQuery("update content_text t set outdated = true from course_version v"
                + " where v.id = ?1 and v.default_language = ?5 and t.owner_kind = ?2 and t.owner_id = ?3"
                + " and t.field = ?4 and t.language <> ?5 and not t.outdated")
                .setParameter(1, versionId).setParameter(2, kind).setParameter(3, ownerId).setParameter(4, field)
                .setParameter(5, language).executeUpdate();
    }

    public void putAll(long versionId, String kind, long ownerId, String field, Map<String, String> byLanguage) {
        if (byLanguage != null) {
            byLanguage.forEach((language, value) -> put(versionId, kind, ownerId, field, language, value));
        }
    }

    /** Every language's value of one field of one owner. */
    @SuppressWarnings("unchecked")
    public Map<String, String> all(String kind, long ownerId, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("select language, value from content_text where owner_kind = ?1"
                + " and owner_id = ?2 and field = ?3 order by language")
                .setParameter(1, kind).setParameter(2, ownerId).setParameter(3, field).getResultList();
        for (Object[] row : rows) {
            values.put((String) row[0], (String) row[1]);
        }
        return values;
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
    @SuppressWarnings("unchecked")
    public Localized titleForTrainees(CourseVersion version, String language) {
        List<Object[]> rows = em.createNativeQuery("select language, value from content_text where owner_kind = ?1"
                + " and owner_id = ?2 and field = ?3 and language in (?4, ?5)")
                .setParameter(1, ContentText.COURSE).setParameter(2, version.id).setParameter(3, ContentText.TITLE)
                .setParameter(4, language).setParameter(5, version.defaultLanguage).getResultList();
        String key = Localized.key(ContentText.COURSE, version.id, ContentText.TITLE);
        Map<String, String> wanted = new HashMap<>();
        Map<String, String> fallback = new HashMap<>();
        for (Object[] row : rows) {
            (language.equals(row[0]) ? wanted : fallback).put(key, SourceReferences.hidden((String) row[1]));
        }
        return new Localized(language, version.defaultLanguage, wanted, fallback);
    }

    @SuppressWarnings("unchecked")
    private Localized localized(CourseVersion version, String language, Long bodyOfLesson, boolean allBodies,
            UnaryOperator<String> shown) {
        List<Object[]> rows = em.createNativeQuery("select owner_kind, owner_id, field, language, value"
                + " from content_text where version_id = ?1 and language in (?2, ?3)"
                + " and (?6 or field <> ?5 or owner_id = ?4)")
                .setParameter(1, version.id).setParameter(2, language).setParameter(3, version.defaultLanguage)
                .setParameter(4, bodyOfLesson == null ? -1L : bodyOfLesson).setParameter(5, ContentText.BODY)
                .setParameter(6, allBodies).getResultList();
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

    @SuppressWarnings("unchecked")
    public List<Completeness> completeness(CourseVersion version) {
        List<Object[]> rows = em.createNativeQuery("""
                select l.language, d.owner_kind, count(d.id) as total,
                       count(t.id) filter (where not t.outdated) as translated,
                       count(d.id) filter (where t.id is null) as missing_texts,
                       count(distinct d.owner_id) filter (where t.id is null) as missing_items,
                       count(distinct d.owner_id) filter (where t.outdated) as outdated_items
                from unnest(string_to_array(?1, ',')) as l(language)
                cross join content_text d
                left join content_text t on t.owner_kind = d.owner_kind and t.owner_id = d.owner_id
                    and t.field = d.field and t.language = l.language
                where d.version_id = ?2 and d.language = ?3
                group by l.language, d.owner_kind
                order by l.language, d.owner_kind
                """)
                .setParameter(1, version.languages).setParameter(2, version.id)
                .setParameter(3, version.defaultLanguage).getResultList();
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

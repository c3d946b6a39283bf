package org.beacon.training.course;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The course package's native SQL: the tables it owns without an entity (content_text, lesson_attachment,
 * translation_contributor), bulk deletes of a draft, which versions use a file (asked by the enrolment package
 * for the media package), and the size of versions (asked by cohorts for progress).
 */
@ApplicationScoped
public class CourseQueries {

    /** A version's number and how many lessons it has: progress is lessons studied out of these. */
    public record VersionSize(int number, long lessons) {
    }

    @Inject
    EntityManager em;

    /** The number and lesson count of each of the versions, by version id. */
    @SuppressWarnings("unchecked")
    public Map<Long, VersionSize> versionSizes(Collection<Long> versionIds) {
        Map<Long, VersionSize> sizes = new HashMap<>();
        if (versionIds.isEmpty()) {
            return sizes;
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select v.id, v.number, (select count(*) from lesson l join course_module m on m.id = l.module_id
                                         where m.version_id = v.id)
                from course_version v where v.id in (?1)
                """).setParameter(1, versionIds).getResultList()) {
            sizes.put(((Number) row[0]).longValue(), new VersionSize(((Number) row[1]).intValue(),
                    ((Number) row[2]).longValue()));
        }
        return sizes;
    }

    /**
     * Empties a draft of the course package's content before an import of changed content fills it again: its
     * texts, modules, lessons, glossary and media, children before parents. Its assessments and questions belong to
     * the assessment package, which empties them first ({@code Assessment.deleteOfVersion}).
     */
    void deleteContent(long versionId) {
        String[] deletes = {
            "delete from content_text where version_id = ?1",
            "delete from lesson_attachment where lesson_id in (select l.id from lesson l join course_module m"
                    + " on m.id = l.module_id where m.version_id = ?1)",
            "delete from lesson where module_id in (select id from course_module where version_id = ?1)",
            "delete from course_module where version_id = ?1",
            "delete from glossary_term where version_id = ?1",
            "delete from version_media where version_id = ?1",
        };
        for (String delete : deletes) {
            em.createNativeQuery(delete).setParameter(1, versionId).executeUpdate();
        }
    }

    /**
     * The courses an author's list shows, by slug: {@code search} in the slug or a course title of any version and
     * language, any version in {@code status} or offering {@code language}, written for {@code sector}. An empty
     * criterion does not filter.
     */
    @SuppressWarnings("unchecked")
    List<Long> authoringList(String search, VersionStatus status, String language, String sector) {
        String pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return ((List<Number>) em.createNativeQuery("""
                select c.id from course c
                where (?1 = '' or c.slug ilike ?2 or c.title ilike ?2 or exists (
                        select 1 from course_version v join content_text t on t.version_id = v.id
                         where v.course_id = c.id and t.owner_kind = ?6 and t.field = ?7 and t.value ilike ?2))
                  and (?3 = '' or exists (select 1 from course_version v where v.course_id = c.id and v.status = ?3))
                  and (?4 = '' or exists (select 1 from course_version v where v.course_id = c.id
                        and ?4 = any (string_to_array(v.languages, ','))))
                  and (?5 = '' or ?5 = any (string_to_array(c.sectors, ',')))
                order by c.slug
                """).setParameter(1, search).setParameter(2, pattern).setParameter(3, status == null ? "" : status.name())
                .setParameter(4, language).setParameter(5, sector).setParameter(6, ContentText.COURSE)
                .setParameter(7, ContentText.TITLE).getResultList())
                .stream().map(Number::longValue).toList();
    }

    void deleteLessonAttachments(long lessonId) {
        em.createNativeQuery("delete from lesson_attachment where lesson_id = ?1").setParameter(1, lessonId)
                .executeUpdate();
    }

    void deleteTexts(String ownerKind, long ownerId) {
        em.createNativeQuery("delete from content_text where owner_kind = ?1 and owner_id = ?2")
                .setParameter(1, ownerKind).setParameter(2, ownerId).executeUpdate();
    }

    // The translatable texts (content_text), for Texts.

    void deleteText(String kind, long ownerId, String field, String language) {
        em.createNativeQuery("delete from content_text where owner_kind = ?1 and owner_id = ?2 and field = ?3"
                + " and language = ?4")
                .setParameter(1, kind).setParameter(2, ownerId).setParameter(3, field).setParameter(4, language)
                .executeUpdate();
    }

    /** Sets a text that exists with another value (or outdated); how many rows changed, 0 when none did. */
    int updateText(String kind, long ownerId, String field, String language, String value) {
        return em.createNativeQuery("update content_text set value = ?5, outdated = false"
                + " where owner_kind = ?1 and owner_id = ?2 and field = ?3 and language = ?4"
                + " and (value <> ?5 or outdated)")
                .setParameter(1, kind).setParameter(2, ownerId).setParameter(3, field).setParameter(4, language)
                .setParameter(5, value).executeUpdate();
    }

    void insertText(long versionId, String kind, long ownerId, String field, String language, String value) {
        em.createNativeQuery("insert into content_text (version_id, owner_kind, owner_id, field, language, value)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (owner_kind, owner_id, field, language) do nothing")
                .setParameter(1, versionId).setParameter(2, kind).setParameter(3, ownerId).setParameter(4, field)
                .setParameter(5, language).setParameter(6, value).executeUpdate();
    }

    /** Marks the other languages of a field outdated when {@code language} is the version's default language. */
    void outdateTranslations(long versionId, String kind, long ownerId, String field, String language) {
        em.createNativeQuery("update content_text t set outdated = true from course_version v"
                + " where v.id = ?1 and v.default_language = ?5 and t.owner_kind = ?2 and t.owner_id = ?3"
                + " and t.field = ?4 and t.language <> ?5 and not t.outdated")
                .setParameter(1, versionId).setParameter(2, kind).setParameter(3, ownerId).setParameter(4, field)
                .setParameter(5, language).executeUpdate();
    }

    /** (language, value) of one field of one owner, by language. */
    @SuppressWarnings("unchecked")
    List<Object[]> textByLanguage(String kind, long ownerId, String field) {
        return em.createNativeQuery("select language, value from content_text where owner_kind = ?1"
                + " and owner_id = ?2 and field = ?3 order by language")
                .setParameter(1, kind).setParameter(2, ownerId).setParameter(3, field).getResultList();
    }

    /** (language, value) of a version's course title in {@code language} and the default language. */
    @SuppressWarnings("unchecked")
    List<Object[]> courseTitles(long versionId, String language, String defaultLanguage) {
        return em.createNativeQuery("select language, value from content_text where owner_kind = ?1"
                + " and owner_id = ?2 and field = ?3 and language in (?4, ?5)")
                .setParameter(1, ContentText.COURSE).setParameter(2, versionId).setParameter(3, ContentText.TITLE)
                .setParameter(4, language).setParameter(5, defaultLanguage).getResultList();
    }

    /**
     * (owner_kind, owner_id, field, language, value) of a version's texts in {@code language} and the default
     * language; lesson bodies only of {@code bodyOfLesson}, or all of them.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> versionTexts(long versionId, String language, String defaultLanguage, Long bodyOfLesson,
            boolean allBodies) {
        return em.createNativeQuery("select owner_kind, owner_id, field, language, value"
                + " from content_text where version_id = ?1 and language in (?2, ?3)"
                + " and (?6 or field <> ?5 or owner_id = ?4)")
                .setParameter(1, versionId).setParameter(2, language).setParameter(3, defaultLanguage)
                .setParameter(4, bodyOfLesson == null ? -1L : bodyOfLesson).setParameter(5, ContentText.BODY)
                .setParameter(6, allBodies).getResultList();
    }

    /**
     * For each language of {@code languages} (comma-separated) and kind of owner: (language, owner_kind, total,
     * translated, missing texts, missing items, outdated items), counted against the default language's texts.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> completeness(String languages, long versionId, String defaultLanguage) {
        return em.createNativeQuery("""
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
                .setParameter(1, languages).setParameter(2, versionId).setParameter(3, defaultLanguage)
                .getResultList();
    }

    // Lesson attachments (lesson_attachment) and translation contributors (translation_contributor).

    void attach(long lessonId, long attachmentId, int position) {
        em.createNativeQuery("insert into lesson_attachment (lesson_id, attachment_id, position) values (?1, ?2, ?3)"
                + " on conflict do nothing")
                .setParameter(1, lessonId).setParameter(2, attachmentId).setParameter(3, position).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    List<Long> attachmentsOf(long lessonId) {
        return ((List<Number>) em.createNativeQuery("select attachment_id from lesson_attachment where lesson_id = ?1"
                + " order by position").setParameter(1, lessonId).getResultList())
                .stream().map(Number::longValue).toList();
    }

    void addTranslationContributor(long versionId, String language, String subject) {
        em.createNativeQuery("insert into translation_contributor (version_id, language, subject)"
                + " values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, versionId).setParameter(2, language).setParameter(3, subject)
                .executeUpdate();
    }

    boolean isTranslationContributor(long versionId, String language, String subject) {
        return ((Number) em.createNativeQuery("select count(*) from translation_contributor"
                + " where version_id = ?1 and language = ?2 and subject = ?3")
                .setParameter(1, versionId).setParameter(2, language).setParameter(3, subject)
                .getSingleResult()).longValue() > 0;
    }

    /**
     * The versions whose media, or a lesson's attachments, include the attachment, each with whether it is
     * published: who may download the file follows from them.
     */
    @SuppressWarnings("unchecked")
    public Map<Long, Boolean> versionsUsing(long attachmentId) {
        Map<Long, Boolean> published = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select v.id, v.status = ?2 from course_version v
                 where exists (select 1 from version_media vm where vm.version_id = v.id and vm.attachment_id = ?1)
                    or exists (select 1 from lesson_attachment la join lesson l on l.id = la.lesson_id
                               join course_module m on m.id = l.module_id
                               where m.version_id = v.id and la.attachment_id = ?1)
                """).setParameter(1, attachmentId).setParameter(2, VersionStatus.published.name())
                .getResultList()) {
            published.put(((Number) row[0]).longValue(), (Boolean) row[1]);
        }
        return published;
    }
}

package org.beacon.training.course;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The course package's native SQL over the tables it owns without an entity, and bulk deletes of a draft. */
@ApplicationScoped
public class CourseQueries {

    @Inject
    EntityManager em;

    /**
     * Empties a draft before an import of changed content fills it again: its assessments, questions, texts,
     * modules, lessons, glossary and media, children before parents.
     */
    void deleteContent(long versionId) {
        String[] deletes = {
            "delete from assessment_question where assessment_id in (select id from assessment where version_id = ?1)",
            "delete from assessment where version_id = ?1",
            "delete from question_answer where question_id in (select id from question where version_id = ?1)",
            "delete from content_text where version_id = ?1",
            "delete from lesson_attachment where lesson_id in (select l.id from lesson l join course_module m"
                    + " on m.id = l.module_id where m.version_id = ?1)",
            "delete from lesson where module_id in (select id from course_module where version_id = ?1)",
            "delete from course_module where version_id = ?1",
            "delete from glossary_term where version_id = ?1",
            "delete from version_media where version_id = ?1",
            "delete from question where version_id = ?1",
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
    List<Long> authoringList(String search, String status, String language, String sector) {
        String pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return ((List<Number>) em.createNativeQuery("""
                select c.id from course c
                where (?1 = '' or c.slug ilike ?2 or c.title ilike ?2 or exists (
                        select 1 from course_version v join content_text t on t.version_id = v.id
                         where v.course_id = c.id and t.owner_kind = 'course' and t.field = 'title' and t.value ilike ?2))
                  and (?3 = '' or exists (select 1 from course_version v where v.course_id = c.id and v.status = ?3))
                  and (?4 = '' or exists (select 1 from course_version v where v.course_id = c.id
                        and ?4 = any (string_to_array(v.languages, ','))))
                  and (?5 = '' or ?5 = any (string_to_array(c.sectors, ',')))
                order by c.slug
                """).setParameter(1, search).setParameter(2, pattern).setParameter(3, status)
                .setParameter(4, language).setParameter(5, sector).getResultList())
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
}

package org.beacon.training.course;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A lesson of a module: Markdown text per language (in {@link ContentText}) and linked media. */
@Entity
public class Lesson extends PanacheEntityBase {

    /** The longest lesson text, in characters, that authors may write (forms and API alike). */
    public static final int MAX_BODY_CHARS = 50_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "module_id")
    public Long moduleId;
    public int position;
    public String slug;

    /** The lessons of a version in study order: module by module, lesson by lesson. */
    public static List<Lesson> inOrder(long versionId) {
        return find("select l from Lesson l, CourseModule m where l.moduleId = m.id and m.versionId = ?1"
                + " order by m.position, l.position", versionId).list();
    }

    public static List<Lesson> ofModule(long moduleId) {
        return list("moduleId = ?1 order by position", moduleId);
    }
}

package org.beacon.training.course;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A term kept untranslated (confiage, talibé, restavek) with its explanation per language (PRODUCT.md §6). */
@Entity
@Table(name = "glossary_term")
public class GlossaryTerm extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "version_id")
    public Long versionId;
    public int position;
    public String term;
    public String sources;

    public static List<GlossaryTerm> of(long versionId) {
        return list("versionId = ?1 order by position", versionId);
    }
}

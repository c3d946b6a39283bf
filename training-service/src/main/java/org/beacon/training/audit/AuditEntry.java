package org.beacon.training.audit;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.beacon.commons.audit.AuditFilter;
import org.beacon.commons.audit.AuditRecord;
import org.beacon.commons.audit.AuditSummary;

/** Who did what to published content or exported what, and when (PRODUCT.md §8). Rows are never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(insertable = false, updatable = false)
    public OffsetDateTime at;
    public String actor;
    @Column(name = "actor_name")
    public String actorName;
    /** The organization of the person who acted: training content belongs to no single organization. */
    public String organization;
    public String action;
    public String entity;
    @Column(name = "entity_id")
    public Long entityId;
    /** The English text; the only text of entries written before keys were stored. */
    public String detail;
    /** The message key of {@code i18n/audit*.properties}, null for older entries. */
    @Column(name = "summary_key")
    public String summaryKey;
    /** The key's arguments as {@link AuditSummary#argumentsJson()} writes them. */
    @Column(name = "summary_arguments")
    public String summaryArguments;

    /** The entries an admin asked for, newest first, one page. */
    public static List<AuditEntry> matching(AuditFilter filter) {
        return find(filter.query(), filter.parameters()).page(filter.page(), filter.size()).list();
    }

    /** The entry as the audit API sends it, its summary in {@code language}. */
    public AuditRecord record(String language) {
        return new AuditRecord("training", id, at, actor, actorName, organization, action, entity, entityId,
                AuditSummary.shown(summaryKey, summaryArguments, detail, language));
    }
}

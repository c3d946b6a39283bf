package org.beacon.campaign.audit;

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

/** One line of the audit log: who did what to which item, and when. */
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
    public String organization;
    public String action;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_id")
    public Long subjectId;
    /** The English text; the only text of entries written before keys were stored. */
    public String summary;
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
        return new AuditRecord("campaigns", id, at, actor, actorName, organization, action, subjectType, subjectId,
                AuditSummary.shown(summaryKey, summaryArguments, summary, language));
    }

    public static List<AuditEntry> about(String subjectType, long subjectId) {
        return list("subjectType = ?1 and subjectId = ?2 order by id desc", subjectType, subjectId);
    }
}

package org.beacon.campaign.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;

/**
 * Writes the audit log (PRODUCT.md §8). Joins the caller's transaction, so an entry exists exactly when the change
 * it describes was committed.
 */
@ApplicationScoped
public class AuditLog {

    public static final String PUBLISH = "publish";
    public static final String UNPUBLISH = "unpublish";
    public static final String APPROVE = "approve";
    public static final String IMPORT = "import";
    public static final String CREATE = "create";
    public static final String CHANGE = "change";

    @Inject
    CurrentUser user;

    /** Stores the summary's key and arguments, and its English text, which any reader of the table can read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subjectType, Long subjectId, String organization,
            AuditSummary sentence) {
        String summary = sentence.english();
        AuditEntry entry = new AuditEntry();
        entry.actor = user.subject();
        entry.actorName = user.displayName();
        entry.organization = organization;
        entry.action = action;
        entry.subjectType = subjectType;
        entry.subjectId = subjectId;
        entry.summary = summary.length() > 1000 ? summary.substring(0, 997) + "..." : summary;
        entry.summaryKey = sentence.key();
        entry.summaryArguments = sentence.argumentsJson();
        entry.persist();
    }
}

package org.beacon.training.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;

/** Writes the audit trail inside the caller's transaction when there is one, so an action that fails leaves no entry. */
@ApplicationScoped
public class AuditLog {

    @Inject
    CurrentUser user;

    @Transactional
    /** Stores the summary's key and arguments, and its English text, which any reader of the table can read. */
    public void record(String action, String entity, Long entityId, AuditSummary summary) {
        String detail = summary.english();
        AuditEntry entry = new AuditEntry();
        entry.actor = user.subject();
        entry.actorName = user.isSignedIn() ? user.displayName() : null;
        entry.organization = user.organization().orElse(null);
        entry.action = action;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.detail = detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        entry.summaryKey = summary.key();
        entry.summaryArguments = summary.argumentsJson();
        entry.persist();
    }
}

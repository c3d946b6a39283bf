package org.beacon.commons.audit;

import java.time.OffsetDateTime;

/**
 * One audit entry as a service's admin API sends it and the gateway's admin page reads it: the same fields in both
 * services, so the page can merge them by time. {@code service} says which one wrote it.
 */
public record AuditRecord(String service, long id, OffsetDateTime at, String actor, String actorName,
        String organization, String action, String subjectType, Long subjectId, String summary) {
}

package org.weiquan.api.query;

import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.OrganisationId;

import java.time.Instant;

/**
 * Events across every case {@code viewer} may see, filtered by actor, time window [from, to),
 * event type and case kind ("everything officer X did last week"); {@code null} filters match all.
 */
public record AuditQuery(OrganisationId viewer, String actor, Instant from, Instant to, String eventType,
                         CaseKind kind, int page, int size) {
    public AuditQuery {
        if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
        if (size < 1 || size > 5000) throw new IllegalArgumentException("size must be between 1 and 5000");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}

package org.weiquan.api.query;

import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.OrganisationId;

import java.time.Instant;

/**
 * Events across every case {@code viewer} may see, filtered by actor, time window [from, to),
 * event type and case kind ("everything officer X did last week"); {@code null} filters match all.
 * A page is {@code size} events, either the {@code page}-th or those after {@code after} (a
 * cursor from the page before); the events of a petition that accuses the viewer's organisation
 * are not among them.
 */
public record AuditQuery(OrganisationId viewer, String actor, Instant from, Instant to, String eventType,
                         CaseKind kind, int page, int size, AuditCursor after) {
    public AuditQuery {
        if (after != null && page != 0) throw new IllegalArgumentException("page and after cannot be given together");
        if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
        if (size < 1 || size > 5000) throw new IllegalArgumentException("size must be between 1 and 5000");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}

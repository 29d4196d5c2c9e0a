package org.weiquan.api.query;

import java.util.List;

/** One page of the audit trail across cases, oldest first. */
public record AuditPage(List<AuditEntry> items, int page, int size, long totalItems) {
    public AuditPage {
        items = List.copyOf(items);
    }
}

package org.weiquan.api.query;

import java.util.List;

/**
 * One page of the audit trail across cases, oldest first; {@code totalItems} counts every match.
 * {@code next}: the cursor of the page after this one, null on the last page.
 */
public record AuditPage(List<AuditEntry> items, int page, int size, long totalItems, String next) {
    public AuditPage {
        items = List.copyOf(items);
    }
}

package org.weiquan.api.legalaid;

import java.util.List;

/** One page of the legal-aid list. */
public record LegalAidCasePage(List<LegalAidCaseSummary> items, int page, int size, long totalItems) {
    public LegalAidCasePage {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}

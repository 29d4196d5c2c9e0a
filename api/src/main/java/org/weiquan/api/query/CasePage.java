package org.weiquan.api.query;

import java.util.List;

/** One page of the cross-kind case list. */
public record CasePage(List<CaseSummary> items, int page, int size, long totalItems) {
    public CasePage {
        items = List.copyOf(items);
    }
}

package org.weiquan.api.dispute;

import java.util.List;

/** One page of the dispute list. */
public record DisputePage(List<DisputeSummary> items, int page, int size, long totalItems) {
    public DisputePage {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}

package org.weiquan.api.hazard;

import java.util.List;

/** One page of the hazard list. */
public record HazardPage(List<HazardSummary> items, int page, int size, long totalItems) {
    public HazardPage {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}

package org.weiquan.api.petition;

import java.util.List;

/** One page of the petition list. */
public record PetitionPage(List<PetitionSummary> items, int page, int size, long totalItems) {
    public PetitionPage {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}

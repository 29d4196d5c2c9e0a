package org.weiquan.api.query;

import java.util.Objects;

/**
 * The events of one case (of any kind), in order, with their metadata: those after sequence number
 * {@code afterSequence} (−1: from the first), at most {@code limit} of them (0: all). Paging by
 * sequence number stays stable while the case gains events.
 */
public record CaseHistoryQuery(String caseId, long afterSequence, int limit) {
    public CaseHistoryQuery {
        Objects.requireNonNull(caseId, "case id");
        if (afterSequence < -1) throw new IllegalArgumentException("afterSequence must be -1 or more");
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative");
    }

    /** Every event of the case. */
    public CaseHistoryQuery(String caseId) {
        this(caseId, -1, 0);
    }
}

package org.weiquan.api.dispute;

import org.weiquan.api.common.District;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;

/** Queries on the labour dispute read models. */
public final class DisputeQueries {
    private DisputeQueries() {
    }

    /**
     * One page of disputes visible to {@code viewer} (its organisation and those below), optionally
     * filtered; {@code null} filters match everything.
     */
    public record ListDisputesQuery(OrganisationId viewer, DisputeStatus status, District district,
                                    OfficerId officer, Boolean overdue, int page, int size) {
        public ListDisputesQuery {
            if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
            if (size < 1 || size > 200) throw new IllegalArgumentException("size must be between 1 and 200");
        }
    }

    /** The current state of one dispute. */
    public record FindDisputeQuery(DisputeId disputeId) {
    }
}

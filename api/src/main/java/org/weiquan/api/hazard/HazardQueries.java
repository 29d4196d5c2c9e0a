package org.weiquan.api.hazard;

import org.weiquan.api.common.District;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;

/** Queries on the safety hazard read models. */
public final class HazardQueries {
    private HazardQueries() {
    }

    /**
     * One page of hazards visible to {@code viewer} (its organisation and those below), optionally
     * filtered; {@code null} filters match everything. {@code officer} matches the reporting inspector.
     */
    public record ListHazardsQuery(OrganisationId viewer, HazardStatus status, HazardSeverity severity,
                                   District district, OfficerId officer, Boolean overdue, int page, int size) {
        public ListHazardsQuery {
            if (viewer == null) throw new IllegalArgumentException("viewer is required");
            if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
            if (size < 1 || size > 200) throw new IllegalArgumentException("size must be between 1 and 200");
        }
    }

    /** The current state of one hazard. */
    public record FindHazardQuery(HazardId hazardId) {
    }
}

package org.weiquan.api.legalaid;

import org.weiquan.api.common.District;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;

/** Queries on the legal-aid read models. */
public final class LegalAidQueries {
    private LegalAidQueries() {
    }

    /**
     * One page of legal-aid cases visible to {@code viewer} (its organisation and those below),
     * optionally filtered; {@code null} filters match everything. {@code officer} matches the officer
     * in charge or the assigned lawyer.
     */
    public record ListLegalAidCasesQuery(OrganisationId viewer, LegalAidStatus status, District district,
                                         OfficerId officer, Boolean overdue, int page, int size) {
        public ListLegalAidCasesQuery {
            if (viewer == null) throw new IllegalArgumentException("viewer is required");
            if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
            if (size < 1 || size > 200) throw new IllegalArgumentException("size must be between 1 and 200");
        }
    }

    /** The current state of one legal-aid case. */
    public record FindLegalAidCaseQuery(LegalAidCaseId legalAidCaseId) {
    }
}

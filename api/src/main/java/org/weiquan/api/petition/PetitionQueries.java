package org.weiquan.api.petition;

import org.weiquan.api.common.District;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;

/** Queries on the petition read models. */
public final class PetitionQueries {
    private PetitionQueries() {
    }

    /**
     * One page of petitions visible to {@code viewer} (its organisation and those below), optionally
     * filtered; {@code null} filters match everything. {@code officer} matches the officer in charge
     * or the handling officer.
     */
    public record ListPetitionsQuery(OrganisationId viewer, PetitionStatus status, District district,
                                     OfficerId officer, Boolean overdue, PetitionChannel channel, int page, int size) {
        public ListPetitionsQuery {
            if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
            if (size < 1 || size > 200) throw new IllegalArgumentException("size must be between 1 and 200");
        }
    }

    /** The current state of one petition, in full (the application withholds what a viewer may not see). */
    public record FindPetitionQuery(PetitionId petitionId) {
    }
}

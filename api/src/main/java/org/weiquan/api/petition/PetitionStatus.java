package org.weiquan.api.petition;

import org.weiquan.api.common.CaseStatus;

/**
 * Where a petition stands. {@link #CLOSED} is not final for the petitioner: a review (复查) or
 * re-examination (复核) requested within its window reopens the case.
 */
public enum PetitionStatus implements CaseStatus {
    RECEIVED, REGISTERED, ASSIGNED, ACCEPTED, NOT_ACCEPTED, REPLIED, REVIEW_REQUESTED, REVIEW_ANSWERED,
    REEXAMINATION_REQUESTED, REEXAMINATION_ANSWERED, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}

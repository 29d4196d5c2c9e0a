package org.weiquan.api.petition;

/**
 * Where a petition stands. {@link #CLOSED} is not final for the petitioner: a review (复查) or
 * re-examination (复核) requested within its window reopens the case.
 */
public enum PetitionStatus {
    RECEIVED, REGISTERED, ASSIGNED, ACCEPTED, NOT_ACCEPTED, REPLIED, REVIEW_REQUESTED, REVIEW_ANSWERED,
    REEXAMINATION_REQUESTED, REEXAMINATION_ANSWERED, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}

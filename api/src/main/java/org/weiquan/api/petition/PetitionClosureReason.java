package org.weiquan.api.petition;

/** Why a petition was closed. */
public enum PetitionClosureReason {
    /** Answered: a reply, review or re-examination opinion was given. */
    RESOLVED,
    /** The petitioner was told in writing that it is not accepted. */
    NOT_ACCEPTED,
    /** The petitioner withdrew before a reply. */
    WITHDRAWN
}

package org.weiquan.api.petition;

/** Why a petitioner's claim is final, after which the same claim is not accepted again (§36). */
public enum FinalityBasis {
    /** The 30 days after the reply passed without a request for review. */
    REVIEW_NOT_REQUESTED,
    /** The 30 days after the review opinion passed without a request for re-examination. */
    REEXAMINATION_NOT_REQUESTED,
    /** The re-examination opinion was given. */
    REEXAMINED
}

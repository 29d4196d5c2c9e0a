package org.weiquan.api.petition;

/** What a review (复查) or re-examination (复核) decided about the answer below it. */
public enum ReviewDecision {
    /** 维持: the answer stands. */
    UPHELD,
    /** 变更: the answer is changed. */
    VARIED,
    /** 撤销: the answer is set aside and the matter handled again. */
    REVOKED
}

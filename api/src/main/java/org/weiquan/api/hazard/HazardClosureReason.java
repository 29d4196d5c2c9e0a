package org.weiquan.api.hazard;

/** Why a safety hazard case was closed. */
public enum HazardClosureReason {
    /** The rectification passed verification (for a major hazard: 销号 once both reports are made). */
    RECTIFIED,
    /**
     * The employer stopped operating at the site (closed down, deregistered, moved out): nobody is
     * exposed any more and nobody is left to rectify.
     */
    EMPLOYER_CEASED_OPERATIONS,
    /** The report was a mistake (no hazard on closer inspection), withdrawn before any notice went out. */
    WITHDRAWN_AS_MISTAKEN
}

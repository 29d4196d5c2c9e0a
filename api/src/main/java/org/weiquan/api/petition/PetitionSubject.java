package org.weiquan.api.petition;

/** What a petition is about, as registered; the monthly analysis report counts by it. */
public enum PetitionSubject {
    WAGE_ARREARS,
    DISMISSAL,
    SOCIAL_INSURANCE,
    WORK_INJURY,
    WORK_SAFETY,
    /** Union membership, organising and workers' congress rights. */
    UNION_RIGHTS,
    /** Conduct of union officials or units (检举、控告). */
    OFFICIALS_CONDUCT,
    OTHER
}

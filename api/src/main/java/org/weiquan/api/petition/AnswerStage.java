package org.weiquan.api.petition;

/** The answers a petitioner may receive, in order: each may be rated and challenged once. */
public enum AnswerStage {
    /** The handling unit's written reply (§34). */
    REPLY,
    /** The superior organ's review opinion (复查, §35). */
    REVIEW,
    /** The re-examination opinion (复核, §36): the last word. */
    REEXAMINATION
}

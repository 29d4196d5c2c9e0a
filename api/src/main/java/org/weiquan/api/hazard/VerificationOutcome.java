package org.weiquan.api.hazard;

/** What the union found when it checked the employer's rectification on site. */
public enum VerificationOutcome {
    /** The hazard is removed. */
    PASSED,
    /** The hazard remains: the notice is reissued with a new deadline. */
    FAILED
}

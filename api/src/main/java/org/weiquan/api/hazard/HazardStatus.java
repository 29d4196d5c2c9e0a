package org.weiquan.api.hazard;

import org.weiquan.api.common.CaseStatus;

/**
 * Where a safety hazard stands. Being overdue is not a status: a hazard past its rectification
 * deadline is still {@link #RECTIFYING} (or {@link #RECTIFICATION_SUBMITTED}), flagged overdue.
 */
public enum HazardStatus implements CaseStatus {
    /** Reported by the inspector; no rectification notice yet. */
    REPORTED,
    /** A rectification notice (整改意见) is out and its deadline runs. */
    RECTIFYING,
    /** The employer submitted its rectification with evidence; the union has yet to verify it. */
    RECTIFICATION_SUBMITTED,
    /** A major hazard whose rectification passed verification, awaiting closure (销号). */
    VERIFIED,
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}

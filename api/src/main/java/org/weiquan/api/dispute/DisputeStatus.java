package org.weiquan.api.dispute;

import org.weiquan.api.common.CaseStatus;

/** Where a labour dispute stands in its lifecycle. */
public enum DisputeStatus implements CaseStatus {
    FILED, ACCEPTED, MEDIATING, SETTLED, PAID, MEDIATION_FAILED, REFERRED_TO_ARBITRATION, IN_ARBITRATION, AWARDED, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}

package org.weiquan.api.dispute;

/** Why a dispute was closed. */
public enum ClosureReason {
    /** Settled and paid, or an arbitration award recorded. */
    RESOLVED,
    /** The worker withdrew the application. */
    WITHDRAWN,
    /** The mediation body or the arbitration commission did not accept the case. */
    NOT_ACCEPTED
}

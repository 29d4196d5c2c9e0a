package org.weiquan.api.dispute;

/** The arbitration award's finding on the workers' claim. */
public enum AwardOutcome {
    UPHELD, PARTIALLY_UPHELD, DISMISSED
}

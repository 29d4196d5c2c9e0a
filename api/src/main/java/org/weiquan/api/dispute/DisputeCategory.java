package org.weiquan.api.dispute;

/** What the dispute is about. */
public enum DisputeCategory {
    WAGE_ARREARS, DISMISSAL, SOCIAL_INSURANCE, WORK_INJURY, OVERTIME, CONTRACT, OTHER
}

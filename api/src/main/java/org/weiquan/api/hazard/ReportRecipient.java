package org.weiquan.api.hazard;

/** Whom a major hazard must be reported to (《安全生产法》§41). */
public enum ReportRecipient {
    /** 负有安全生产监督管理职责的部门: the work-safety authority. */
    WORK_SAFETY_AUTHORITY,
    /** 职工大会或者职工代表大会: the workers' (representatives') congress of the employer. */
    WORKERS_CONGRESS
}

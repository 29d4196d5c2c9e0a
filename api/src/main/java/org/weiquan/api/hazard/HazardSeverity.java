package org.weiquan.api.hazard;

/** How grave a hazard is, in the terms of 《安全生产法》. */
public enum HazardSeverity {
    /** 一般事故隐患: rectified by the employer on the union's notice. */
    GENERAL,
    /**
     * 重大事故隐患: besides rectification, reported to the work-safety authority and the workers'
     * congress (§41), possibly put under listed supervision (挂牌督办), and closed only by 销号.
     */
    MAJOR
}

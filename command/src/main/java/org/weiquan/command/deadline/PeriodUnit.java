package org.weiquan.command.deadline;

/** How a legal period is counted. */
public enum PeriodUnit {
    /** 日: every calendar day counts; only the last day rolls over a rest day (民法典 §203). */
    CALENDAR_DAYS,
    /** 工作日: only working days count, adjusted working weekends (调休) included. */
    WORKING_DAYS
}

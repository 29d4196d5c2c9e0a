package org.weiquan.api.monitoring;

import org.weiquan.api.common.CaseKind;

/** The deadlines whose on-time rate monitoring reports, each with the kind of case it belongs to. */
public enum MonitoredDeadline {
    /** Arbitration award within 45 days of acceptance, plus any extension (《劳动争议调解仲裁法》§43). */
    ARBITRATION_AWARD(CaseKind.LABOUR_DISPUTE),
    /** Rectification verified by the notice's deadline, notice by notice. */
    RECTIFICATION_VERIFICATION(CaseKind.SAFETY_HAZARD),
    /** Eligibility decision within the decision period (《法律援助法》§43). */
    LEGAL_AID_DECISION(CaseKind.LEGAL_AID),
    /** First lawyer assigned within 3 days of approval (§43). */
    LAWYER_ASSIGNMENT(CaseKind.LEGAL_AID),
    /** Objection to a rejection reviewed within 5 days (§49). */
    OBJECTION_REVIEW(CaseKind.LEGAL_AID),
    /** Forwarded or assigned within 15 days (《信访工作条例》§22). */
    PETITION_ASSIGNMENT(CaseKind.PETITION),
    /** Petitioner told within 15 days whether the petition is accepted (§23). */
    PETITION_ACCEPTANCE_NOTICE(CaseKind.PETITION),
    /** Replied within 60 days of acceptance, plus any extension (§34). */
    PETITION_REPLY(CaseKind.PETITION),
    /** Review (复查) answered within 30 days (§35). */
    PETITION_REVIEW_ANSWER(CaseKind.PETITION),
    /** Re-examination (复核) answered within 30 days (§36). */
    PETITION_REEXAMINATION_ANSWER(CaseKind.PETITION);

    private final CaseKind kind;

    MonitoredDeadline(CaseKind kind) {
        this.kind = kind;
    }

    public CaseKind kind() {
        return kind;
    }
}

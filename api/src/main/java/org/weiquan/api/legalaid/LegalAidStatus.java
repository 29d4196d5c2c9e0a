package org.weiquan.api.legalaid;

import org.weiquan.api.common.CaseStatus;

/**
 * Where a legal-aid case stands. Urgent aid (§44) is not a status of its own: it is granted while the
 * application is still {@link #APPLIED} or {@link #AWAITING_MATERIALS}, and the case keeps that status
 * until the eligibility decision.
 */
public enum LegalAidStatus implements CaseStatus {
    /** Application received; the eligibility decision is due (§43: 7 days). */
    APPLIED,
    /** The one notice of missing materials was sent; the decision period does not run (申请人补充材料的时间不计入审查期限). */
    AWAITING_MATERIALS,
    /** Aid approved; a lawyer of the panel is to be assigned (§43: within 3 days). */
    APPROVED,
    /** Aid refused in writing with reasons; the applicant may object (§49). */
    REJECTED,
    /** The applicant objected to the rejection; the review is due (§49: 5 days). */
    OBJECTION_UNDER_REVIEW,
    /** A panel lawyer acts for the applicant: consultation, filing, hearings. */
    LAWYER_ASSIGNED,
    /** The matter ended (won, lost, settled, withdrawn, terminated §48); the closing report is due. */
    OUTCOME_RECORDED,
    /** The closing report (结案报告) was submitted; the case can be closed. */
    REPORTED,
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}

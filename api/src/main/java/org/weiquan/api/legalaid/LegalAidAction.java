package org.weiquan.api.legalaid;

import org.weiquan.api.common.CaseAction;

import java.util.Set;

import static org.weiquan.api.legalaid.LegalAidStatus.*;

/** The transitions of a legal-aid case and the statuses in which each may be taken. */
public enum LegalAidAction implements CaseAction<LegalAidStatus> {
    REQUEST_MISSING_MATERIALS("request missing materials", APPLIED),
    RECORD_MATERIALS_RECEIVED("record the missing materials as received", AWAITING_MATERIALS),
    GRANT_URGENT_AID("grant urgent aid", APPLIED, AWAITING_MATERIALS),
    APPROVE("approve", APPLIED),
    REJECT("reject", APPLIED, AWAITING_MATERIALS),
    /** Once aid is approved; before the decision only under urgent aid (the aggregate checks it). */
    ASSIGN_LAWYER("assign a lawyer", APPROVED, LAWYER_ASSIGNED, APPLIED, AWAITING_MATERIALS),
    /** While a lawyer acts for the applicant (the aggregate checks that one does). */
    RECORD_ACTIVITY("record an activity", APPLIED, AWAITING_MATERIALS, LAWYER_ASSIGNED),
    RECORD_OUTCOME("record the outcome", LAWYER_ASSIGNED),
    SUBMIT_CLOSING_REPORT("submit the closing report", OUTCOME_RECORDED),
    LODGE_OBJECTION("lodge an objection", REJECTED),
    REVIEW_OBJECTION("review the objection", OBJECTION_UNDER_REVIEW),
    /** Which reason closes the case depends on its status: the aggregate decides. */
    CLOSE("close", CaseAction.whileOpen(LegalAidStatus.class));

    private final String description;
    private final Set<LegalAidStatus> allowedIn;

    LegalAidAction(String description, LegalAidStatus... allowedIn) {
        this(description, CaseAction.statuses(LegalAidStatus.class, allowedIn));
    }

    LegalAidAction(String description, Set<LegalAidStatus> allowedIn) {
        this.description = description;
        this.allowedIn = allowedIn;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Set<LegalAidStatus> allowedIn() {
        return allowedIn;
    }
}

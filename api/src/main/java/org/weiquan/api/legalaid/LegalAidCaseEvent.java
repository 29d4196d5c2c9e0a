package org.weiquan.api.legalaid;

import org.axonframework.serialization.Revision;
import org.weiquan.api.common.CaseLifecycle;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.EventType;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.FREE_TEXT;
import static org.weiquan.api.common.Personal.Kind.STAFF;
import static org.weiquan.api.common.Personal.Kind.STAFF_NAME;

/**
 * Everything that can happen to a legal-aid case. Each event is stored under its {@link EventType}
 * name and {@link Revision}; neither is ever changed for an event already in the log.
 */
public sealed interface LegalAidCaseEvent {
    LegalAidCaseId legalAidCaseId();

    /**
     * An application was received. {@code meansTestExempt}: the aggregate's finding that a migrant
     * worker claims wages or work-injury compensation (§42), so approval needs no means test.
     * {@code decisionDueOn}: the last day of the decision period (§43).
     */
    @EventType("legal-aid.applied")
    @Revision("1")
    record LegalAidAppliedEvent(LegalAidCaseId legalAidCaseId, CaseNumber caseNumber, OrganisationId organisation,
                                District district, Worker applicant, boolean migrantWorker,
                                MatterCategory matterCategory, @Personal(FREE_TEXT) String matter, @Personal(FREE_TEXT) String grounds,
                                BigDecimal amountClaimed, Employer employer, LocalDate appliedOn,
                                @Personal(STAFF) OfficerId officerInCharge, boolean meansTestExempt, LocalDate decisionDueOn)
            implements LegalAidCaseEvent {
    }

    /**
     * The one notice of missing materials, listing every item (§43). The decision period stops running
     * until they arrive; {@code decisionDaysUsed} of it had passed.
     */
    @EventType("legal-aid.missing-materials-requested")
    @Revision("1")
    record MissingMaterialsRequestedEvent(LegalAidCaseId legalAidCaseId, LocalDate requestedOn, @Personal(FREE_TEXT) List<String> items,
                                          LocalDate supplyBy, int decisionDaysUsed) implements LegalAidCaseEvent {
        public MissingMaterialsRequestedEvent {
            items = List.copyOf(items);
        }
    }

    /**
     * The materials arrived (or the applicant explained). The decision period resumes with the days it
     * had left and ends on {@code decisionDueOn}; {@code decisionPeriodResumed} is false when it had run
     * out before the notice, in which case the decision stays overdue and the due date is unchanged.
     */
    @EventType("legal-aid.missing-materials-received")
    @Revision("1")
    record MissingMaterialsReceivedEvent(LegalAidCaseId legalAidCaseId, LocalDate receivedOn, @Personal(FREE_TEXT) String note,
                                         boolean decisionPeriodResumed, LocalDate decisionDueOn)
            implements LegalAidCaseEvent {
    }

    /** The date the notice set passed without the materials: the application may be treated as withdrawn (§43). */
    @EventType("legal-aid.materials-supply-period-expired")
    @Revision("1")
    record MaterialsSupplyPeriodExpiredEvent(LegalAidCaseId legalAidCaseId, LocalDate supplyBy)
            implements LegalAidCaseEvent {
    }

    /**
     * Aid given ahead of the decision (§44): only {@code daysRemaining} days were left until the
     * limitation or procedural deadline {@code deadlineOn}. A lawyer is due by {@code lawyerAssignmentDueOn}.
     */
    @EventType("legal-aid.urgent-aid-granted")
    @Revision("1")
    record UrgentAidGrantedEvent(LegalAidCaseId legalAidCaseId, LocalDate grantedOn, LocalDate deadlineOn,
                                 @Personal(FREE_TEXT) String deadlineDescription, int daysRemaining, LocalDate lawyerAssignmentDueOn)
            implements LegalAidCaseEvent {
    }

    /** No eligibility decision by the end of the decision period (§43). */
    @EventType("legal-aid.decision-overdue")
    @Revision("1")
    record DecisionOverdueEvent(LegalAidCaseId legalAidCaseId, LocalDate dueOn) implements LegalAidCaseEvent {
    }

    /**
     * Aid approved. {@code meansTest} is null for an exempt applicant who brought none.
     * {@code lawyerAssignmentDueOn}: when the lawyer is due (§43); null when a lawyer already acts under
     * urgent aid.
     */
    @EventType("legal-aid.approved")
    @Revision("1")
    record LegalAidApprovedEvent(LegalAidCaseId legalAidCaseId, LocalDate decidedOn, boolean meansTestExempt,
                                 MeansTestResult meansTest, boolean withinPeriod, LocalDate lawyerAssignmentDueOn)
            implements LegalAidCaseEvent {
    }

    /**
     * Aid refused, in writing with the reasons (§43). Urgent aid already given ends with the refusal
     * ({@code urgentAidEnded}), and with it the lawyer's assignment.
     */
    @EventType("legal-aid.rejected")
    @Revision("1")
    record LegalAidRejectedEvent(LegalAidCaseId legalAidCaseId, LocalDate decidedOn, @Personal(FREE_TEXT) String reasons,
                                 boolean withinPeriod, boolean urgentAidEnded) implements LegalAidCaseEvent {
    }

    /** {@code previousLawyerId} is null on the first assignment; {@code withinPeriod} compares with the due date. */
    @EventType("legal-aid.lawyer-assigned")
    @Revision("1")
    record LawyerAssignedEvent(LegalAidCaseId legalAidCaseId, @Personal(STAFF) String lawyerId, @Personal(STAFF_NAME) String lawyerName, LocalDate assignedOn,
                               @Personal(STAFF) String previousLawyerId, boolean withinPeriod) implements LegalAidCaseEvent {
    }

    /** No lawyer assigned by the end of the assignment period (§43: 3 days from approval). */
    @EventType("legal-aid.lawyer-assignment-overdue")
    @Revision("1")
    record LawyerAssignmentOverdueEvent(LegalAidCaseId legalAidCaseId, LocalDate dueOn) implements LegalAidCaseEvent {
    }

    @EventType("legal-aid.activity-recorded")
    @Revision("1")
    record ActivityRecordedEvent(LegalAidCaseId legalAidCaseId, int activityNumber, ActivityType type, LocalDate on,
                                 @Personal(FREE_TEXT) String note) implements LegalAidCaseEvent {
    }

    @EventType("legal-aid.outcome-recorded")
    @Revision("1")
    record OutcomeRecordedEvent(LegalAidCaseId legalAidCaseId, AidOutcome outcome, LocalDate concludedOn,
                                BigDecimal amountRecovered, @Personal(FREE_TEXT) String note) implements LegalAidCaseEvent {
    }

    @EventType("legal-aid.closing-report-submitted")
    @Revision("1")
    record ClosingReportSubmittedEvent(LegalAidCaseId legalAidCaseId, LocalDate submittedOn, @Personal(FREE_TEXT) String summary)
            implements LegalAidCaseEvent {
    }

    /** The applicant objected to the rejection; the review is due by {@code reviewDueOn} (§49). */
    @EventType("legal-aid.objection-lodged")
    @Revision("1")
    record ObjectionLodgedEvent(LegalAidCaseId legalAidCaseId, LocalDate lodgedOn, @Personal(FREE_TEXT) String grounds,
                                LocalDate reviewDueOn) implements LegalAidCaseEvent {
    }

    /** The objection was not reviewed by the end of the review period (§49: 5 days). */
    @EventType("legal-aid.objection-review-overdue")
    @Revision("1")
    record ObjectionReviewOverdueEvent(LegalAidCaseId legalAidCaseId, LocalDate dueOn) implements LegalAidCaseEvent {
    }

    /** The rejection is set aside: aid is approved and a lawyer is due by {@code lawyerAssignmentDueOn}. */
    @EventType("legal-aid.objection-upheld")
    @Revision("1")
    record ObjectionUpheldEvent(LegalAidCaseId legalAidCaseId, LocalDate reviewedOn, @Personal(FREE_TEXT) String reasons,
                                boolean withinPeriod, LocalDate lawyerAssignmentDueOn) implements LegalAidCaseEvent {
    }

    /** The rejection stands; a {@link LegalAidCaseClosedEvent} follows. */
    @EventType("legal-aid.objection-dismissed")
    @Revision("1")
    record ObjectionDismissedEvent(LegalAidCaseId legalAidCaseId, LocalDate reviewedOn, @Personal(FREE_TEXT) String reasons,
                                   boolean withinPeriod) implements LegalAidCaseEvent {
    }

    @EventType("legal-aid.closed")
    @Revision("1")
    record LegalAidCaseClosedEvent(LegalAidCaseId legalAidCaseId, LegalAidClosureReason reason, @Personal(FREE_TEXT) String note)
            implements LegalAidCaseEvent, CaseLifecycle.Closes {
    }
}

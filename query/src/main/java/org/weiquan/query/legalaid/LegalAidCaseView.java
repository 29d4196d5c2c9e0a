package org.weiquan.query.legalaid;

import org.weiquan.query.cases.ViewMapping;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.PersonalData;
import org.weiquan.api.common.Worker;
import org.weiquan.api.legalaid.AidOutcome;
import org.weiquan.api.legalaid.LegalAidCaseDetail;
import org.weiquan.api.legalaid.LegalAidCaseEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ActivityRecordedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ClosingReportSubmittedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.DecisionOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LawyerAssignedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LawyerAssignmentOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidAppliedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidApprovedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidCaseClosedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidRejectedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.MaterialsSupplyPeriodExpiredEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.MissingMaterialsReceivedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.MissingMaterialsRequestedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionDismissedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionLodgedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionReviewOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionUpheldEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.OutcomeRecordedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.UrgentAidGrantedEvent;
import org.weiquan.api.legalaid.LegalAidCaseSummary;
import org.weiquan.api.legalaid.LegalAidClosureReason;
import org.weiquan.api.legalaid.LegalAidStatus;
import org.weiquan.api.legalaid.MatterCategory;
import org.weiquan.api.legalaid.MeansTestResult;
import org.weiquan.api.legalaid.ObjectionFinding;
import org.weiquan.query.cases.CaseView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The state of one legal-aid case as the read side sees it, evolved event by event. Both the list and
 * the detail projections keep it, so the rules for status, overdue and next deadline live once.
 * A plain mutable bean so that it round-trips through JSON.
 */
public class LegalAidCaseView extends CaseView<LegalAidStatus> {
    public static final ViewMapping<LegalAidCaseView, LegalAidCaseEvent> MAPPING = new ViewMapping<>(
            CaseKind.LEGAL_AID, "legal_aid", "legal_aid_case_id", LegalAidCaseView.class, LegalAidCaseView::new,
            LegalAidCaseEvent.class, event -> event.legalAidCaseId().toString(), LegalAidCaseView::apply);

    public String legalAidCaseId;
    public String officerInCharge;
    public Worker applicant;
    public boolean migrantWorker;
    public MatterCategory matterCategory;
    public String matter;
    public String grounds;
    public BigDecimal amountClaimed;
    public LocalDate appliedOn;
    public boolean meansTestExempt;
    public LocalDate decisionDueOn;
    public boolean decisionOverdue;

    public LocalDate materialsRequestedOn;
    public List<String> missingMaterials;
    public LocalDate materialsSupplyBy;
    public boolean materialsSupplyOverdue;
    public LocalDate materialsReceivedOn;
    public String materialsNote;

    public LocalDate urgentAidGrantedOn;
    public LocalDate urgentDeadlineOn;
    public String urgentDeadlineDescription;
    public int urgentDaysRemaining;
    public boolean urgentAidEnded;

    public Boolean approved;
    public LocalDate decidedOn;
    public boolean decidedWithinPeriod;
    public MeansTestResult meansTest;
    public String rejectionReasons;

    public String lawyerId;
    public String lawyerName;
    public LocalDate lawyerAssignedOn;
    public LocalDate lawyerAssignmentDueOn;
    public boolean lawyerAssignmentOverdue;
    public List<LegalAidCaseDetail.Activity> activities = new ArrayList<>();

    public AidOutcome outcome;
    public LocalDate concludedOn;
    public BigDecimal amountRecovered;
    public String outcomeNote;
    public LocalDate closingReportOn;
    public String closingReportSummary;

    public LocalDate objectionLodgedOn;
    public String objectionGrounds;
    public LocalDate objectionReviewDueOn;
    public boolean objectionReviewOverdue;
    public ObjectionFinding objectionFinding;
    public LocalDate objectionReviewedOn;
    public String objectionReviewReasons;
    public Boolean objectionReviewedWithinPeriod;

    public LegalAidClosureReason closureReason;
    public String closureNote;
    public Instant appliedAt;

    /**
     * Applies the event with aggregate sequence {@code sequence}. Returns false, changing nothing,
     * for an event this view has already seen: projections are idempotent under redelivery.
     */
    public boolean apply(LegalAidCaseEvent event, long sequence, Instant at) {
        return once(sequence, at, () -> evolve(event, at));
    }

    private void evolve(LegalAidCaseEvent event, Instant at) {
        if (event instanceof LegalAidAppliedEvent e) {
            legalAidCaseId = e.legalAidCaseId().toString();
            caseNumber = e.caseNumber().value();
            status = LegalAidStatus.APPLIED;
            organisation = e.organisation().value();
            district = e.district().name();
            officerInCharge = e.officerInCharge().value();
            applicant = e.applicant();
            migrantWorker = e.migrantWorker();
            matterCategory = e.matterCategory();
            matter = e.matter();
            grounds = e.grounds();
            amountClaimed = e.amountClaimed();
            employer = e.employer();
            appliedOn = e.appliedOn();
            meansTestExempt = e.meansTestExempt();
            decisionDueOn = e.decisionDueOn();
            appliedAt = at;
        } else if (event instanceof MissingMaterialsRequestedEvent e) {
            materialsRequestedOn = e.requestedOn();
            missingMaterials = new ArrayList<>(e.items());
            materialsSupplyBy = e.supplyBy();
            status = LegalAidStatus.AWAITING_MATERIALS;
        } else if (event instanceof MissingMaterialsReceivedEvent e) {
            materialsReceivedOn = e.receivedOn();
            materialsNote = e.note();
            decisionDueOn = e.decisionDueOn();
            status = LegalAidStatus.APPLIED;
        } else if (event instanceof MaterialsSupplyPeriodExpiredEvent) {
            materialsSupplyOverdue = true;
        } else if (event instanceof UrgentAidGrantedEvent e) {
            urgentAidGrantedOn = e.grantedOn();
            urgentDeadlineOn = e.deadlineOn();
            urgentDeadlineDescription = e.deadlineDescription();
            urgentDaysRemaining = e.daysRemaining();
            lawyerAssignmentDueOn = e.lawyerAssignmentDueOn();
        } else if (event instanceof DecisionOverdueEvent) {
            decisionOverdue = true;
        } else if (event instanceof LegalAidApprovedEvent e) {
            approved = true;
            decidedOn = e.decidedOn();
            decidedWithinPeriod = e.withinPeriod();
            meansTest = e.meansTest();
            if (e.lawyerAssignmentDueOn() != null) lawyerAssignmentDueOn = e.lawyerAssignmentDueOn();
            status = lawyerId != null ? LegalAidStatus.LAWYER_ASSIGNED : LegalAidStatus.APPROVED;
        } else if (event instanceof LegalAidRejectedEvent e) {
            approved = false;
            decidedOn = e.decidedOn();
            decidedWithinPeriod = e.withinPeriod();
            rejectionReasons = e.reasons();
            if (e.urgentAidEnded()) urgentAidEnded = true;
            lawyerId = null;
            lawyerName = null;
            lawyerAssignedOn = null;
            lawyerAssignmentDueOn = null;
            lawyerAssignmentOverdue = false;
            status = LegalAidStatus.REJECTED;
        } else if (event instanceof LawyerAssignedEvent e) {
            if (lawyerId == null) lawyerAssignedOn = e.assignedOn();
            lawyerId = e.lawyerId();
            lawyerName = e.lawyerName();
            if (status == LegalAidStatus.APPROVED) status = LegalAidStatus.LAWYER_ASSIGNED;
        } else if (event instanceof LawyerAssignmentOverdueEvent) {
            lawyerAssignmentOverdue = true;
        } else if (event instanceof ActivityRecordedEvent e) {
            activities.add(new LegalAidCaseDetail.Activity(e.activityNumber(), e.type(), e.on(), e.note()));
        } else if (event instanceof OutcomeRecordedEvent e) {
            outcome = e.outcome();
            concludedOn = e.concludedOn();
            amountRecovered = e.amountRecovered();
            outcomeNote = e.note();
            status = LegalAidStatus.OUTCOME_RECORDED;
        } else if (event instanceof ClosingReportSubmittedEvent e) {
            closingReportOn = e.submittedOn();
            closingReportSummary = e.summary();
            status = LegalAidStatus.REPORTED;
        } else if (event instanceof ObjectionLodgedEvent e) {
            objectionLodgedOn = e.lodgedOn();
            objectionGrounds = e.grounds();
            objectionReviewDueOn = e.reviewDueOn();
            status = LegalAidStatus.OBJECTION_UNDER_REVIEW;
        } else if (event instanceof ObjectionReviewOverdueEvent) {
            objectionReviewOverdue = true;
        } else if (event instanceof ObjectionUpheldEvent e) {
            objectionFinding = ObjectionFinding.UPHELD;
            objectionReviewedOn = e.reviewedOn();
            objectionReviewReasons = e.reasons();
            objectionReviewedWithinPeriod = e.withinPeriod();
            lawyerAssignmentDueOn = e.lawyerAssignmentDueOn();
            lawyerAssignmentOverdue = false;
            status = LegalAidStatus.APPROVED;
        } else if (event instanceof ObjectionDismissedEvent e) {
            objectionFinding = ObjectionFinding.DISMISSED;
            objectionReviewedOn = e.reviewedOn();
            objectionReviewReasons = e.reasons();
            objectionReviewedWithinPeriod = e.withinPeriod();
        } else if (event instanceof LegalAidCaseClosedEvent e) {
            closureReason = e.reason();
            closureNote = e.note();
            status = LegalAidStatus.CLOSED;
        }
    }

    /** Urgent aid was granted and has not ended with a rejection. */
    public boolean urgentAidActive() {
        return urgentAidGrantedOn != null && !urgentAidEnded;
    }

    /** Urgent aid runs and its lawyer is still to be assigned. */
    private boolean awaitingUrgentLawyer() {
        return urgentAidActive() && lawyerId == null;
    }

    /** A deadline of the current stage has passed and the stage is not done. */
    @Override
    public String caseId() {
        return legalAidCaseId;
    }

    @Override
    public String officer() {
        return officerInCharge;
    }

    @Override
    public LocalDate openedOn() {
        return appliedOn;
    }

    @Override
    public String partyMasked() {
        return applicantMasked();
    }

    @Override
    public boolean overdue() {
        if (status == null) return false;
        return switch (status) {
            case APPLIED -> decisionOverdue || (awaitingUrgentLawyer() && lawyerAssignmentOverdue);
            case AWAITING_MATERIALS -> materialsSupplyOverdue || decisionOverdue
                    || (awaitingUrgentLawyer() && lawyerAssignmentOverdue);
            case APPROVED -> lawyerAssignmentOverdue;
            case OBJECTION_UNDER_REVIEW -> objectionReviewOverdue;
            default -> false;
        };
    }

    /**
     * The deadline the current stage runs against, if any: the earlier one when urgent aid waits for its
     * lawyer too. While the materials are awaited the decision period does not run: the date the notice
     * set is what counts.
     */
    @Override
    public LocalDate nextDeadline() {
        if (status == null) return null;
        LocalDate urgentLawyer = awaitingUrgentLawyer() ? lawyerAssignmentDueOn : null;
        return switch (status) {
            case APPLIED -> earliest(decisionDueOn, urgentLawyer);
            case AWAITING_MATERIALS -> earliest(materialsSupplyBy, urgentLawyer);
            case APPROVED -> lawyerAssignmentDueOn;
            case OBJECTION_UNDER_REVIEW -> objectionReviewDueOn;
            default -> null;
        };
    }

    private static LocalDate earliest(LocalDate... dates) {
        return Stream.of(dates).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    }

    @Override
    public LegalAidCaseDetail toDetail() {
        LegalAidCaseDetail.Materials materials = materialsRequestedOn == null ? null
                : new LegalAidCaseDetail.Materials(materialsRequestedOn, missingMaterials, materialsSupplyBy,
                materialsSupplyOverdue, materialsReceivedOn, materialsNote);
        LegalAidCaseDetail.UrgentAid urgent = urgentAidGrantedOn == null ? null
                : new LegalAidCaseDetail.UrgentAid(urgentAidGrantedOn, urgentDeadlineOn, urgentDeadlineDescription,
                urgentDaysRemaining, urgentAidEnded);
        LegalAidCaseDetail.Decision decision = approved == null ? null
                : new LegalAidCaseDetail.Decision(approved, decidedOn, decidedWithinPeriod, meansTest, rejectionReasons);
        LegalAidCaseDetail.Lawyer lawyer = lawyerId == null && lawyerAssignmentDueOn == null ? null
                : new LegalAidCaseDetail.Lawyer(lawyerId, lawyerName, lawyerAssignedOn, lawyerAssignmentDueOn,
                lawyerId == null && lawyerAssignmentOverdue);
        LegalAidCaseDetail.Outcome result = outcome == null ? null
                : new LegalAidCaseDetail.Outcome(outcome, concludedOn, amountRecovered, outcomeNote);
        LegalAidCaseDetail.ClosingReport report = closingReportOn == null ? null
                : new LegalAidCaseDetail.ClosingReport(closingReportOn, closingReportSummary);
        LegalAidCaseDetail.Objection objection = objectionLodgedOn == null ? null
                : new LegalAidCaseDetail.Objection(objectionLodgedOn, objectionGrounds, objectionReviewDueOn,
                objectionReviewOverdue, objectionFinding, objectionReviewedOn, objectionReviewReasons,
                objectionReviewedWithinPeriod);
        return new LegalAidCaseDetail(legalAidCaseId, caseNumber, status, version, organisation, district,
                officerInCharge, applicant, migrantWorker, matterCategory, matter, grounds, amountClaimed, employer,
                appliedOn, meansTestExempt, decisionDueOn, decisionOverdue, materials, urgent, decision, lawyer,
                activities, result, report, objection, closureReason, closureNote, links, overdue(), appliedAt,
                lastChangedAt);
    }

    public String applicantMasked() {
        return applicant == null ? null : PersonalData.maskName(applicant.name());
    }

    /** What the case list's free-text search looks in; never the ID number or phone. */
    @Override
    public String searchText() {
        return searchText(applicant == null ? List.of() : List.of(applicant.name()), matter, lawyerName);
    }

    public LegalAidCaseSummary toSummary() {
        return new LegalAidCaseSummary(legalAidCaseId, caseNumber, status, district, organisation, matterCategory,
                officerInCharge, lawyerId, applicantMasked(), migrantWorker, meansTestExempt, urgentAidActive(),
                employerName(), overdue(), nextDeadline(), appliedOn);
    }
}

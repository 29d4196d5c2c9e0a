package org.weiquan.command.legalaid;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.weiquan.api.legalaid.LegalAidAction;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.IllegalTransitionException;
import org.weiquan.api.common.InvalidCaseDataException;
import org.weiquan.api.common.NotOnRosterException;
import org.weiquan.api.legalaid.AidOutcome;
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
import org.weiquan.api.legalaid.LegalAidCaseId;
import org.weiquan.api.legalaid.LegalAidClosureReason;
import org.weiquan.api.legalaid.LegalAidCommands.ApplyForLegalAidCommand;
import org.weiquan.api.legalaid.LegalAidCommands.ApproveLegalAidCommand;
import org.weiquan.api.legalaid.LegalAidCommands.AssignLawyerCommand;
import org.weiquan.api.legalaid.LegalAidCommands.CloseLegalAidCaseCommand;
import org.weiquan.api.legalaid.LegalAidCommands.FlagLegalAidCaseDuplicateElsewhereCommand;
import org.weiquan.api.legalaid.LegalAidCommands.GrantUrgentAidCommand;
import org.weiquan.api.legalaid.LegalAidCommands.LinkLegalAidCaseCommand;
import org.weiquan.api.legalaid.LegalAidCommands.LodgeObjectionCommand;
import org.weiquan.api.legalaid.LegalAidCommands.RecordActivityCommand;
import org.weiquan.api.legalaid.LegalAidCommands.RecordMaterialsReceivedCommand;
import org.weiquan.api.legalaid.LegalAidCommands.RecordOutcomeCommand;
import org.weiquan.api.legalaid.LegalAidCommands.RejectLegalAidCommand;
import org.weiquan.api.legalaid.LegalAidCommands.RequestMissingMaterialsCommand;
import org.weiquan.api.legalaid.LegalAidCommands.ReviewObjectionCommand;
import org.weiquan.api.legalaid.LegalAidCommands.SubmitClosingReportCommand;
import org.weiquan.api.legalaid.LegalAidStatus;
import org.weiquan.api.legalaid.MeansTestResult;
import org.weiquan.command.common.CaseAggregate;
import org.weiquan.command.common.CaseRules;
import org.weiquan.command.common.OrganisationAreas;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.weiquan.api.legalaid.LegalAidStatus.APPLIED;
import static org.weiquan.api.legalaid.LegalAidStatus.APPROVED;
import static org.weiquan.api.legalaid.LegalAidStatus.AWAITING_MATERIALS;
import static org.weiquan.api.legalaid.LegalAidStatus.CLOSED;
import static org.weiquan.api.legalaid.LegalAidStatus.LAWYER_ASSIGNED;
import static org.weiquan.api.legalaid.LegalAidStatus.OBJECTION_UNDER_REVIEW;
import static org.weiquan.api.legalaid.LegalAidStatus.OUTCOME_RECORDED;
import static org.weiquan.api.legalaid.LegalAidStatus.REJECTED;
import static org.weiquan.api.legalaid.LegalAidStatus.REPORTED;

/**
 * A legal-aid case (法律援助) under 《法律援助法》 as the union applies it (§68): application, the one
 * notice of missing materials, the eligibility decision (§43, the means-test exemption of §42), urgent
 * aid ahead of it (§44), the panel lawyer, the lawyer's activities, the outcome (§48 for termination),
 * the closing report, and the objection to a rejection (§49). Command handlers decide and return the
 * aggregate's new version (the client's next ETag); event sourcing handlers only assign state.
 */
@Aggregate
public class LegalAidCase extends CaseAggregate<LegalAidStatus> {
    private static final CaseRules RULES = new CaseRules("legal-aid");
    static final String DECISION_PERIOD = "legal-aid-decision-period";
    static final String MATERIALS_SUPPLY_PERIOD = "legal-aid-materials-supply-period";
    static final String LAWYER_ASSIGNMENT_PERIOD = "legal-aid-lawyer-assignment-period";
    static final String OBJECTION_REVIEW_PERIOD = "legal-aid-objection-review-period";
    private static final String[] ALL_DEADLINES = {DECISION_PERIOD, MATERIALS_SUPPLY_PERIOD,
            LAWYER_ASSIGNMENT_PERIOD, OBJECTION_REVIEW_PERIOD};

    @AggregateIdentifier
    private LegalAidCaseId legalAidCaseId;
    private LocalDate appliedOn;
    private boolean meansTestExempt;
    private LocalDate decisionDueOn;
    private boolean decisionOverdue;
    private boolean materialsRequested;
    private LocalDate materialsRequestedOn;
    private int decisionDaysUsed;
    private LocalDate materialsSupplyBy;
    private boolean materialsSupplyOverdue;
    private LocalDate materialsReceivedOn;
    private boolean urgentAid;
    private LocalDate decidedOn;
    /** The day the lawyer assignment period started: approval, urgent aid or the upheld objection. */
    private LocalDate assignmentPeriodStart;
    private LocalDate lawyerAssignmentDueOn;
    private boolean lawyerAssignmentOverdue;
    private String lawyerId;
    private LocalDate lawyerAssignedOn;
    private int activities;
    private LocalDate concludedOn;
    private LocalDate objectionLodgedOn;
    private LocalDate objectionReviewDueOn;
    private boolean objectionReviewOverdue;

    protected LegalAidCase() {
        // for Axon
    }

    @CommandHandler
    public LegalAidCase(ApplyForLegalAidCommand command, LegalAidPolicy policy, DeadlineManager deadlines,
                        OrganisationAreas areas) {
        areas.requireFiling(RULES, command.caseNumber(), command.organisation(), command.district());
        RULES.requirePresent(command.applicant(), "applicant");
        RULES.requireText(command.applicant().name(), "applicant.name");
        RULES.requireText(command.applicant().idNumber(), "applicant.idNumber");
        RULES.requirePresent(command.matterCategory(), "matterCategory");
        RULES.requireText(command.matter(), "matter");
        RULES.requireText(command.grounds(), "grounds");
        RULES.requirePresent(command.appliedOn(), "appliedOn");
        RULES.requirePresent(command.officerInCharge(), "officerInCharge");
        RULES.requireNotNegative(command.amountClaimed(), "amountClaimed");
        if (command.employer() != null) RULES.requireText(command.employer().name(), "employer.name");

        boolean exempt = command.migrantWorker() && command.matterCategory().exemptsMigrantWorkersFromMeansTest();
        LocalDate decisionDue = policy.decisionDue(command.appliedOn());
        apply(new LegalAidAppliedEvent(command.legalAidCaseId(), command.caseNumber(), command.organisation(),
                command.district(), command.applicant(), command.migrantWorker(), command.matterCategory(),
                command.matter(), command.grounds(), command.amountClaimed(), command.employer(), command.appliedOn(),
                command.officerInCharge(), exempt, decisionDue));
        deadlines.schedule(policy.calculator().endOf(decisionDue).toInstant(), DECISION_PERIOD);
    }

    @CommandHandler
    public long handle(RequestMissingMaterialsCommand command, LegalAidPolicy policy, DeadlineManager deadlines) {
        if (materialsRequested && (status == APPLIED || status == AWAITING_MATERIALS)) {
            throw new IllegalTransitionException("legal-aid.materials-already-requested", "the missing materials of "
                    + caseNumber + " were requested on " + materialsRequestedOn
                    + ": all of them go in one notice (§43), a second is not sent");
        }
        requireAllowed(LegalAidAction.REQUEST_MISSING_MATERIALS);
        RULES.requirePresent(command.requestedOn(), "requestedOn");
        RULES.requireNotBefore(command.requestedOn(), appliedOn, "requestedOn", "the application date");
        List<String> items = missingItems(command.items());
        RULES.requirePresent(command.supplyBy(), "supplyBy");
        if (!command.supplyBy().isAfter(command.requestedOn())) {
            throw new InvalidCaseDataException("legal-aid.supply-date-too-early", "supplyBy",
                    "supplyBy must be after the day of the notice (" + command.requestedOn() + ")");
        }
        int used = policy.decisionDaysUsed(appliedOn, command.requestedOn());
        apply(new MissingMaterialsRequestedEvent(legalAidCaseId, command.requestedOn(), items, command.supplyBy(),
                used));
        deadlines.cancelAllWithinScope(DECISION_PERIOD);
        deadlines.schedule(policy.calculator().endOf(command.supplyBy()).toInstant(), MATERIALS_SUPPLY_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(RecordMaterialsReceivedCommand command, LegalAidPolicy policy, DeadlineManager deadlines) {
        requireAllowed(LegalAidAction.RECORD_MATERIALS_RECEIVED);
        RULES.requirePresent(command.receivedOn(), "receivedOn");
        RULES.requireNotBefore(command.receivedOn(), materialsRequestedOn, "receivedOn", "the notice");
        // A period that ran out before the notice is not revived by it: the decision stays overdue.
        boolean resumed = !decisionOverdue;
        LocalDate due = resumed ? policy.decisionDueAfterMaterials(decisionDaysUsed, command.receivedOn())
                : decisionDueOn;
        apply(new MissingMaterialsReceivedEvent(legalAidCaseId, command.receivedOn(), blankToNull(command.note()),
                resumed, due));
        deadlines.cancelAllWithinScope(MATERIALS_SUPPLY_PERIOD);
        if (resumed) deadlines.schedule(policy.calculator().endOf(due).toInstant(), DECISION_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(GrantUrgentAidCommand command, LegalAidPolicy policy, DeadlineManager deadlines) {
        requireAllowed(LegalAidAction.GRANT_URGENT_AID);
        if (urgentAid) {
            throw new IllegalTransitionException("legal-aid.urgent-aid-already-granted",
                    "urgent aid was already granted on " + caseNumber);
        }
        RULES.requirePresent(command.grantedOn(), "grantedOn");
        RULES.requireNotBefore(command.grantedOn(), appliedOn, "grantedOn", "the application date");
        RULES.requirePresent(command.deadlineOn(), "deadlineOn");
        RULES.requireText(command.deadlineDescription(), "deadlineDescription");
        long daysRemaining = ChronoUnit.DAYS.between(command.grantedOn(), command.deadlineOn());
        if (daysRemaining < 0) {
            throw new InvalidCaseDataException("legal-aid.deadline-passed", "deadlineOn", "the deadline "
                    + command.deadlineOn() + " had already passed on " + command.grantedOn());
        }
        if (daysRemaining >= policy.urgentAidThresholdDays()) {
            throw new InvalidCaseDataException("legal-aid.not-urgent", "deadlineOn", daysRemaining
                    + " days remain until " + command.deadlineOn() + ": urgent aid ahead of the decision is for fewer than "
                    + policy.urgentAidThresholdDays() + " (§44)");
        }
        LocalDate assignmentDue = policy.lawyerAssignmentDue(command.grantedOn());
        apply(new UrgentAidGrantedEvent(legalAidCaseId, command.grantedOn(), command.deadlineOn(),
                command.deadlineDescription(), (int) daysRemaining, assignmentDue));
        deadlines.schedule(policy.calculator().endOf(assignmentDue).toInstant(), LAWYER_ASSIGNMENT_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(ApproveLegalAidCommand command, LegalAidPolicy policy, DeadlineManager deadlines) {
        if (status == AWAITING_MATERIALS) {
            throw new IllegalTransitionException("legal-aid.awaiting-materials", "cannot approve: the missing "
                    + "materials of " + caseNumber + " have not been recorded as received");
        }
        requireAllowed(LegalAidAction.APPROVE);
        RULES.requirePresent(command.decidedOn(), "decidedOn");
        RULES.requireNotBefore(command.decidedOn(), appliedOn, "decidedOn", "the application date");
        RULES.requireNotBefore(command.decidedOn(), materialsReceivedOn, "decidedOn", "the day the materials arrived");
        MeansTestResult meansTest = command.meansTest();
        if (meansTest != null) RULES.requireText(meansTest.basis(), "meansTest.basis");
        if (!meansTestExempt) {
            if (meansTest == null) {
                throw new InvalidCaseDataException("legal-aid.means-test-required", "meansTest", "the applicant is "
                        + "not exempt from the means test (§42): approval needs its result");
            }
            if (!meansTest.hardshipEstablished()) {
                throw new InvalidCaseDataException("legal-aid.means-test-not-met", "meansTest",
                        "the means test did not establish economic hardship: reject the application instead");
            }
        }
        boolean withinPeriod = !command.decidedOn().isAfter(decisionDueOn);
        LocalDate assignmentDue = null;
        boolean scheduleAssignment = false;
        if (lawyerId == null) {
            // Urgent aid already started the assignment period: it keeps its (earlier) end.
            scheduleAssignment = lawyerAssignmentDueOn == null;
            assignmentDue = scheduleAssignment ? policy.lawyerAssignmentDue(command.decidedOn()) : lawyerAssignmentDueOn;
        }
        apply(new LegalAidApprovedEvent(legalAidCaseId, command.decidedOn(), meansTestExempt, meansTest, withinPeriod,
                assignmentDue));
        deadlines.cancelAllWithinScope(DECISION_PERIOD);
        if (scheduleAssignment) {
            deadlines.schedule(policy.calculator().endOf(assignmentDue).toInstant(), LAWYER_ASSIGNMENT_PERIOD);
        }
        return version();
    }

    @CommandHandler
    public long handle(RejectLegalAidCommand command, DeadlineManager deadlines) {
        requireAllowed(LegalAidAction.REJECT);
        RULES.requirePresent(command.decidedOn(), "decidedOn");
        RULES.requireNotBefore(command.decidedOn(), appliedOn, "decidedOn", "the application date");
        RULES.requireText(command.reasons(), "reasons");
        // While the materials are awaited the period does not run: only one that ran out before is missed.
        boolean withinPeriod = status == AWAITING_MATERIALS ? !decisionOverdue
                : !command.decidedOn().isAfter(decisionDueOn);
        apply(new LegalAidRejectedEvent(legalAidCaseId, command.decidedOn(), command.reasons(), withinPeriod,
                urgentAid));
        cancel(deadlines, DECISION_PERIOD, MATERIALS_SUPPLY_PERIOD, LAWYER_ASSIGNMENT_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(AssignLawyerCommand command, LawyerPanel panel, DeadlineManager deadlines) {
        boolean aidUnderWay = LegalAidAction.ASSIGN_LAWYER.allowedIn(status)
                && (urgentAid || status == APPROVED || status == LAWYER_ASSIGNED);
        if (!aidUnderWay) {
            throw new IllegalTransitionException("legal-aid.illegal-transition", "cannot assign a lawyer: "
                    + caseNumber + " is " + status + " (a lawyer is assigned once aid is approved, or before the"
                    + " decision under urgent aid)");
        }
        RULES.requireText(command.lawyerId(), "lawyerId");
        String lawyerName = panel.activeLawyerName(command.lawyerId()).orElseThrow(() -> new NotOnRosterException(
                "lawyerId", command.lawyerId() + " is not an active lawyer of the union's panel"));
        RULES.requirePresent(command.assignedOn(), "assignedOn");
        RULES.requireNotBefore(command.assignedOn(), appliedOn, "assignedOn", "the application date");
        RULES.requireNotBefore(command.assignedOn(), assignmentPeriodStart, "assignedOn",
                "the day aid was approved or granted");
        if (command.lawyerId().equals(lawyerId)) {
            throw new IllegalTransitionException("legal-aid.lawyer-already-assigned",
                    command.lawyerId() + " is already the lawyer of " + caseNumber);
        }
        boolean first = lawyerId == null;
        boolean withinPeriod = !first || lawyerAssignmentDueOn == null || !command.assignedOn().isAfter(lawyerAssignmentDueOn);
        apply(new LawyerAssignedEvent(legalAidCaseId, command.lawyerId(), lawyerName, command.assignedOn(),
                lawyerId, withinPeriod));
        if (first) deadlines.cancelAllWithinScope(LAWYER_ASSIGNMENT_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(RecordActivityCommand command) {
        if (lawyerId == null || !LegalAidAction.RECORD_ACTIVITY.allowedIn(status)) {
            throw new IllegalTransitionException("legal-aid.illegal-transition", "cannot record an activity: "
                    + caseNumber + " is " + status + (lawyerId == null ? " and no lawyer acts for the applicant" : ""));
        }
        RULES.requirePresent(command.type(), "type");
        RULES.requirePresent(command.on(), "on");
        RULES.requireNotBefore(command.on(), appliedOn, "on", "the application date");
        RULES.requireText(command.note(), "note");
        apply(new ActivityRecordedEvent(legalAidCaseId, activities + 1, command.type(), command.on(), command.note()));
        return version();
    }

    @CommandHandler
    public long handle(RecordOutcomeCommand command) {
        requireAllowed(LegalAidAction.RECORD_OUTCOME);
        RULES.requirePresent(command.outcome(), "outcome");
        RULES.requirePresent(command.concludedOn(), "concludedOn");
        RULES.requireNotBefore(command.concludedOn(), lawyerAssignedOn, "concludedOn", "the lawyer's assignment");
        RULES.requireNotNegative(command.amountRecovered(), "amountRecovered");
        if (command.outcome() == AidOutcome.TERMINATED) {
            RULES.requireText(command.note(), "note"); // §48: aid is terminated for a reason, and it is written down
        }
        apply(new OutcomeRecordedEvent(legalAidCaseId, command.outcome(), command.concludedOn(),
                command.amountRecovered(), blankToNull(command.note())));
        return version();
    }

    @CommandHandler
    public long handle(SubmitClosingReportCommand command) {
        requireAllowed(LegalAidAction.SUBMIT_CLOSING_REPORT);
        RULES.requirePresent(command.submittedOn(), "submittedOn");
        RULES.requireNotBefore(command.submittedOn(), concludedOn, "submittedOn", "the outcome");
        RULES.requireText(command.summary(), "summary");
        apply(new ClosingReportSubmittedEvent(legalAidCaseId, command.submittedOn(), command.summary()));
        return version();
    }

    @CommandHandler
    public long handle(LodgeObjectionCommand command, LegalAidPolicy policy, DeadlineManager deadlines) {
        requireAllowed(LegalAidAction.LODGE_OBJECTION);
        RULES.requirePresent(command.lodgedOn(), "lodgedOn");
        RULES.requireNotBefore(command.lodgedOn(), decidedOn, "lodgedOn", "the rejection");
        RULES.requireText(command.grounds(), "grounds");
        LocalDate reviewDue = policy.objectionReviewDue(command.lodgedOn());
        apply(new ObjectionLodgedEvent(legalAidCaseId, command.lodgedOn(), command.grounds(), reviewDue));
        deadlines.schedule(policy.calculator().endOf(reviewDue).toInstant(), OBJECTION_REVIEW_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(ReviewObjectionCommand command, LegalAidPolicy policy, DeadlineManager deadlines) {
        requireAllowed(LegalAidAction.REVIEW_OBJECTION);
        RULES.requirePresent(command.finding(), "finding");
        RULES.requirePresent(command.reviewedOn(), "reviewedOn");
        RULES.requireNotBefore(command.reviewedOn(), objectionLodgedOn, "reviewedOn", "the objection");
        RULES.requireText(command.reasons(), "reasons");
        boolean withinPeriod = !command.reviewedOn().isAfter(objectionReviewDueOn);
        deadlines.cancelAllWithinScope(OBJECTION_REVIEW_PERIOD);
        switch (command.finding()) {
            case UPHELD -> {
                LocalDate assignmentDue = policy.lawyerAssignmentDue(command.reviewedOn());
                apply(new ObjectionUpheldEvent(legalAidCaseId, command.reviewedOn(), command.reasons(), withinPeriod,
                        assignmentDue));
                deadlines.schedule(policy.calculator().endOf(assignmentDue).toInstant(), LAWYER_ASSIGNMENT_PERIOD);
            }
            case DISMISSED -> {
                apply(new ObjectionDismissedEvent(legalAidCaseId, command.reviewedOn(), command.reasons(),
                        withinPeriod));
                apply(new LegalAidCaseClosedEvent(legalAidCaseId, LegalAidClosureReason.REJECTED, null));
            }
        }
        return version();
    }

    @CommandHandler
    public long handle(CloseLegalAidCaseCommand command, DeadlineManager deadlines) {
        RULES.requirePresent(command.reason(), "reason");
        if (!LegalAidAction.CLOSE.allowedIn(status)) {
            throw new IllegalTransitionException("legal-aid.already-closed", caseNumber + " is already closed");
        }
        if (command.reason() == LegalAidClosureReason.MATERIALS_NOT_SUPPLIED && status == AWAITING_MATERIALS
                && !materialsSupplyOverdue) {
            throw new IllegalTransitionException("legal-aid.cannot-close", "the missing materials of " + caseNumber
                    + " may be supplied until " + materialsSupplyBy + ": only then is the application deemed withdrawn");
        }
        if (!closableFor(command.reason())) {
            throw new IllegalTransitionException("legal-aid.cannot-close", caseNumber + " is " + status
                    + " and cannot be closed as " + command.reason());
        }
        apply(new LegalAidCaseClosedEvent(legalAidCaseId, command.reason(), blankToNull(command.note())));
        for (String deadline : ALL_DEADLINES) deadlines.cancelAllWithinScope(deadline);
        return version();
    }

    @CommandHandler
    public long handle(LinkLegalAidCaseCommand command) {
        return link(command);
    }

    @CommandHandler
    public long handle(FlagLegalAidCaseDuplicateElsewhereCommand command) {
        return flagDuplicateElsewhere(command);
    }

    /**
     * A closing report is needed whenever aid was under way (an outcome was recorded), a termination
     * included: it accounts for the work done. Cases that never got that far close without one.
     */
    private boolean closableFor(LegalAidClosureReason reason) {
        return switch (reason) {
            case COMPLETED -> status == REPORTED;
            case WITHDRAWN -> status == APPLIED || status == AWAITING_MATERIALS || status == APPROVED;
            case MATERIALS_NOT_SUPPLIED -> status == AWAITING_MATERIALS;
            case REJECTED -> status == REJECTED;
        };
    }

    // --- deadlines: each re-checks the state, so a deadline that outlived its reason does nothing ---

    @DeadlineHandler(deadlineName = DECISION_PERIOD)
    public void onDecisionPeriodEnded() {
        if (status == APPLIED && !decisionOverdue) {
            apply(new DecisionOverdueEvent(legalAidCaseId, decisionDueOn));
        }
    }

    @DeadlineHandler(deadlineName = MATERIALS_SUPPLY_PERIOD)
    public void onMaterialsSupplyPeriodEnded() {
        if (status == AWAITING_MATERIALS && !materialsSupplyOverdue) {
            apply(new MaterialsSupplyPeriodExpiredEvent(legalAidCaseId, materialsSupplyBy));
        }
    }

    @DeadlineHandler(deadlineName = LAWYER_ASSIGNMENT_PERIOD)
    public void onLawyerAssignmentPeriodEnded() {
        boolean awaitingLawyer = status == APPROVED || (urgentAid && (status == APPLIED || status == AWAITING_MATERIALS));
        if (lawyerId == null && awaitingLawyer && !lawyerAssignmentOverdue) {
            apply(new LawyerAssignmentOverdueEvent(legalAidCaseId, lawyerAssignmentDueOn));
        }
    }

    @DeadlineHandler(deadlineName = OBJECTION_REVIEW_PERIOD)
    public void onObjectionReviewPeriodEnded() {
        if (status == OBJECTION_UNDER_REVIEW && !objectionReviewOverdue) {
            apply(new ObjectionReviewOverdueEvent(legalAidCaseId, objectionReviewDueOn));
        }
    }

    // --- state ---

    @EventSourcingHandler
    void on(LegalAidAppliedEvent event) {
        legalAidCaseId = event.legalAidCaseId();
        caseNumber = event.caseNumber();
        status = APPLIED;
        appliedOn = event.appliedOn();
        meansTestExempt = event.meansTestExempt();
        decisionDueOn = event.decisionDueOn();
    }

    @EventSourcingHandler
    void on(MissingMaterialsRequestedEvent event) {
        materialsRequested = true;
        materialsRequestedOn = event.requestedOn();
        materialsSupplyBy = event.supplyBy();
        decisionDaysUsed = event.decisionDaysUsed();
        status = AWAITING_MATERIALS;
    }

    @EventSourcingHandler
    void on(MissingMaterialsReceivedEvent event) {
        materialsReceivedOn = event.receivedOn();
        decisionDueOn = event.decisionDueOn();
        status = APPLIED;
    }

    @EventSourcingHandler
    void on(MaterialsSupplyPeriodExpiredEvent event) {
        materialsSupplyOverdue = true;
    }

    @EventSourcingHandler
    void on(UrgentAidGrantedEvent event) {
        urgentAid = true;
        assignmentPeriodStart = event.grantedOn();
        lawyerAssignmentDueOn = event.lawyerAssignmentDueOn();
    }

    @EventSourcingHandler
    void on(DecisionOverdueEvent event) {
        decisionOverdue = true;
    }

    @EventSourcingHandler
    void on(LegalAidApprovedEvent event) {
        decidedOn = event.decidedOn();
        if (lawyerId == null && lawyerAssignmentDueOn == null) assignmentPeriodStart = event.decidedOn();
        if (event.lawyerAssignmentDueOn() != null) lawyerAssignmentDueOn = event.lawyerAssignmentDueOn();
        status = lawyerId != null ? LAWYER_ASSIGNED : APPROVED;
    }

    @EventSourcingHandler
    void on(LegalAidRejectedEvent event) {
        decidedOn = event.decidedOn();
        urgentAid = false;
        lawyerId = null;
        lawyerAssignedOn = null;
        assignmentPeriodStart = null;
        lawyerAssignmentDueOn = null;
        lawyerAssignmentOverdue = false;
        status = REJECTED;
    }

    @EventSourcingHandler
    void on(LawyerAssignedEvent event) {
        if (lawyerId == null) lawyerAssignedOn = event.assignedOn();
        lawyerId = event.lawyerId();
        if (status == APPROVED) status = LAWYER_ASSIGNED;
    }

    @EventSourcingHandler
    void on(LawyerAssignmentOverdueEvent event) {
        lawyerAssignmentOverdue = true;
    }

    @EventSourcingHandler
    void on(ActivityRecordedEvent event) {
        activities = event.activityNumber();
    }

    @EventSourcingHandler
    void on(OutcomeRecordedEvent event) {
        concludedOn = event.concludedOn();
        status = OUTCOME_RECORDED;
    }

    @EventSourcingHandler
    void on(ClosingReportSubmittedEvent event) {
        status = REPORTED;
    }

    @EventSourcingHandler
    void on(ObjectionLodgedEvent event) {
        objectionLodgedOn = event.lodgedOn();
        objectionReviewDueOn = event.reviewDueOn();
        status = OBJECTION_UNDER_REVIEW;
    }

    @EventSourcingHandler
    void on(ObjectionReviewOverdueEvent event) {
        objectionReviewOverdue = true;
    }

    @EventSourcingHandler
    void on(ObjectionUpheldEvent event) {
        assignmentPeriodStart = event.reviewedOn();
        lawyerAssignmentDueOn = event.lawyerAssignmentDueOn();
        lawyerAssignmentOverdue = false;
        status = APPROVED;
    }

    @EventSourcingHandler
    void on(ObjectionDismissedEvent event) {
        // the closed event that follows changes the status
    }

    @EventSourcingHandler
    void on(LegalAidCaseClosedEvent event) {
        status = CLOSED;
    }



    // --- rule helpers ---


    @Override
    protected CaseRules rules() {
        return RULES;
    }

    @Override
    protected CaseKind kind() {
        return CaseKind.LEGAL_AID;
    }

    @Override
    protected String caseId() {
        return legalAidCaseId.toString();
    }

    /** The notice's items, stripped: at least one, none blank, none twice. */
    private static List<String> missingItems(List<String> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidCaseDataException("legal-aid.no-items", "items",
                    "the notice lists every missing item: at least one");
        }
        List<String> stripped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            if (item == null || item.isBlank()) {
                throw new InvalidCaseDataException("legal-aid.blank-item", "items", "an item of the notice is blank");
            }
            String value = item.strip();
            if (!seen.add(value)) {
                throw new InvalidCaseDataException("legal-aid.duplicate-item", "items",
                        "the notice lists '" + value + "' twice");
            }
            stripped.add(value);
        }
        return stripped;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}

package org.weiquan.command.dispute;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.IllegalTransitionException;
import org.weiquan.api.common.InvalidCaseDataException;
import org.weiquan.api.common.NotOnRosterException;
import org.weiquan.api.common.Worker;
import org.weiquan.api.dispute.ClosureReason;
import org.weiquan.api.dispute.DisputeAction;
import org.weiquan.api.dispute.DisputeCommands.AcceptDisputeCommand;
import org.weiquan.api.dispute.DisputeCommands.AssignMediatorCommand;
import org.weiquan.api.dispute.DisputeCommands.CloseDisputeCommand;
import org.weiquan.api.dispute.DisputeCommands.ExtendArbitrationPeriodCommand;
import org.weiquan.api.dispute.DisputeCommands.FileDisputeCommand;
import org.weiquan.api.dispute.DisputeCommands.FlagDisputeDuplicateElsewhereCommand;
import org.weiquan.api.dispute.DisputeCommands.LinkDisputeCommand;
import org.weiquan.api.dispute.DisputeCommands.ReachSettlementCommand;
import org.weiquan.api.dispute.DisputeCommands.RecordArbitrationAcceptanceCommand;
import org.weiquan.api.dispute.DisputeCommands.RecordArbitrationAwardCommand;
import org.weiquan.api.dispute.DisputeCommands.RecordMediationFailureCommand;
import org.weiquan.api.dispute.DisputeCommands.RecordMediationSessionCommand;
import org.weiquan.api.dispute.DisputeCommands.RecordPaymentCommand;
import org.weiquan.api.dispute.DisputeCommands.ReferToArbitrationCommand;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.DisputeStatus;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAcceptanceOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationPeriodExtendedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.CollectiveDisputeAlertRaisedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeClosedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeFiledEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeReferredToArbitrationEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationFailedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationPeriodExpiredEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationSessionRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediatorAssignedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.PaymentRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementPaymentOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementReachedEvent;
import org.weiquan.api.dispute.Mediator;
import org.weiquan.command.common.CaseAggregate;
import org.weiquan.command.common.CaseRules;
import org.weiquan.command.common.OrganisationAreas;
import org.weiquan.command.deadline.LegalPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.weiquan.api.dispute.DisputeStatus.ACCEPTED;
import static org.weiquan.api.dispute.DisputeStatus.AWARDED;
import static org.weiquan.api.dispute.DisputeStatus.CLOSED;
import static org.weiquan.api.dispute.DisputeStatus.FILED;
import static org.weiquan.api.dispute.DisputeStatus.IN_ARBITRATION;
import static org.weiquan.api.dispute.DisputeStatus.MEDIATING;
import static org.weiquan.api.dispute.DisputeStatus.MEDIATION_FAILED;
import static org.weiquan.api.dispute.DisputeStatus.PAID;
import static org.weiquan.api.dispute.DisputeStatus.REFERRED_TO_ARBITRATION;
import static org.weiquan.api.dispute.DisputeStatus.SETTLED;

/**
 * A labour dispute (劳动争议) under 《劳动争议调解仲裁法》: mediation first, arbitration when mediation
 * fails or its period runs out. Command handlers decide and return the aggregate's new version (the
 * client's next ETag); event sourcing handlers only assign state. Its fields are its snapshot (JSON),
 * taken by policy every so many events so that long histories load fast. The snapshot's revision
 * changes with the shape of the fields: a snapshot of another revision is ignored (Axon's
 * RevisionSnapshotFilter) and the aggregate is rebuilt from its events.
 */
@Aggregate(snapshotTriggerDefinition = "caseSnapshotTrigger")
@Revision(LabourDispute.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class LabourDispute extends CaseAggregate<DisputeStatus> {
    private static final CaseRules RULES = new CaseRules("dispute");
    /**
     * 2: the mediator is kept with their name ({@link Mediator}), not as a bare user name.
     * 3: links and duplicates flagged elsewhere are kept in the shared {@link CaseRelations}.
     */
    static final String SNAPSHOT_REVISION = "3";
    static final String MEDIATION_PERIOD = "mediation-period";
    static final String PAYMENT_DUE = "settlement-payment-due";
    static final String ARBITRATION_ACCEPTANCE_PERIOD = "arbitration-acceptance-period";
    static final String ARBITRATION_AWARD_PERIOD = "arbitration-award-period";

    @AggregateIdentifier
    private DisputeId disputeId;
    private LocalDate appliedOn;
    private LocalDate mediationDueOn;
    private LocalDate acceptanceDueOn;
    private Mediator mediator;
    private int mediationSessions;
    private boolean mediationPeriodExpired;
    private BigDecimal settlementAmount;
    private LocalDate paymentDueOn;
    private BigDecimal totalPaid = BigDecimal.ZERO;
    private LocalDate referredOn;
    private LocalDate arbitrationAcceptedOn;
    private LocalDate awardDueOn;
    private boolean awardPeriodExtended;

    protected LabourDispute() {
        // for Axon
    }

    @CommandHandler
    public LabourDispute(FileDisputeCommand command, DisputePolicy policy, DeadlineManager deadlines,
                         OrganisationAreas areas) {
        areas.requireFiling(RULES, command.caseNumber(), command.organisation(), command.district());
        RULES.requirePresent(command.category(), "category");
        RULES.requirePresent(command.employer(), "employer");
        RULES.requirePresent(command.appliedOn(), "appliedOn");
        RULES.requirePresent(command.officerInCharge(), "officerInCharge");
        RULES.requireText(command.claim(), "claim");
        if (command.workers().isEmpty()) {
            throw new InvalidCaseDataException("dispute.no-worker", "workers", "a dispute names at least one worker");
        }
        Set<String> idNumbers = new HashSet<>();
        for (Worker worker : command.workers()) {
            if (!idNumbers.add(worker.idNumber())) {
                throw new InvalidCaseDataException("dispute.duplicate-worker", "workers",
                        "the same worker (ID number) is named twice");
            }
        }
        RULES.requireNotNegative(command.claimedAmount(), "claimedAmount");
        LocalDate knownOn = command.infringementKnownOn() == null ? command.appliedOn() : command.infringementKnownOn();
        if (knownOn.isAfter(command.appliedOn())) {
            throw new InvalidCaseDataException("dispute.known-after-application", "infringementKnownOn",
                    "the infringement cannot become known after the application was made");
        }
        boolean collective = command.workers().size() >= policy.collectiveThreshold();
        boolean late = command.appliedOn().isAfter(knownOn.plus(policy.filingLimitation()));
        LocalDate mediationDueOn = policy.calculator().lastDay(command.appliedOn(), policy.mediation());

        apply(new DisputeFiledEvent(command.disputeId(), command.caseNumber(), command.organisation(),
                command.district(), command.category(), command.workers(), command.employer(), command.claim(),
                command.claimedAmount(), command.appliedOn(), knownOn, command.officerInCharge(), collective, late,
                mediationDueOn));
        if (collective) {
            apply(new CollectiveDisputeAlertRaisedEvent(command.disputeId(), command.caseNumber(),
                    command.workers().size(), command.district()));
        }
        deadlines.schedule(policy.calculator().endOf(mediationDueOn).toInstant(), MEDIATION_PERIOD);
    }

    @CommandHandler
    public long handle(AcceptDisputeCommand command) {
        requireAllowed(DisputeAction.ACCEPT);
        RULES.requirePresent(command.acceptedOn(), "acceptedOn");
        RULES.requireNotBefore(command.acceptedOn(), appliedOn, "acceptedOn", "the application date");
        apply(new DisputeAcceptedEvent(disputeId, command.acceptedOn()));
        return version();
    }

    @CommandHandler
    public long handle(AssignMediatorCommand command, MediatorRoster roster) {
        requireAllowed(DisputeAction.ASSIGN_MEDIATOR);
        RULES.requirePresent(command.mediator(), "mediator");
        Mediator assigned = roster.activeMediator(command.mediator()).orElseThrow(() ->
                new NotOnRosterException("mediator", command.mediator() + " is not an active mediator of the roster"));
        if (assigned.isSamePersonAs(mediator)) {
            throw new IllegalTransitionException("dispute.mediator-already-assigned",
                    assigned.id() + " is already the mediator of " + caseNumber);
        }
        apply(new MediatorAssignedEvent(disputeId, assigned, mediator));
        return version();
    }

    @CommandHandler
    public long handle(RecordMediationSessionCommand command) {
        requireAllowed(DisputeAction.RECORD_MEDIATION_SESSION);
        RULES.requirePresent(command.heldOn(), "heldOn");
        RULES.requireText(command.summary(), "summary");
        RULES.requireNotBefore(command.heldOn(), appliedOn, "heldOn", "the application date");
        apply(new MediationSessionRecordedEvent(disputeId, mediationSessions + 1, command.heldOn(), command.summary()));
        return version();
    }

    @CommandHandler
    public long handle(ReachSettlementCommand command, DeadlineManager deadlines, DisputePolicy policy) {
        requireAllowed(DisputeAction.REACH_SETTLEMENT);
        if (mediationSessions == 0) {
            throw new IllegalTransitionException("dispute.no-mediation-session",
                    "a settlement is reached in mediation: record the session first");
        }
        RULES.requirePositive(command.amount(), "amount");
        RULES.requirePresent(command.paymentDueOn(), "paymentDueOn");
        RULES.requireText(command.terms(), "terms");
        apply(new SettlementReachedEvent(disputeId, command.amount(), command.paymentDueOn(), command.terms()));
        deadlines.cancelAllWithinScope(MEDIATION_PERIOD);
        deadlines.schedule(policy.calculator().endOf(command.paymentDueOn()).toInstant(), PAYMENT_DUE);
        return version();
    }

    @CommandHandler
    public long handle(RecordPaymentCommand command, DeadlineManager deadlines) {
        requireAllowed(DisputeAction.RECORD_PAYMENT);
        RULES.requirePositive(command.amount(), "amount");
        RULES.requirePresent(command.paidOn(), "paidOn");
        BigDecimal total = totalPaid.add(command.amount());
        if (total.compareTo(settlementAmount) > 0) {
            throw new InvalidCaseDataException("dispute.overpayment", "amount",
                    "payments would total " + total + ", more than the agreed " + settlementAmount);
        }
        boolean fullyPaid = total.compareTo(settlementAmount) == 0;
        apply(new PaymentRecordedEvent(disputeId, command.amount(), command.paidOn(), total, fullyPaid));
        if (fullyPaid) {
            deadlines.cancelAllWithinScope(PAYMENT_DUE);
        }
        return version();
    }

    @CommandHandler
    public long handle(RecordMediationFailureCommand command, DeadlineManager deadlines) {
        requireAllowed(DisputeAction.RECORD_MEDIATION_FAILURE);
        RULES.requireText(command.reason(), "reason");
        apply(new MediationFailedEvent(disputeId, command.reason()));
        deadlines.cancelAllWithinScope(MEDIATION_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(ReferToArbitrationCommand command, DisputePolicy policy, DeadlineManager deadlines) {
        boolean mediationOver = status == MEDIATION_FAILED
                || (mediationPeriodExpired && DisputeAction.REFER_TO_ARBITRATION.allowedIn(status));
        if (!mediationOver) {
            throw new IllegalTransitionException("dispute.mediation-not-over", caseNumber + " is " + status
                    + ": it goes to arbitration after mediation failed or its period expired");
        }
        RULES.requirePresent(command.referredOn(), "referredOn");
        RULES.requireText(command.commission(), "commission");
        RULES.requireNotBefore(command.referredOn(), appliedOn, "referredOn", "the application date");
        LocalDate acceptanceDueOn = policy.calculator().lastDay(command.referredOn(), policy.arbitrationAcceptance());
        apply(new DisputeReferredToArbitrationEvent(disputeId, command.referredOn(), command.commission(),
                acceptanceDueOn));
        deadlines.cancelAllWithinScope(MEDIATION_PERIOD);
        deadlines.schedule(policy.calculator().endOf(acceptanceDueOn).toInstant(), ARBITRATION_ACCEPTANCE_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(RecordArbitrationAcceptanceCommand command, DisputePolicy policy, DeadlineManager deadlines) {
        requireAllowed(DisputeAction.RECORD_ARBITRATION_ACCEPTANCE);
        RULES.requirePresent(command.acceptedOn(), "acceptedOn");
        RULES.requireText(command.arbitrationCaseNumber(), "arbitrationCaseNumber");
        RULES.requireNotBefore(command.acceptedOn(), referredOn, "acceptedOn", "the referral date");
        LocalDate dueOn = policy.calculator().lastDay(command.acceptedOn(), policy.arbitrationAward());
        apply(new ArbitrationAcceptedEvent(disputeId, command.acceptedOn(), command.arbitrationCaseNumber(), dueOn));
        deadlines.cancelAllWithinScope(ARBITRATION_ACCEPTANCE_PERIOD);
        deadlines.schedule(policy.calculator().endOf(dueOn).toInstant(), ARBITRATION_AWARD_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(ExtendArbitrationPeriodCommand command, DisputePolicy policy, DeadlineManager deadlines) {
        requireAllowed(DisputeAction.EXTEND_ARBITRATION_PERIOD);
        if (awardPeriodExtended) {
            throw new IllegalTransitionException("dispute.arbitration-already-extended",
                    "the arbitration period of " + caseNumber + " was already extended once (§43 allows one extension)");
        }
        if (command.days() < 1 || command.days() > policy.maxAwardExtensionDays()) {
            throw new InvalidCaseDataException("dispute.extension-out-of-range", "days",
                    "an extension is 1 to " + policy.maxAwardExtensionDays() + " days");
        }
        RULES.requireText(command.reason(), "reason");
        LocalDate dueOn = policy.calculator().lastDay(arbitrationAcceptedOn,
                new LegalPeriod(policy.arbitrationAward().amount() + command.days(),
                        policy.arbitrationAward().unit()));
        apply(new ArbitrationPeriodExtendedEvent(disputeId, command.days(), command.reason(), dueOn));
        deadlines.cancelAllWithinScope(ARBITRATION_AWARD_PERIOD);
        deadlines.schedule(policy.calculator().endOf(dueOn).toInstant(), ARBITRATION_AWARD_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(RecordArbitrationAwardCommand command, DeadlineManager deadlines) {
        requireAllowed(DisputeAction.RECORD_ARBITRATION_AWARD);
        RULES.requirePresent(command.awardedOn(), "awardedOn");
        RULES.requirePresent(command.outcome(), "outcome");
        RULES.requireNotNegative(command.awardedAmount(), "awardedAmount");
        RULES.requireNotBefore(command.awardedOn(), arbitrationAcceptedOn, "awardedOn", "the acceptance date");
        boolean withinPeriod = !command.awardedOn().isAfter(awardDueOn);
        apply(new ArbitrationAwardRecordedEvent(disputeId, command.awardedOn(), command.outcome(),
                command.awardedAmount(), withinPeriod));
        deadlines.cancelAllWithinScope(ARBITRATION_AWARD_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(CloseDisputeCommand command, DeadlineManager deadlines) {
        RULES.requirePresent(command.reason(), "reason");
        if (!DisputeAction.CLOSE.allowedIn(status)) {
            throw new IllegalTransitionException("dispute.already-closed", caseNumber + " is already closed");
        }
        if (!closableFor(command.reason())) {
            throw new IllegalTransitionException("dispute.cannot-close", caseNumber + " is " + status
                    + " and cannot be closed as " + command.reason());
        }
        apply(new DisputeClosedEvent(disputeId, command.reason(), command.note()));
        cancel(deadlines, MEDIATION_PERIOD, PAYMENT_DUE, ARBITRATION_ACCEPTANCE_PERIOD, ARBITRATION_AWARD_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(LinkDisputeCommand command) {
        return link(command);
    }

    @CommandHandler
    public long handle(FlagDisputeDuplicateElsewhereCommand command) {
        return flagDuplicateElsewhere(command);
    }

    private boolean closableFor(ClosureReason reason) {
        return switch (reason) {
            case RESOLVED -> status == PAID || status == AWARDED;
            case NOT_ACCEPTED -> status == FILED || status == REFERRED_TO_ARBITRATION;
            case WITHDRAWN -> status != PAID && status != AWARDED;
        };
    }

    // --- deadlines: each re-checks the state, so a deadline that outlived its reason does nothing ---

    @DeadlineHandler(deadlineName = MEDIATION_PERIOD)
    public void onMediationPeriodEnded() {
        if (!mediationPeriodExpired && EnumSet.of(FILED, ACCEPTED, MEDIATING).contains(status)) {
            apply(new MediationPeriodExpiredEvent(disputeId, mediationDueOn));
        }
    }

    @DeadlineHandler(deadlineName = PAYMENT_DUE)
    public void onPaymentDue() {
        if (status == SETTLED) {
            apply(new SettlementPaymentOverdueEvent(disputeId, paymentDueOn, settlementAmount.subtract(totalPaid)));
        }
    }

    @DeadlineHandler(deadlineName = ARBITRATION_ACCEPTANCE_PERIOD)
    public void onArbitrationAcceptancePeriodEnded() {
        if (status == REFERRED_TO_ARBITRATION) {
            apply(new ArbitrationAcceptanceOverdueEvent(disputeId, acceptanceDueOn));
        }
    }

    @DeadlineHandler(deadlineName = ARBITRATION_AWARD_PERIOD)
    public void onArbitrationAwardPeriodEnded() {
        if (status == IN_ARBITRATION) {
            apply(new ArbitrationAwardOverdueEvent(disputeId, awardDueOn));
        }
    }

    // --- state ---

    @EventSourcingHandler
    void on(DisputeFiledEvent event) {
        disputeId = event.disputeId();
        caseNumber = event.caseNumber();
        status = FILED;
        appliedOn = event.appliedOn();
        mediationDueOn = event.mediationDueOn();
    }

    @EventSourcingHandler
    void on(DisputeAcceptedEvent event) {
        status = ACCEPTED;
    }

    @EventSourcingHandler
    void on(MediatorAssignedEvent event) {
        mediator = event.mediator();
        status = MEDIATING;
    }

    @EventSourcingHandler
    void on(MediationSessionRecordedEvent event) {
        mediationSessions = event.sessionNumber();
    }

    @EventSourcingHandler
    void on(SettlementReachedEvent event) {
        settlementAmount = event.amount();
        paymentDueOn = event.paymentDueOn();
        status = SETTLED;
    }

    @EventSourcingHandler
    void on(PaymentRecordedEvent event) {
        totalPaid = event.totalPaid();
        if (event.fullyPaid()) status = PAID;
    }

    @EventSourcingHandler
    void on(MediationFailedEvent event) {
        status = MEDIATION_FAILED;
    }

    @EventSourcingHandler
    void on(MediationPeriodExpiredEvent event) {
        mediationPeriodExpired = true;
    }

    @EventSourcingHandler
    void on(DisputeReferredToArbitrationEvent event) {
        referredOn = event.referredOn();
        acceptanceDueOn = event.acceptanceDueOn();
        status = REFERRED_TO_ARBITRATION;
    }

    @EventSourcingHandler
    void on(ArbitrationAcceptedEvent event) {
        arbitrationAcceptedOn = event.acceptedOn();
        awardDueOn = event.awardDueOn();
        status = IN_ARBITRATION;
    }

    @EventSourcingHandler
    void on(ArbitrationPeriodExtendedEvent event) {
        awardPeriodExtended = true;
        awardDueOn = event.awardDueOn();
    }

    @EventSourcingHandler
    void on(ArbitrationAwardRecordedEvent event) {
        status = AWARDED;
    }

    @EventSourcingHandler
    void on(DisputeClosedEvent event) {
        status = CLOSED;
    }



    // --- rule helpers ---


    @Override
    protected CaseRules rules() {
        return RULES;
    }

    @Override
    protected CaseKind kind() {
        return CaseKind.LABOUR_DISPUTE;
    }

    @Override
    protected String caseId() {
        return disputeId.toString();
    }

}

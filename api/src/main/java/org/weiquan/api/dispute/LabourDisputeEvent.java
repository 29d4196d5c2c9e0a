package org.weiquan.api.dispute;

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

/**
 * Everything that can happen to a labour dispute. Each event is stored under its {@link EventType}
 * name and {@link Revision}; neither is ever changed for an event already in the log.
 */
public sealed interface LabourDisputeEvent {
    DisputeId disputeId();

    /**
     * A mediation application was received and the dispute opened. {@code collective}: 10 or more
     * workers with a common claim (§7). {@code filedAfterLimitation}: more than a year after the
     * worker knew of the infringement (§27): flagged, not refused.
     */
    @EventType("labour-dispute.filed")
    @Revision("1")
    record DisputeFiledEvent(DisputeId disputeId, CaseNumber caseNumber, OrganisationId organisation,
                             District district, DisputeCategory category, List<Worker> workers,
                             Employer employer, @Personal(FREE_TEXT) String claim, BigDecimal claimedAmount, LocalDate appliedOn,
                             LocalDate infringementKnownOn, @Personal(STAFF) OfficerId officerInCharge, boolean collective,
                             boolean filedAfterLimitation, LocalDate mediationDueOn) implements LabourDisputeEvent {
        public DisputeFiledEvent {
            workers = List.copyOf(workers);
        }
    }

    /** Supervisors must hear of a collective dispute at once. */
    @EventType("labour-dispute.collective-alert-raised")
    @Revision("1")
    record CollectiveDisputeAlertRaisedEvent(DisputeId disputeId, CaseNumber caseNumber, int workerCount,
                                             District district) implements LabourDisputeEvent {
    }

    @EventType("labour-dispute.accepted")
    @Revision("1")
    record DisputeAcceptedEvent(DisputeId disputeId, LocalDate acceptedOn) implements LabourDisputeEvent {
    }

    /**
     * {@code previousMediator} is null on the first assignment. Revision 2 keeps each mediator's name
     * as the roster had it; revision 1 held only the user names ({@code "mediator":"mediator.sun"})
     * and is upcast on reading, with the name unknown (null).
     */
    @EventType("labour-dispute.mediator-assigned")
    @Revision("2")
    record MediatorAssignedEvent(DisputeId disputeId, Mediator mediator, Mediator previousMediator)
            implements LabourDisputeEvent {
    }

    @EventType("labour-dispute.mediation-session-recorded")
    @Revision("1")
    record MediationSessionRecordedEvent(DisputeId disputeId, int sessionNumber, LocalDate heldOn, @Personal(FREE_TEXT) String summary)
            implements LabourDisputeEvent {
    }

    @EventType("labour-dispute.settlement-reached")
    @Revision("1")
    record SettlementReachedEvent(DisputeId disputeId, BigDecimal amount, LocalDate paymentDueOn, @Personal(FREE_TEXT) String terms)
            implements LabourDisputeEvent {
    }

    @EventType("labour-dispute.payment-recorded")
    @Revision("1")
    record PaymentRecordedEvent(DisputeId disputeId, BigDecimal amount, LocalDate paidOn, BigDecimal totalPaid,
                                boolean fullyPaid) implements LabourDisputeEvent {
    }

    @EventType("labour-dispute.mediation-failed")
    @Revision("1")
    record MediationFailedEvent(DisputeId disputeId, @Personal(FREE_TEXT) String reason) implements LabourDisputeEvent {
    }

    /** The 15 days of §14 passed without a mediation agreement: the worker may go to arbitration. */
    @EventType("labour-dispute.mediation-period-expired")
    @Revision("1")
    record MediationPeriodExpiredEvent(DisputeId disputeId, LocalDate periodEndedOn) implements LabourDisputeEvent {
    }

    /** The employer did not pay the agreed amount by the agreed date. */
    @EventType("labour-dispute.settlement-payment-overdue")
    @Revision("1")
    record SettlementPaymentOverdueEvent(DisputeId disputeId, LocalDate dueOn, BigDecimal outstanding)
            implements LabourDisputeEvent {
    }

    @EventType("labour-dispute.referred-to-arbitration")
    @Revision("1")
    record DisputeReferredToArbitrationEvent(DisputeId disputeId, LocalDate referredOn, String commission,
                                             LocalDate acceptanceDueOn) implements LabourDisputeEvent {
    }

    /** The commission did not decide on acceptance within 5 days (§29). */
    @EventType("labour-dispute.arbitration-acceptance-overdue")
    @Revision("1")
    record ArbitrationAcceptanceOverdueEvent(DisputeId disputeId, LocalDate dueOn) implements LabourDisputeEvent {
    }

    @EventType("labour-dispute.arbitration-accepted")
    @Revision("1")
    record ArbitrationAcceptedEvent(DisputeId disputeId, LocalDate acceptedOn, String arbitrationCaseNumber,
                                    LocalDate awardDueOn) implements LabourDisputeEvent {
    }

    /** The one extension §43 allows, of at most 15 days. */
    @EventType("labour-dispute.arbitration-period-extended")
    @Revision("1")
    record ArbitrationPeriodExtendedEvent(DisputeId disputeId, int days, @Personal(FREE_TEXT) String reason, LocalDate awardDueOn)
            implements LabourDisputeEvent {
    }

    /** No award within 45 days of acceptance (plus the extension, if granted) (§43). */
    @EventType("labour-dispute.arbitration-award-overdue")
    @Revision("1")
    record ArbitrationAwardOverdueEvent(DisputeId disputeId, LocalDate dueOn) implements LabourDisputeEvent {
    }

    @EventType("labour-dispute.arbitration-award-recorded")
    @Revision("1")
    record ArbitrationAwardRecordedEvent(DisputeId disputeId, LocalDate awardedOn, AwardOutcome outcome,
                                         BigDecimal awardedAmount, boolean withinPeriod) implements LabourDisputeEvent {
    }

    @EventType("labour-dispute.closed")
    @Revision("1")
    record DisputeClosedEvent(DisputeId disputeId, ClosureReason reason, @Personal(FREE_TEXT) String note) implements LabourDisputeEvent, CaseLifecycle.Closes {
    }
}

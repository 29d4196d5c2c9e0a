package org.weiquan.query.dispute;

import org.weiquan.query.cases.ViewMapping;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.PersonalData;
import org.weiquan.api.common.Worker;
import org.weiquan.api.dispute.AwardOutcome;
import org.weiquan.api.dispute.ClosureReason;
import org.weiquan.api.dispute.DisputeCategory;
import org.weiquan.api.dispute.DisputeDetail;
import org.weiquan.api.dispute.DisputeStatus;
import org.weiquan.api.dispute.DisputeSummary;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.query.cases.CaseView;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one dispute as the read side sees it, evolved event by event. Both the list and the
 * detail projections keep it, so the rules for status, overdue and next deadline live once.
 * A plain mutable bean so that it round-trips through JSON.
 */
public class DisputeView extends CaseView<DisputeStatus> {
    public static final ViewMapping<DisputeView, LabourDisputeEvent> MAPPING = new ViewMapping<>(
            CaseKind.LABOUR_DISPUTE, "dispute", "dispute_id", DisputeView.class, DisputeView::new,
            LabourDisputeEvent.class, event -> event.disputeId().toString(), DisputeView::apply);

    public String disputeId;
    public DisputeCategory category;
    public List<Worker> workers = new ArrayList<>();
    public String claim;
    public BigDecimal claimedAmount;
    public LocalDate appliedOn;
    public LocalDate infringementKnownOn;
    public boolean filedAfterLimitation;
    public boolean collective;
    public String officerInCharge;
    public String mediator;
    /** As the roster had it at assignment; null for assignments recorded before names were kept. */
    public String mediatorName;
    public int mediationSessions;
    public LocalDate mediationDueOn;
    public boolean mediationPeriodExpired;
    public BigDecimal settlementAmount;
    public LocalDate paymentDueOn;
    public boolean paymentOverdue;
    public BigDecimal amountPaid = BigDecimal.ZERO;
    public String arbitrationCommission;
    public String arbitrationCaseNumber;
    public LocalDate arbitrationAcceptanceDueOn;
    public boolean arbitrationAcceptanceOverdue;
    public LocalDate awardDueOn;
    public boolean awardPeriodExtended;
    public boolean awardOverdue;
    public AwardOutcome awardOutcome;
    public BigDecimal awardedAmount;
    public ClosureReason closureReason;
    public Instant filedAt;

    /**
     * Applies the event with aggregate sequence {@code sequence}. Returns false, changing nothing,
     * for an event this view has already seen: projections are idempotent under redelivery.
     */
    public boolean apply(LabourDisputeEvent event, long sequence, Instant at) {
        return once(sequence, at, () -> evolve(event, at));
    }

    private void evolve(LabourDisputeEvent event, Instant at) {
        if (event instanceof DisputeFiledEvent e) {
            disputeId = e.disputeId().toString();
            caseNumber = e.caseNumber().value();
            status = DisputeStatus.FILED;
            organisation = e.organisation().value();
            district = e.district().name();
            category = e.category();
            workers = new ArrayList<>(e.workers());
            employer = e.employer();
            claim = e.claim();
            claimedAmount = e.claimedAmount();
            appliedOn = e.appliedOn();
            infringementKnownOn = e.infringementKnownOn();
            filedAfterLimitation = e.filedAfterLimitation();
            collective = e.collective();
            officerInCharge = e.officerInCharge().value();
            mediationDueOn = e.mediationDueOn();
            filedAt = at;
        } else if (event instanceof CollectiveDisputeAlertRaisedEvent) {
            collective = true;
        } else if (event instanceof DisputeAcceptedEvent) {
            status = DisputeStatus.ACCEPTED;
        } else if (event instanceof MediatorAssignedEvent e) {
            mediator = e.mediator().id().value();
            mediatorName = e.mediator().name();
            status = DisputeStatus.MEDIATING;
        } else if (event instanceof MediationSessionRecordedEvent e) {
            mediationSessions = e.sessionNumber();
        } else if (event instanceof SettlementReachedEvent e) {
            settlementAmount = e.amount();
            paymentDueOn = e.paymentDueOn();
            status = DisputeStatus.SETTLED;
        } else if (event instanceof PaymentRecordedEvent e) {
            amountPaid = e.totalPaid();
            if (e.fullyPaid()) {
                status = DisputeStatus.PAID;
                paymentOverdue = false;
            }
        } else if (event instanceof SettlementPaymentOverdueEvent) {
            paymentOverdue = true;
        } else if (event instanceof MediationFailedEvent) {
            status = DisputeStatus.MEDIATION_FAILED;
        } else if (event instanceof MediationPeriodExpiredEvent) {
            mediationPeriodExpired = true;
        } else if (event instanceof DisputeReferredToArbitrationEvent e) {
            arbitrationCommission = e.commission();
            arbitrationAcceptanceDueOn = e.acceptanceDueOn();
            status = DisputeStatus.REFERRED_TO_ARBITRATION;
        } else if (event instanceof ArbitrationAcceptanceOverdueEvent) {
            arbitrationAcceptanceOverdue = true;
        } else if (event instanceof ArbitrationAcceptedEvent e) {
            arbitrationCaseNumber = e.arbitrationCaseNumber();
            awardDueOn = e.awardDueOn();
            status = DisputeStatus.IN_ARBITRATION;
        } else if (event instanceof ArbitrationPeriodExtendedEvent e) {
            awardPeriodExtended = true;
            awardDueOn = e.awardDueOn();
            awardOverdue = false;
        } else if (event instanceof ArbitrationAwardOverdueEvent) {
            awardOverdue = true;
        } else if (event instanceof ArbitrationAwardRecordedEvent e) {
            awardOutcome = e.outcome();
            awardedAmount = e.awardedAmount();
            status = DisputeStatus.AWARDED;
        } else if (event instanceof DisputeClosedEvent e) {
            closureReason = e.reason();
            status = DisputeStatus.CLOSED;
        }
    }

    /** A deadline of the current stage has passed and the stage is not done. */
    @Override
    public String caseId() {
        return disputeId;
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
        return leadWorkerMasked();
    }

    @Override
    public boolean overdue() {
        if (status == null) return false;
        return switch (status) {
            case FILED, ACCEPTED, MEDIATING -> mediationPeriodExpired;
            case SETTLED -> paymentOverdue;
            case REFERRED_TO_ARBITRATION -> arbitrationAcceptanceOverdue;
            case IN_ARBITRATION -> awardOverdue;
            default -> false;
        };
    }

    /** The deadline the current stage runs against, if any. */
    @Override
    public LocalDate nextDeadline() {
        if (status == null) return null;
        return switch (status) {
            case FILED, ACCEPTED, MEDIATING -> mediationDueOn;
            case SETTLED -> paymentDueOn;
            case REFERRED_TO_ARBITRATION -> arbitrationAcceptanceDueOn;
            case IN_ARBITRATION -> awardDueOn;
            default -> null;
        };
    }

    @Override
    public DisputeDetail toDetail() {
        return new DisputeDetail(disputeId, caseNumber, status, version, organisation, district, category, workers,
                employer, claim, claimedAmount, appliedOn, infringementKnownOn, filedAfterLimitation, collective,
                officerInCharge, mediator, mediatorName, mediationSessions, mediationDueOn, mediationPeriodExpired,
                settlementAmount, paymentDueOn, amountPaid, arbitrationCommission, arbitrationCaseNumber,
                arbitrationAcceptanceDueOn, awardDueOn, awardPeriodExtended, awardOutcome, awardedAmount,
                closureReason, links, overdue(), filedAt, lastChangedAt);
    }

    public String leadWorkerMasked() {
        return workers.isEmpty() ? null : PersonalData.maskName(workers.get(0).name());
    }

    /** What the case list's free-text search looks in, lower-cased. */
    @Override
    public String searchText() {
        return searchText(workers.stream().map(Worker::name).toList(), claim);
    }

    public DisputeSummary toSummary() {
        return new DisputeSummary(disputeId, caseNumber, status, district, organisation,
                category == null ? null : category.name(), officerInCharge, mediator, leadWorkerMasked(),
                workers.size(), employerName(), collective, overdue(), nextDeadline(),
                appliedOn);
    }
}

package org.weiquan.api.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.weiquan.api.common.CaseCommands;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Commands of the labour dispute lifecycle (劳动争议). Every transition carries the version the
 * client last saw ({@code null}: no check), so that a stale edit is refused instead of applied.
 */
public final class DisputeCommands {
    private DisputeCommands() {
    }

    /** Opens a dispute on receipt of a mediation application. */
    public record FileDisputeCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            CaseNumber caseNumber,
            OrganisationId organisation,
            District district,
            DisputeCategory category,
            List<Worker> workers,
            Employer employer,
            String claim,
            BigDecimal claimedAmount,
            LocalDate appliedOn,
            LocalDate infringementKnownOn,
            OfficerId officerInCharge) {
        public FileDisputeCommand {
            workers = workers == null ? List.of() : List.copyOf(workers);
        }
    }

    public record AcceptDisputeCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate acceptedOn) {
    }

    /** {@code mediator}: the roster's user name and display name of the mediator. */
    /** The mediator by user name; the roster gives the name the event records. */
    public record AssignMediatorCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            @TargetAggregateVersion Long expectedVersion,
            OfficerId mediator) {
    }

    public record RecordMediationSessionCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate heldOn,
            String summary) {
    }

    public record ReachSettlementCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            @TargetAggregateVersion Long expectedVersion,
            BigDecimal amount,
            LocalDate paymentDueOn,
            String terms) {
    }

    public record RecordPaymentCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            @TargetAggregateVersion Long expectedVersion,
            BigDecimal amount,
            LocalDate paidOn) {
    }

    public record RecordMediationFailureCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            @TargetAggregateVersion Long expectedVersion,
            String reason) {
    }

    public record ReferToArbitrationCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate referredOn,
            String commission) {
    }

    public record RecordArbitrationAcceptanceCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate acceptedOn,
            String arbitrationCaseNumber) {
    }

    public record ExtendArbitrationPeriodCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            @TargetAggregateVersion Long expectedVersion,
            int days,
            String reason) {
    }

    public record RecordArbitrationAwardCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate awardedOn,
            AwardOutcome outcome,
            BigDecimal awardedAmount) {
    }

    public record CloseDisputeCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            @TargetAggregateVersion Long expectedVersion,
            ClosureReason reason,
            String note) {
    }

    /** Records a link from this dispute to another case (the app records the other side too). */
    public record LinkDisputeCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            String linkedCaseId,
            CaseKind linkedKind,
            String linkedCaseNumber,
            LinkRelation relation,
            String note) implements CaseCommands.LinkCase {
    }

    /** Flags an open case of the same kind in an organisation the filing officer may not see (at filing). */
    public record FlagDisputeDuplicateElsewhereCommand(
            @TargetAggregateIdentifier DisputeId disputeId,
            String otherCaseId,
            CaseKind otherKind) implements CaseCommands.FlagDuplicateElsewhere {
    }
}

package org.weiquan.api.hazard;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.weiquan.api.common.CaseCommands;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;

import java.time.LocalDate;
import java.util.List;

/**
 * Commands of the safety hazard lifecycle (安全隐患). Every transition carries the version the
 * client last saw ({@code null}: no check), so that a stale edit is refused instead of applied.
 */
public final class HazardCommands {
    private HazardCommands() {
    }

    /**
     * Opens a case for a hazard a union inspector (劳动保护监督检查员) found at an employer. The
     * inspector is the officer who reports it: the application takes them from the session.
     */
    public record ReportHazardCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            CaseNumber caseNumber,
            OrganisationId organisation,
            District district,
            HazardSeverity severity,
            Employer employer,
            String location,
            String description,
            LocalDate foundOn,
            OfficerId inspector) {
    }

    /** The union's rectification notice (整改意见): what to put right, and by when (the notice's own deadline). */
    public record IssueRectificationNoticeCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate issuedOn,
            LocalDate deadline,
            String requirements) {
    }

    /** The employer's written answer to the current notice (how and when it will rectify). */
    public record RecordEmployerAnswerCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate answeredOn,
            String summary) {
    }

    /** A note on how the rectification is going (a follow-up visit, a call, an interim report). */
    public record RecordRectificationProgressCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate recordedOn,
            String description) {
    }

    /** The employer reports the hazard removed, with evidence (metadata and content hashes). */
    public record SubmitRectificationCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate submittedOn,
            String description,
            List<EvidenceAttachment> evidence) {
    }

    /**
     * The union's on-site check of the submitted rectification. A failed check reissues the notice:
     * {@code newDeadline} and {@code newRequirements} are then required (and refused on a pass).
     */
    public record VerifyRectificationCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate verifiedOn,
            VerificationOutcome outcome,
            String findings,
            LocalDate newDeadline,
            String newRequirements) {
    }

    /** Reclassifies a general hazard as major (重大事故隐患) when it turns out to be one. */
    public record EscalateToMajorHazardCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate escalatedOn,
            String reason) {
    }

    /** Records that a major hazard was reported to the authority or the workers' congress (§41). */
    public record ReportMajorHazardCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            @TargetAggregateVersion Long expectedVersion,
            ReportRecipient recipient,
            String recipientName,
            LocalDate reportedOn,
            String reference) {
    }

    /** Records that the authority put the major hazard under listed supervision (挂牌督办). */
    public record PlaceUnderListedSupervisionCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate listedOn,
            String listedBy,
            String documentNumber) {
    }

    /** The union recommends that the employer evacuate the workers from the danger (《安全生产法》§60). */
    public record RecommendEvacuationCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate recommendedOn,
            String reason) {
    }

    /** Closes the case: 销号 of a verified major hazard, or closure without rectification. */
    public record CloseHazardCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            @TargetAggregateVersion Long expectedVersion,
            HazardClosureReason reason,
            LocalDate closedOn,
            String note) {
    }

    /** Records a link from this hazard to another case (the app records the other side too). */
    public record LinkHazardCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            String linkedCaseId,
            CaseKind linkedKind,
            String linkedCaseNumber,
            LinkRelation relation,
            String note) implements CaseCommands.LinkCase {
    }

    /** Flags an open case of the same kind in an organisation the filing officer may not see (at filing). */
    public record FlagHazardDuplicateElsewhereCommand(
            @TargetAggregateIdentifier HazardId hazardId,
            String otherCaseId,
            CaseKind otherKind) implements CaseCommands.FlagDuplicateElsewhere {
    }
}

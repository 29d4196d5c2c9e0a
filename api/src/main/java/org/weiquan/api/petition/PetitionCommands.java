package org.weiquan.api.petition;

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
import org.weiquan.api.common.Worker;

import java.time.LocalDate;
import java.util.List;

/**
 * Commands of the petition lifecycle (信访, 《信访工作条例》). Every transition carries the version the
 * client last saw ({@code null}: no check), so that a stale edit is refused instead of applied.
 */
public final class PetitionCommands {
    private PetitionCommands() {
    }

    /**
     * Opens a petition on its receipt. {@code visitorCount} is given for a visit only.
     * {@code accusedOrganisation}: the union unit complained about, whose users never see
     * whistleblower material. {@code whistleblower}: the petition is a report (检举) whose petitioners'
     * identities are withheld from the accused. {@code earlierPetitionId}: the earlier petition on
     * the same claim, which the petition reads from that petition's own events.
     */
    public record ReceivePetitionCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            CaseNumber caseNumber,
            OrganisationId organisation,
            District district,
            PetitionChannel channel,
            LocalDate receivedOn,
            List<Worker> petitioners,
            Integer visitorCount,
            Employer employer,
            OrganisationId accusedOrganisation,
            boolean whistleblower,
            String claim,
            List<Material> materials,
            OfficerId officerInCharge,
            PetitionId earlierPetitionId) {
        public ReceivePetitionCommand {
            petitioners = petitioners == null ? List.of() : List.copyOf(petitioners);
            materials = materials == null ? List.of() : List.copyOf(materials);
        }
    }

    /** Registers the petition (登记) with its subject. */
    public record RegisterPetitionCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate registeredOn,
            PetitionSubject subject) {
    }

    /** Sends the petition to whoever handles it: itself, a union below, or the competent organ (§22). */
    public record AssignPetitionCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate assignedOn,
            PetitionRouting routing,
            String handlingUnit,
            OfficerId handlingOfficer,
            String note) {
    }

    /** The handling unit objects that the matter is not within its competence (within 5 working days). */
    public record ObjectToCompetenceCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate objectedOn,
            String reason) {
    }

    /** The handling unit accepts the petition and tells the petitioner so (§23). */
    public record AcceptPetitionCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate acceptedOn) {
    }

    /** The handling unit does not accept the petition and tells the petitioner why, in writing (§23). */
    public record DeclinePetitionCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate decidedOn,
            String reason) {
    }

    /** The one extension of the reply period §34 allows, with its reason. */
    public record ExtendReplyPeriodCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            int days,
            String reason) {
    }

    /** The written reply to the petitioner (§34). */
    public record ReplyToPetitionCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate repliedOn,
            String reply) {
    }

    /** The petitioner's rating of the latest answer (§21). */
    public record RecordRatingCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            SatisfactionRating rating,
            LocalDate ratedOn,
            String comment) {
    }

    public record ClosePetitionCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            PetitionClosureReason reason,
            String note) {
    }

    /** The petitioner asks the superior organ to review the reply (复查, §35). */
    public record RequestReviewCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate requestedOn,
            String reviewingBody,
            String grounds) {
    }

    public record AnswerReviewCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate answeredOn,
            ReviewDecision decision,
            String opinion) {
    }

    /** The petitioner asks for re-examination of the review opinion (复核, §36). */
    public record RequestReexaminationCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate requestedOn,
            String reexaminingBody,
            String grounds) {
    }

    public record AnswerReexaminationCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate answeredOn,
            ReviewDecision decision,
            String opinion) {
    }

    /** Adds a material (metadata and content hash; the bytes are in the blob store). */
    public record AddMaterialCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            Material material) {
    }

    /** Marks a material as whistleblower material from now on; a mark is never taken back. */
    public record MarkMaterialAsWhistleblowerCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            @TargetAggregateVersion Long expectedVersion,
            int materialNumber) {
    }

    /** Records a link from this petition to another case (the app records the other side too). */
    public record LinkPetitionCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            String linkedCaseId,
            CaseKind linkedKind,
            String linkedCaseNumber,
            LinkRelation relation,
            String note) implements CaseCommands.LinkCase {
    }

    /** Flags an open case of the same kind in an organisation the filing officer may not see (at filing). */
    public record FlagPetitionDuplicateElsewhereCommand(
            @TargetAggregateIdentifier PetitionId petitionId,
            String otherCaseId,
            CaseKind otherKind) implements CaseCommands.FlagDuplicateElsewhere {
    }
}

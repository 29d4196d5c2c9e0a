package org.weiquan.api.legalaid;

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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Commands of the legal-aid lifecycle (法律援助, 《法律援助法》 as the union applies it, §68). Every
 * transition carries the version the client last saw ({@code null}: no check), so that a stale edit is
 * refused instead of applied.
 */
public final class LegalAidCommands {
    private LegalAidCommands() {
    }

    /**
     * Opens a case on receipt of an application. The aggregate decides the means-test exemption from
     * {@code migrantWorker} and {@code matterCategory} (§42); the client does not claim it.
     */
    public record ApplyForLegalAidCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            CaseNumber caseNumber,
            OrganisationId organisation,
            District district,
            Worker applicant,
            boolean migrantWorker,
            MatterCategory matterCategory,
            String matter,
            String grounds,
            BigDecimal amountClaimed,
            Employer employer,
            LocalDate appliedOn,
            OfficerId officerInCharge) {
    }

    /** The one notice listing every missing item (§43: 一次性告知), with the date to supply them by. */
    public record RequestMissingMaterialsCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate requestedOn,
            List<String> items,
            LocalDate supplyBy) {
        public RequestMissingMaterialsCommand {
            items = items == null ? null : List.copyOf(items);
        }
    }

    /** The applicant supplied the materials or explained why they cannot (作出说明). */
    public record RecordMaterialsReceivedCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate receivedOn,
            String note) {
    }

    /**
     * Aid given ahead of the decision (先行提供法律援助, §44) because fewer than the policy's days (7)
     * remain until {@code deadlineOn}, a limitation or procedural deadline.
     */
    public record GrantUrgentAidCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate grantedOn,
            LocalDate deadlineOn,
            String deadlineDescription) {
    }

    /**
     * Approves aid. {@code meansTest} is required unless the application is exempt from the means test
     * (§42), and must establish economic hardship.
     */
    public record ApproveLegalAidCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate decidedOn,
            MeansTestResult meansTest) {
    }

    /** Refuses aid; the written reasons go to the applicant (§43) and into the history. */
    public record RejectLegalAidCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate decidedOn,
            String reasons) {
    }

    /** Assigns (or replaces) the panel lawyer; the app checks the lawyer is an active member of the panel. */
    /** The lawyer by panel id; the panel gives the name the event records. */
    public record AssignLawyerCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            String lawyerId,
            LocalDate assignedOn) {
    }

    public record RecordActivityCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            ActivityType type,
            LocalDate on,
            String note) {
    }

    /** How the matter ended; {@code note} is required for a termination (§48: the reasons). */
    public record RecordOutcomeCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            AidOutcome outcome,
            LocalDate concludedOn,
            BigDecimal amountRecovered,
            String note) {
    }

    public record SubmitClosingReportCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate submittedOn,
            String summary) {
    }

    /** The applicant objects to the rejection (§49). */
    public record LodgeObjectionCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            LocalDate lodgedOn,
            String grounds) {
    }

    /** The review of the objection: upheld (aid given) or dismissed (the case closes). */
    public record ReviewObjectionCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            ObjectionFinding finding,
            LocalDate reviewedOn,
            String reasons) {
    }

    public record CloseLegalAidCaseCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            @TargetAggregateVersion Long expectedVersion,
            LegalAidClosureReason reason,
            String note) {
    }

    /** Records a link from this case to another case (the app records the other side too). */
    public record LinkLegalAidCaseCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            String linkedCaseId,
            CaseKind linkedKind,
            String linkedCaseNumber,
            LinkRelation relation,
            String note) implements CaseCommands.LinkCase {
    }

    /** Flags an open case of the same kind in an organisation the filing officer may not see (at filing). */
    public record FlagLegalAidCaseDuplicateElsewhereCommand(
            @TargetAggregateIdentifier LegalAidCaseId legalAidCaseId,
            String otherCaseId,
            CaseKind otherKind) implements CaseCommands.FlagDuplicateElsewhere {
    }
}

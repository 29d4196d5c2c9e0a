package org.weiquan.api.petition;

import org.weiquan.api.common.CaseLink;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current state of a petition, as its officer sees it; {@code version} is the ETag for
 * transitions. Users of the accused organisation get {@link #withheldFromAccused()} instead.
 */
public record PetitionDetail(String petitionId, String caseNumber, PetitionStatus status, long version,
                             String organisation, String district, PetitionChannel channel, LocalDate receivedOn,
                             List<Worker> petitioners, Integer visitorCount, boolean collective, Employer employer,
                             String accusedOrganisation, boolean whistleblower, String claim,
                             String officerInCharge, String earlierPetitionId, String earlierCaseNumber,
                             PetitionSubject subject, LocalDate registeredOn,
                             LocalDate assignmentDueOn, boolean assignmentOverdue, PetitionRouting routing,
                             String handlingUnit, String handlingOfficer, LocalDate assignedOn,
                             Boolean assignedWithinPeriod, LocalDate acceptanceNoticeDueOn,
                             boolean acceptanceNoticeOverdue, LocalDate competenceObjectionDueOn,
                             int competenceObjections, String lastCompetenceObjection,
                             LocalDate acceptedOn, LocalDate notAcceptedOn, String notAcceptedReason,
                             Boolean noticeWithinPeriod, LocalDate replyDueOn, boolean replyPeriodExtended,
                             String replyExtensionReason, boolean replyOverdue, LocalDate repliedOn, String reply,
                             Boolean repliedWithinPeriod, LocalDate reviewRequestDueOn, PetitionAppeal review,
                             LocalDate reexaminationRequestDueOn, PetitionAppeal reexamination,
                             List<PetitionRating> ratings, boolean claimFinal, FinalityBasis finalityBasis,
                             LocalDate finalOn, PetitionClosureReason closureReason,
                             List<PetitionMaterial> materials, List<CaseLink> links, boolean overdue,
                             LocalDate nextDeadline, Instant receivedAt, Instant lastChangedAt) {
    public PetitionDetail {
        petitioners = List.copyOf(petitioners);
        ratings = ratings == null ? List.of() : List.copyOf(ratings);
        materials = materials == null ? List.of() : List.copyOf(materials);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** True when {@code viewer} belongs to the accused organisation or one below it. */
    public boolean accuses(OrganisationId viewer) {
        return accusedOrganisation != null && new OrganisationId(accusedOrganisation).covers(viewer);
    }

    /**
     * The petition as the accused organisation may see it (《信访工作条例》§30): without whistleblower
     * material, and, for a whistleblower petition, without the petitioners.
     */
    public PetitionDetail withheldFromAccused() {
        List<Worker> shownPetitioners = whistleblower ? List.of() : petitioners;
        List<PetitionMaterial> shownMaterials = materials.stream().filter(m -> !m.whistleblower()).toList();
        return new PetitionDetail(petitionId, caseNumber, status, version, organisation, district, channel,
                receivedOn, shownPetitioners, visitorCount, collective, employer, accusedOrganisation, whistleblower,
                claim, officerInCharge, earlierPetitionId, earlierCaseNumber, subject, registeredOn, assignmentDueOn,
                assignmentOverdue, routing, handlingUnit, handlingOfficer, assignedOn, assignedWithinPeriod,
                acceptanceNoticeDueOn, acceptanceNoticeOverdue, competenceObjectionDueOn, competenceObjections,
                lastCompetenceObjection, acceptedOn, notAcceptedOn, notAcceptedReason, noticeWithinPeriod,
                replyDueOn, replyPeriodExtended, replyExtensionReason, replyOverdue, repliedOn, reply,
                repliedWithinPeriod, reviewRequestDueOn, review, reexaminationRequestDueOn, reexamination, ratings,
                claimFinal, finalityBasis, finalOn, closureReason, shownMaterials, links, overdue, nextDeadline,
                receivedAt, lastChangedAt);
    }
}

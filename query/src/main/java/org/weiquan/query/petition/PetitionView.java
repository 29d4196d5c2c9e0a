package org.weiquan.query.petition;

import org.weiquan.query.cases.ViewMapping;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.PersonalData;
import org.weiquan.api.common.Worker;
import org.weiquan.api.petition.FinalityBasis;
import org.weiquan.api.petition.PetitionAppeal;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionClosureReason;
import org.weiquan.api.petition.PetitionDetail;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.api.petition.PetitionEvent.AcceptanceNoticeOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.AssignmentOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ClaimBecameFinalEvent;
import org.weiquan.api.petition.PetitionEvent.CollectiveVisitAlertRaisedEvent;
import org.weiquan.api.petition.PetitionEvent.CompetenceObjectedEvent;
import org.weiquan.api.petition.PetitionEvent.MaterialAddedEvent;
import org.weiquan.api.petition.PetitionEvent.MaterialMarkedAsWhistleblowerEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionAcceptedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionAssignedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionClosedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionNotAcceptedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionReceivedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionRegisteredEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionRepliedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionerRatingRecordedEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationAnswerOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationAnsweredEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationRequestedEvent;
import org.weiquan.api.petition.PetitionEvent.ReplyOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReplyPeriodExtendedEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewAnswerOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewAnsweredEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewRequestedEvent;
import org.weiquan.api.petition.PetitionMaterial;
import org.weiquan.api.petition.PetitionRating;
import org.weiquan.api.petition.PetitionRouting;
import org.weiquan.api.petition.PetitionStatus;
import org.weiquan.api.petition.PetitionSubject;
import org.weiquan.api.petition.PetitionSummary;
import org.weiquan.api.petition.ReviewDecision;
import org.weiquan.query.cases.CaseView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one petition as the read side sees it, evolved event by event. Both the list and
 * the detail projections keep it, so the rules for status, overdue and next deadline live once.
 * A plain mutable bean so that it round-trips through JSON.
 */
public class PetitionView extends CaseView<PetitionStatus> {
    public static final ViewMapping<PetitionView, PetitionEvent> MAPPING = new ViewMapping<>(
            CaseKind.PETITION, "petition", "petition_id", PetitionView.class, PetitionView::new,
            PetitionEvent.class, event -> event.petitionId().toString(), PetitionView::apply);

    public String petitionId;
    public PetitionChannel channel;
    public LocalDate receivedOn;
    public List<Worker> petitioners = new ArrayList<>();
    public Integer visitorCount;
    public boolean collective;
    public String accusedOrganisation;
    public boolean whistleblower;
    public String claim;
    public String officerInCharge;
    public String earlierPetitionId;
    public String earlierCaseNumber;
    public PetitionSubject subject;
    public LocalDate registeredOn;
    public LocalDate assignmentDueOn;
    public boolean assignmentOverdue;
    public PetitionRouting routing;
    public String handlingUnit;
    public String handlingOfficer;
    public LocalDate assignedOn;
    public Boolean assignedWithinPeriod;
    public LocalDate acceptanceNoticeDueOn;
    public boolean acceptanceNoticeOverdue;
    public LocalDate competenceObjectionDueOn;
    public int competenceObjections;
    public String lastCompetenceObjection;
    public LocalDate acceptedOn;
    public LocalDate notAcceptedOn;
    public String notAcceptedReason;
    public Boolean noticeWithinPeriod;
    public LocalDate replyDueOn;
    public boolean replyPeriodExtended;
    public String replyExtensionReason;
    public boolean replyOverdue;
    public LocalDate repliedOn;
    public String reply;
    public Boolean repliedWithinPeriod;
    public LocalDate reviewRequestDueOn;
    public Appeal review;
    public LocalDate reexaminationRequestDueOn;
    public Appeal reexamination;
    public List<PetitionRating> ratings = new ArrayList<>();
    public boolean claimFinal;
    public FinalityBasis finalityBasis;
    public LocalDate finalOn;
    public PetitionClosureReason closureReason;
    public List<PetitionMaterial> materials = new ArrayList<>();
    public Instant receivedAt;

    /** A review or re-examination as it evolves: request, then maybe overdue, then the opinion. */
    public static class Appeal {
        public LocalDate requestedOn;
        public String body;
        public String grounds;
        public LocalDate answerDueOn;
        public boolean answerOverdue;
        public LocalDate answeredOn;
        public ReviewDecision decision;
        public String opinion;
        public Boolean answeredWithinPeriod;

        static Appeal requested(LocalDate requestedOn, String body, String grounds, LocalDate answerDueOn) {
            Appeal appeal = new Appeal();
            appeal.requestedOn = requestedOn;
            appeal.body = body;
            appeal.grounds = grounds;
            appeal.answerDueOn = answerDueOn;
            return appeal;
        }

        void answered(LocalDate on, ReviewDecision decision, String opinion, boolean withinPeriod) {
            answeredOn = on;
            this.decision = decision;
            this.opinion = opinion;
            answeredWithinPeriod = withinPeriod;
        }

        PetitionAppeal toRecord() {
            return new PetitionAppeal(requestedOn, body, grounds, answerDueOn, answerOverdue, answeredOn, decision,
                    opinion, answeredWithinPeriod);
        }
    }

    /**
     * Applies the event with aggregate sequence {@code sequence}. Returns false, changing nothing,
     * for an event this view has already seen: projections are idempotent under redelivery.
     */
    public boolean apply(PetitionEvent event, long sequence, Instant at) {
        return once(sequence, at, () -> evolve(event, at));
    }

    private void evolve(PetitionEvent event, Instant at) {
        if (event instanceof PetitionReceivedEvent e) {
            petitionId = e.petitionId().toString();
            caseNumber = e.caseNumber().value();
            status = PetitionStatus.RECEIVED;
            organisation = e.organisation().value();
            district = e.district().name();
            channel = e.channel();
            receivedOn = e.receivedOn();
            petitioners = new ArrayList<>(e.petitioners());
            visitorCount = e.visitorCount();
            collective = e.collective();
            employer = e.employer();
            accusedOrganisation = e.accusedOrganisation() == null ? null : e.accusedOrganisation().value();
            whistleblower = e.whistleblower();
            claim = e.claim();
            officerInCharge = e.officerInCharge().value();
            assignmentDueOn = e.assignmentDueOn();
            earlierPetitionId = e.earlierPetitionId() == null ? null : e.earlierPetitionId().toString();
            earlierCaseNumber = e.earlierCaseNumber() == null ? null : e.earlierCaseNumber().value();
            receivedAt = at;
        } else if (event instanceof CollectiveVisitAlertRaisedEvent) {
            collective = true;
        } else if (event instanceof MaterialAddedEvent e) {
            materials.add(new PetitionMaterial(e.materialNumber(), e.fileName(), e.mediaType(), e.sizeBytes(),
                    e.sha256(), e.whistleblower()));
        } else if (event instanceof MaterialMarkedAsWhistleblowerEvent e) {
            materials.replaceAll(m -> m.number() != e.materialNumber() ? m : new PetitionMaterial(m.number(),
                    m.fileName(), m.mediaType(), m.sizeBytes(), m.sha256(), true));
        } else if (event instanceof PetitionRegisteredEvent e) {
            registeredOn = e.registeredOn();
            subject = e.subject();
            status = PetitionStatus.REGISTERED;
        } else if (event instanceof AssignmentOverdueEvent) {
            assignmentOverdue = true;
        } else if (event instanceof PetitionAssignedEvent e) {
            assignedOn = e.assignedOn();
            routing = e.routing();
            handlingUnit = e.handlingUnit();
            handlingOfficer = e.handlingOfficer() == null ? null : e.handlingOfficer().value();
            assignedWithinPeriod = e.withinPeriod();
            acceptanceNoticeDueOn = e.acceptanceNoticeDueOn();
            acceptanceNoticeOverdue = false;
            competenceObjectionDueOn = e.competenceObjectionDueOn();
            status = PetitionStatus.ASSIGNED;
        } else if (event instanceof CompetenceObjectedEvent e) {
            competenceObjections++;
            lastCompetenceObjection = e.handlingUnit() + ": " + e.reason();
            assignmentDueOn = e.assignmentDueOn();
            assignmentOverdue = false;
            assignedOn = null;
            routing = null;
            handlingUnit = null;
            handlingOfficer = null;
            assignedWithinPeriod = null;
            acceptanceNoticeDueOn = null;
            competenceObjectionDueOn = null;
            status = PetitionStatus.REGISTERED;
        } else if (event instanceof AcceptanceNoticeOverdueEvent) {
            acceptanceNoticeOverdue = true;
        } else if (event instanceof PetitionAcceptedEvent e) {
            acceptedOn = e.acceptedOn();
            noticeWithinPeriod = e.noticeWithinPeriod();
            replyDueOn = e.replyDueOn();
            status = PetitionStatus.ACCEPTED;
        } else if (event instanceof PetitionNotAcceptedEvent e) {
            notAcceptedOn = e.decidedOn();
            notAcceptedReason = e.reason();
            noticeWithinPeriod = e.noticeWithinPeriod();
            status = PetitionStatus.NOT_ACCEPTED;
        } else if (event instanceof ReplyPeriodExtendedEvent e) {
            replyPeriodExtended = true;
            replyExtensionReason = e.reason();
            replyDueOn = e.replyDueOn();
            replyOverdue = false;
        } else if (event instanceof ReplyOverdueEvent) {
            replyOverdue = true;
        } else if (event instanceof PetitionRepliedEvent e) {
            repliedOn = e.repliedOn();
            reply = e.reply();
            repliedWithinPeriod = e.withinPeriod();
            reviewRequestDueOn = e.reviewRequestDueOn();
            status = PetitionStatus.REPLIED;
        } else if (event instanceof PetitionerRatingRecordedEvent e) {
            ratings.add(new PetitionRating(e.stage(), e.rating(), e.ratedOn(), e.comment()));
        } else if (event instanceof PetitionClosedEvent e) {
            closureReason = e.reason();
            status = PetitionStatus.CLOSED;
        } else if (event instanceof ReviewRequestedEvent e) {
            review = Appeal.requested(e.requestedOn(), e.reviewingBody(), e.grounds(), e.answerDueOn());
            closureReason = null;
            status = PetitionStatus.REVIEW_REQUESTED;
        } else if (event instanceof ReviewAnswerOverdueEvent) {
            review.answerOverdue = true;
        } else if (event instanceof ReviewAnsweredEvent e) {
            review.answered(e.answeredOn(), e.decision(), e.opinion(), e.withinPeriod());
            reexaminationRequestDueOn = e.reexaminationRequestDueOn();
            status = PetitionStatus.REVIEW_ANSWERED;
        } else if (event instanceof ReexaminationRequestedEvent e) {
            reexamination = Appeal.requested(e.requestedOn(), e.reexaminingBody(), e.grounds(), e.answerDueOn());
            closureReason = null;
            status = PetitionStatus.REEXAMINATION_REQUESTED;
        } else if (event instanceof ReexaminationAnswerOverdueEvent) {
            reexamination.answerOverdue = true;
        } else if (event instanceof ReexaminationAnsweredEvent e) {
            reexamination.answered(e.answeredOn(), e.decision(), e.opinion(), e.withinPeriod());
            status = PetitionStatus.REEXAMINATION_ANSWERED;
        } else if (event instanceof ClaimBecameFinalEvent e) {
            claimFinal = true;
            finalityBasis = e.basis();
            finalOn = e.finalOn();
        }
    }

    /** A deadline the union runs against in the current stage has passed and the stage is not done. */
    @Override
    public String caseId() {
        return petitionId;
    }

    @Override
    public String officer() {
        return officerInCharge;
    }

    @Override
    public LocalDate openedOn() {
        return receivedOn;
    }

    @Override
    public String partyMasked() {
        return leadPetitionerMasked();
    }

    @Override
    public boolean overdue() {
        if (status == null) return false;
        return switch (status) {
            case RECEIVED, REGISTERED -> assignmentOverdue;
            case ASSIGNED -> acceptanceNoticeOverdue;
            case ACCEPTED -> replyOverdue;
            case REVIEW_REQUESTED -> review.answerOverdue;
            case REEXAMINATION_REQUESTED -> reexamination.answerOverdue;
            default -> false;
        };
    }

    /**
     * The deadline the union runs against in the current stage, if any. The petitioner's windows for
     * review and re-examination are not the union's deadlines: the detail shows them.
     */
    @Override
    public LocalDate nextDeadline() {
        if (status == null) return null;
        return switch (status) {
            case RECEIVED, REGISTERED -> assignmentDueOn;
            case ASSIGNED -> acceptanceNoticeDueOn;
            case ACCEPTED -> replyDueOn;
            case REVIEW_REQUESTED -> review.answerDueOn;
            case REEXAMINATION_REQUESTED -> reexamination.answerDueOn;
            default -> null;
        };
    }

    /** The lead petitioner's masked name; none for a whistleblower petition, whose lists the accused may see. */
    public String leadPetitionerMasked() {
        return whistleblower || petitioners.isEmpty() ? null : PersonalData.maskName(petitioners.get(0).name());
    }

    /**
     * What the case list's free-text search looks in, lower-cased. A whistleblower's name is left out:
     * a search by name must not tell anyone that this person reported.
     */
    @Override
    public String searchText() {
        return searchText(whistleblower ? List.of() : petitioners.stream().map(Worker::name).toList(), handlingUnit,
                claim);
    }

    @Override
    public PetitionDetail toDetail() {
        return new PetitionDetail(petitionId, caseNumber, status, version, organisation, district, channel, receivedOn,
                petitioners, visitorCount, collective, employer, accusedOrganisation, whistleblower, claim,
                officerInCharge, earlierPetitionId, earlierCaseNumber, subject, registeredOn, assignmentDueOn,
                assignmentOverdue, routing, handlingUnit, handlingOfficer, assignedOn, assignedWithinPeriod,
                acceptanceNoticeDueOn, acceptanceNoticeOverdue, competenceObjectionDueOn, competenceObjections,
                lastCompetenceObjection, acceptedOn, notAcceptedOn, notAcceptedReason, noticeWithinPeriod, replyDueOn,
                replyPeriodExtended, replyExtensionReason, replyOverdue, repliedOn, reply, repliedWithinPeriod,
                reviewRequestDueOn, review == null ? null : review.toRecord(), reexaminationRequestDueOn,
                reexamination == null ? null : reexamination.toRecord(), ratings, claimFinal, finalityBasis, finalOn,
                closureReason, materials, links, overdue(), nextDeadline(), receivedAt, lastChangedAt);
    }

    public PetitionSummary toSummary() {
        return new PetitionSummary(petitionId, caseNumber, status, district, organisation, channel, subject,
                officerInCharge, handlingOfficer, handlingUnit, leadPetitionerMasked(), petitioners.size(), visitorCount,
                collective, whistleblower, employerName(), overdue(), nextDeadline(),
                receivedOn, claimFinal);
    }
}

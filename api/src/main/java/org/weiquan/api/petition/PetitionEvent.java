package org.weiquan.api.petition;

import org.axonframework.serialization.Revision;
import org.weiquan.api.common.CaseLifecycle;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.EventType;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;

import java.time.LocalDate;
import java.util.List;
import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.FREE_TEXT;
import static org.weiquan.api.common.Personal.Kind.STAFF;

/**
 * Everything that can happen to a petition (信访, 《信访工作条例》). Each event is stored under its
 * {@link EventType} name and {@link Revision}; neither is ever changed for an event already in the log.
 */
public sealed interface PetitionEvent {
    PetitionId petitionId();

    /**
     * A petition was received and the case opened. {@code collective}: a visit of more visitors than
     * the policy's threshold (集体访). {@code assignmentDueOn}: the last day to forward or assign it
     * (§22). {@code earlierPetitionId}: the earlier petition on the same claim, when there is one.
     */
    @EventType("petition.received")
    @Revision("1")
    record PetitionReceivedEvent(PetitionId petitionId, CaseNumber caseNumber, OrganisationId organisation,
                                 District district, PetitionChannel channel, LocalDate receivedOn,
                                 List<Worker> petitioners, Integer visitorCount, boolean collective, Employer employer,
                                 OrganisationId accusedOrganisation, boolean whistleblower, @Personal(FREE_TEXT) String claim,
                                 @Personal(STAFF) OfficerId officerInCharge, LocalDate assignmentDueOn, PetitionId earlierPetitionId,
                                 CaseNumber earlierCaseNumber) implements PetitionEvent {
        public PetitionReceivedEvent {
            petitioners = List.copyOf(petitioners);
        }
    }

    /** Supervisors must hear of a collective visit at once. */
    @EventType("petition.collective-visit-alert-raised")
    @Revision("1")
    record CollectiveVisitAlertRaisedEvent(PetitionId petitionId, CaseNumber caseNumber, int visitorCount,
                                           District district) implements PetitionEvent {
    }

    /** A material was added; numbers run from 1 in the order received. */
    @EventType("petition.material-added")
    @Revision("1")
    record MaterialAddedEvent(PetitionId petitionId, int materialNumber, @Personal(FREE_TEXT) String fileName, String mediaType,
                              long sizeBytes, String sha256, boolean whistleblower) implements PetitionEvent {
    }

    @EventType("petition.material-marked-whistleblower")
    @Revision("1")
    record MaterialMarkedAsWhistleblowerEvent(PetitionId petitionId, int materialNumber) implements PetitionEvent {
    }

    @EventType("petition.registered")
    @Revision("1")
    record PetitionRegisteredEvent(PetitionId petitionId, LocalDate registeredOn, PetitionSubject subject)
            implements PetitionEvent {
    }

    /** Not forwarded or assigned within the assignment period (§22). */
    @EventType("petition.assignment-overdue")
    @Revision("1")
    record AssignmentOverdueEvent(PetitionId petitionId, LocalDate dueOn) implements PetitionEvent {
    }

    /**
     * Sent to its handling unit. {@code withinPeriod}: on or before the assignment's last day.
     * {@code acceptanceNoticeDueOn}: the petitioner must be told by then whether it is accepted (§23);
     * {@code competenceObjectionDueOn}: the unit may object to its competence until then.
     */
    @EventType("petition.assigned")
    @Revision("1")
    record PetitionAssignedEvent(PetitionId petitionId, LocalDate assignedOn, PetitionRouting routing,
                                 String handlingUnit, @Personal(STAFF) OfficerId handlingOfficer, @Personal(FREE_TEXT) String note, boolean withinPeriod,
                                 LocalDate acceptanceNoticeDueOn, LocalDate competenceObjectionDueOn)
            implements PetitionEvent {
    }

    /**
     * The handling unit objected that the matter is not within its competence: the petition goes
     * back for another assignment, due by {@code assignmentDueOn}.
     */
    @EventType("petition.competence-objected")
    @Revision("1")
    record CompetenceObjectedEvent(PetitionId petitionId, LocalDate objectedOn, String handlingUnit, @Personal(FREE_TEXT) String reason,
                                   LocalDate assignmentDueOn) implements PetitionEvent {
    }

    /** The petitioner was not told within the period whether the petition is accepted (§23). */
    @EventType("petition.acceptance-notice-overdue")
    @Revision("1")
    record AcceptanceNoticeOverdueEvent(PetitionId petitionId, LocalDate dueOn) implements PetitionEvent {
    }

    /** Accepted; the reply is due by {@code replyDueOn} (§34). */
    @EventType("petition.accepted")
    @Revision("1")
    record PetitionAcceptedEvent(PetitionId petitionId, LocalDate acceptedOn, boolean noticeWithinPeriod,
                                 LocalDate replyDueOn) implements PetitionEvent {
    }

    /** Not accepted, the petitioner told so in writing with the reason. */
    @EventType("petition.not-accepted")
    @Revision("1")
    record PetitionNotAcceptedEvent(PetitionId petitionId, LocalDate decidedOn, @Personal(FREE_TEXT) String reason,
                                    boolean noticeWithinPeriod) implements PetitionEvent {
    }

    /** The one extension §34 allows, with its reason; the reply is now due by {@code replyDueOn}. */
    @EventType("petition.reply-period-extended")
    @Revision("1")
    record ReplyPeriodExtendedEvent(PetitionId petitionId, int days, @Personal(FREE_TEXT) String reason, LocalDate replyDueOn)
            implements PetitionEvent {
    }

    @EventType("petition.reply-overdue")
    @Revision("1")
    record ReplyOverdueEvent(PetitionId petitionId, LocalDate dueOn) implements PetitionEvent {
    }

    /** Replied in writing; the petitioner may ask for review until {@code reviewRequestDueOn} (§35). */
    @EventType("petition.replied")
    @Revision("1")
    record PetitionRepliedEvent(PetitionId petitionId, LocalDate repliedOn, @Personal(FREE_TEXT) String reply, boolean withinPeriod,
                                LocalDate reviewRequestDueOn) implements PetitionEvent {
    }

    @EventType("petition.rating-recorded")
    @Revision("1")
    record PetitionerRatingRecordedEvent(PetitionId petitionId, AnswerStage stage, SatisfactionRating rating,
                                         LocalDate ratedOn, @Personal(FREE_TEXT) String comment) implements PetitionEvent {
    }

    @EventType("petition.closed")
    @Revision("1")
    record PetitionClosedEvent(PetitionId petitionId, PetitionClosureReason reason, @Personal(FREE_TEXT) String note)
            implements PetitionEvent, CaseLifecycle.Closes {
    }

    /** Review (复查) requested; the opinion is due by {@code answerDueOn} (§35). */
    @EventType("petition.review-requested")
    @Revision("1")
    record ReviewRequestedEvent(PetitionId petitionId, LocalDate requestedOn, String reviewingBody, @Personal(FREE_TEXT) String grounds,
                                LocalDate answerDueOn) implements PetitionEvent, CaseLifecycle.Reopens {
    }

    @EventType("petition.review-answer-overdue")
    @Revision("1")
    record ReviewAnswerOverdueEvent(PetitionId petitionId, LocalDate dueOn) implements PetitionEvent {
    }

    /** Review opinion given; re-examination may be requested until {@code reexaminationRequestDueOn} (§36). */
    @EventType("petition.review-answered")
    @Revision("1")
    record ReviewAnsweredEvent(PetitionId petitionId, LocalDate answeredOn, ReviewDecision decision, @Personal(FREE_TEXT) String opinion,
                               boolean withinPeriod, LocalDate reexaminationRequestDueOn) implements PetitionEvent {
    }

    /** Re-examination (复核) requested; the opinion is due by {@code answerDueOn} (§36). */
    @EventType("petition.reexamination-requested")
    @Revision("1")
    record ReexaminationRequestedEvent(PetitionId petitionId, LocalDate requestedOn, String reexaminingBody,
                                       @Personal(FREE_TEXT) String grounds, LocalDate answerDueOn) implements PetitionEvent, CaseLifecycle.Reopens {
    }

    @EventType("petition.reexamination-answer-overdue")
    @Revision("1")
    record ReexaminationAnswerOverdueEvent(PetitionId petitionId, LocalDate dueOn) implements PetitionEvent {
    }

    @EventType("petition.reexamination-answered")
    @Revision("1")
    record ReexaminationAnsweredEvent(PetitionId petitionId, LocalDate answeredOn, ReviewDecision decision,
                                      @Personal(FREE_TEXT) String opinion, boolean withinPeriod) implements PetitionEvent {
    }

    /**
     * The petitioner's claim is final from {@code finalOn}: no review or re-examination is left, and
     * the same claim is not accepted again (§36).
     */
    @EventType("petition.claim-became-final")
    @Revision("1")
    record ClaimBecameFinalEvent(PetitionId petitionId, FinalityBasis basis, LocalDate finalOn)
            implements PetitionEvent {
    }
}

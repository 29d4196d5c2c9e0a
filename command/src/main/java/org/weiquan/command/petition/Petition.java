package org.weiquan.command.petition;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.weiquan.api.petition.PetitionAction;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.IllegalTransitionException;
import org.weiquan.api.common.InvalidCaseDataException;
import org.weiquan.api.common.Worker;
import org.weiquan.api.petition.AnswerStage;
import org.weiquan.api.petition.FinalityBasis;
import org.weiquan.api.petition.Material;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionClosureReason;
import org.weiquan.api.petition.PetitionCommands.AcceptPetitionCommand;
import org.weiquan.api.petition.PetitionCommands.AddMaterialCommand;
import org.weiquan.api.petition.PetitionCommands.AnswerReexaminationCommand;
import org.weiquan.api.petition.PetitionCommands.AnswerReviewCommand;
import org.weiquan.api.petition.PetitionCommands.AssignPetitionCommand;
import org.weiquan.api.petition.PetitionCommands.ClosePetitionCommand;
import org.weiquan.api.petition.PetitionCommands.DeclinePetitionCommand;
import org.weiquan.api.petition.PetitionCommands.ExtendReplyPeriodCommand;
import org.weiquan.api.petition.PetitionCommands.FlagPetitionDuplicateElsewhereCommand;
import org.weiquan.api.petition.PetitionCommands.LinkPetitionCommand;
import org.weiquan.api.petition.PetitionCommands.MarkMaterialAsWhistleblowerCommand;
import org.weiquan.api.petition.PetitionCommands.ObjectToCompetenceCommand;
import org.weiquan.api.petition.PetitionCommands.ReceivePetitionCommand;
import org.weiquan.api.petition.PetitionCommands.RecordRatingCommand;
import org.weiquan.api.petition.PetitionCommands.RegisterPetitionCommand;
import org.weiquan.api.petition.PetitionCommands.ReplyToPetitionCommand;
import org.weiquan.api.petition.PetitionCommands.RequestReexaminationCommand;
import org.weiquan.api.petition.PetitionCommands.RequestReviewCommand;
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
import org.weiquan.api.petition.PetitionId;
import org.weiquan.api.petition.PetitionRouting;
import org.weiquan.api.petition.PetitionStatus;
import org.weiquan.command.common.CaseAggregate;
import org.weiquan.command.common.CaseRules;
import org.weiquan.command.common.OrganisationAreas;
import org.weiquan.command.deadline.LegalPeriod;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.weiquan.api.petition.PetitionStatus.ACCEPTED;
import static org.weiquan.api.petition.PetitionStatus.ASSIGNED;
import static org.weiquan.api.petition.PetitionStatus.CLOSED;
import static org.weiquan.api.petition.PetitionStatus.NOT_ACCEPTED;
import static org.weiquan.api.petition.PetitionStatus.RECEIVED;
import static org.weiquan.api.petition.PetitionStatus.REEXAMINATION_ANSWERED;
import static org.weiquan.api.petition.PetitionStatus.REEXAMINATION_REQUESTED;
import static org.weiquan.api.petition.PetitionStatus.REGISTERED;
import static org.weiquan.api.petition.PetitionStatus.REPLIED;
import static org.weiquan.api.petition.PetitionStatus.REVIEW_ANSWERED;
import static org.weiquan.api.petition.PetitionStatus.REVIEW_REQUESTED;

/**
 * A petition (信访) under 《信访工作条例》: received, registered, assigned to its handling unit, accepted
 * or not, replied to; then reviewed (复查) and re-examined (复核) at the petitioner's request, after
 * which the claim is final and the same claim is not accepted again. Command handlers decide and
 * return the aggregate's new version (the client's next ETag); event sourcing handlers only assign
 * state.
 */
@Aggregate
public class Petition extends CaseAggregate<PetitionStatus> {
    private static final CaseRules RULES = new CaseRules("petition");
    static final String ASSIGNMENT_PERIOD = "petition-assignment-period";
    static final String ACCEPTANCE_NOTICE_PERIOD = "petition-acceptance-notice-period";
    static final String REPLY_PERIOD = "petition-reply-period";
    static final String REVIEW_REQUEST_WINDOW = "petition-review-request-window";
    static final String REVIEW_ANSWER_PERIOD = "petition-review-answer-period";
    static final String REEXAMINATION_REQUEST_WINDOW = "petition-reexamination-request-window";
    static final String REEXAMINATION_ANSWER_PERIOD = "petition-reexamination-answer-period";
    /** The deadlines that run against the union, not the petitioner: closing ends them. */
    private static final List<String> OFFICE_DEADLINES = List.of(ASSIGNMENT_PERIOD, ACCEPTANCE_NOTICE_PERIOD,
            REPLY_PERIOD, REVIEW_ANSWER_PERIOD, REEXAMINATION_ANSWER_PERIOD);
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    @AggregateIdentifier
    private PetitionId petitionId;
    private LocalDate receivedOn;
    private LocalDate registeredOn;
    private LocalDate assignmentDueOn;
    private LocalDate assignmentOverdueFor;
    private LocalDate assignedOn;
    private PetitionRouting routing;
    private String handlingUnit;
    private LocalDate acceptanceNoticeDueOn;
    private boolean acceptanceNoticeOverdue;
    private LocalDate competenceObjectionDueOn;
    private LocalDate acceptedOn;
    private LocalDate replyDueOn;
    private LocalDate replyOverdueFor;
    private boolean replyPeriodExtended;
    private AnswerStage lastAnswer;
    private LocalDate lastAnsweredOn;
    private LocalDate reviewRequestDueOn;
    private LocalDate reviewRequestedOn;
    private LocalDate reviewAnswerDueOn;
    private boolean reviewAnswerOverdue;
    private LocalDate reexaminationRequestDueOn;
    private LocalDate reexaminationRequestedOn;
    private LocalDate reexaminationAnswerDueOn;
    private boolean reexaminationAnswerOverdue;
    private boolean claimFinal;
    private final Set<AnswerStage> ratedStages = EnumSet.noneOf(AnswerStage.class);
    private int materials;
    private final Set<Integer> whistleblowerMaterials = new HashSet<>();

    protected Petition() {
        // for Axon
    }

    @CommandHandler
    public Petition(ReceivePetitionCommand command, PetitionPolicy policy, DeadlineManager deadlines,
                    OrganisationAreas areas, EarlierPetitions earlierPetitions) {
        areas.requireFiling(RULES, command.caseNumber(), command.organisation(), command.district());
        RULES.requirePresent(command.channel(), "channel");
        RULES.requirePresent(command.receivedOn(), "receivedOn");
        RULES.requirePresent(command.officerInCharge(), "officerInCharge");
        RULES.requireText(command.claim(), "claim");
        if (command.petitioners().isEmpty()) {
            throw new InvalidCaseDataException("petition.no-petitioner", "petitioners",
                    "a petition names at least one petitioner");
        }
        Set<String> idNumbers = new HashSet<>();
        for (Worker petitioner : command.petitioners()) {
            if (!idNumbers.add(petitioner.idNumber())) {
                throw new InvalidCaseDataException("petition.duplicate-petitioner", "petitioners",
                        "the same petitioner (ID number) is named twice");
            }
        }
        boolean visit = command.channel() == PetitionChannel.VISIT;
        if (visit) {
            RULES.requirePresent(command.visitorCount(), "visitorCount");
            if (command.visitorCount() < 1) {
                throw new InvalidCaseDataException("petition.visitor-count-invalid", "visitorCount",
                        "a visit has at least one visitor");
            }
        } else if (command.visitorCount() != null) {
            throw new InvalidCaseDataException("petition.visitors-only-for-a-visit", "visitorCount",
                    "visitors are counted for a visit only, not for " + command.channel());
        }
        for (int i = 0; i < command.materials().size(); i++) {
            requireValid(command.materials().get(i), "materials[" + i + "]");
        }
        EarlierPetition earlier = null;
        if (command.earlierPetitionId() != null) {
            if (command.earlierPetitionId().equals(command.petitionId())) {
                throw new InvalidCaseDataException("petition.self-reference", "earlierPetitionId",
                        "a petition cannot be its own earlier petition");
            }
            earlier = earlierPetitions.find(command.earlierPetitionId()).orElseThrow(() ->
                    new InvalidCaseDataException("petition.unknown-earlier-petition", "earlierPetitionId",
                            "there is no petition " + command.earlierPetitionId()));
            boolean samePetitioner = earlier.petitionerIdNumbers().stream().anyMatch(idNumbers::contains);
            if (earlier.claimFinal() && samePetitioner) {
                throw new IllegalTransitionException("petition.claim-final", "the same claim of this petitioner was "
                        + "concluded in " + earlier.caseNumber() + ": it is not accepted again (《信访工作条例》§36)");
            }
        }
        // 集体访 is a visit of five or more (5人以上 includes five)
        boolean collective = visit && command.visitorCount() >= policy.collectiveVisitMinimum();
        LocalDate assignmentDue = policy.calculator().lastDay(command.receivedOn(), policy.assignment());

        apply(new PetitionReceivedEvent(command.petitionId(), command.caseNumber(), command.organisation(),
                command.district(), command.channel(), command.receivedOn(), command.petitioners(),
                command.visitorCount(), collective, command.employer(), command.accusedOrganisation(),
                command.whistleblower(), command.claim(), command.officerInCharge(), assignmentDue,
                earlier == null ? null : earlier.petitionId(), earlier == null ? null : earlier.caseNumber()));
        if (collective) {
            apply(new CollectiveVisitAlertRaisedEvent(command.petitionId(), command.caseNumber(),
                    command.visitorCount(), command.district()));
        }
        for (int i = 0; i < command.materials().size(); i++) {
            apply(materialAdded(command.petitionId(), i + 1, command.materials().get(i)));
        }
        deadlines.schedule(policy.calculator().endOf(assignmentDue).toInstant(), ASSIGNMENT_PERIOD);
    }

    @CommandHandler
    public long handle(RegisterPetitionCommand command) {
        requireAllowed(PetitionAction.REGISTER);
        RULES.requirePresent(command.registeredOn(), "registeredOn");
        RULES.requirePresent(command.subject(), "subject");
        RULES.requireNotBefore(command.registeredOn(), receivedOn, "registeredOn", "the day it was received");
        apply(new PetitionRegisteredEvent(petitionId, command.registeredOn(), command.subject()));
        return version();
    }

    @CommandHandler
    public long handle(AssignPetitionCommand command, PetitionPolicy policy, DeadlineManager deadlines) {
        requireAllowed(PetitionAction.ASSIGN);
        RULES.requirePresent(command.assignedOn(), "assignedOn");
        RULES.requirePresent(command.routing(), "routing");
        RULES.requireText(command.handlingUnit(), "handlingUnit");
        RULES.requireNotBefore(command.assignedOn(), registeredOn, "assignedOn", "the registration date");
        boolean withinPeriod = !command.assignedOn().isAfter(assignmentDueOn);
        LocalDate noticeDue = policy.calculator().lastDay(command.assignedOn(), policy.acceptanceNotice());
        LocalDate objectionDue = policy.calculator().lastDay(command.assignedOn(), policy.competenceObjection());
        apply(new PetitionAssignedEvent(petitionId, command.assignedOn(), command.routing(), command.handlingUnit(),
                command.handlingOfficer(), command.note(), withinPeriod, noticeDue, objectionDue));
        deadlines.cancelAllWithinScope(ASSIGNMENT_PERIOD);
        deadlines.schedule(policy.calculator().endOf(noticeDue).toInstant(), ACCEPTANCE_NOTICE_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(ObjectToCompetenceCommand command, PetitionPolicy policy, DeadlineManager deadlines) {
        requireAllowed(PetitionAction.OBJECT_TO_COMPETENCE);
        RULES.requirePresent(command.objectedOn(), "objectedOn");
        RULES.requireText(command.reason(), "reason");
        RULES.requireNotBefore(command.objectedOn(), assignedOn, "objectedOn", "the assignment date");
        if (routing == PetitionRouting.HANDLED_DIRECTLY) {
            throw new IllegalTransitionException("petition.handled-directly", caseNumber
                    + " is handled by the receiving organisation itself: there is no handling unit to object");
        }
        if (command.objectedOn().isAfter(competenceObjectionDueOn)) {
            throw new IllegalTransitionException("petition.objection-period-over", "an objection to competence on "
                    + caseNumber + " was due by " + competenceObjectionDueOn + " (5 working days)");
        }
        LocalDate assignmentDue = policy.calculator().lastDay(command.objectedOn(), policy.assignment());
        apply(new CompetenceObjectedEvent(petitionId, command.objectedOn(), handlingUnit, command.reason(),
                assignmentDue));
        cancel(deadlines, ACCEPTANCE_NOTICE_PERIOD, ASSIGNMENT_PERIOD);
        deadlines.schedule(policy.calculator().endOf(assignmentDue).toInstant(), ASSIGNMENT_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(AcceptPetitionCommand command, PetitionPolicy policy, DeadlineManager deadlines) {
        requireAllowed(PetitionAction.ACCEPT);
        RULES.requirePresent(command.acceptedOn(), "acceptedOn");
        RULES.requireNotBefore(command.acceptedOn(), assignedOn, "acceptedOn", "the assignment date");
        boolean noticeWithinPeriod = !command.acceptedOn().isAfter(acceptanceNoticeDueOn);
        LocalDate replyDue = policy.calculator().lastDay(command.acceptedOn(), policy.reply());
        apply(new PetitionAcceptedEvent(petitionId, command.acceptedOn(), noticeWithinPeriod, replyDue));
        deadlines.cancelAllWithinScope(ACCEPTANCE_NOTICE_PERIOD);
        deadlines.schedule(policy.calculator().endOf(replyDue).toInstant(), REPLY_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(DeclinePetitionCommand command, DeadlineManager deadlines) {
        requireAllowed(PetitionAction.DECLINE);
        RULES.requirePresent(command.decidedOn(), "decidedOn");
        RULES.requireText(command.reason(), "reason");
        RULES.requireNotBefore(command.decidedOn(), assignedOn, "decidedOn", "the assignment date");
        boolean noticeWithinPeriod = !command.decidedOn().isAfter(acceptanceNoticeDueOn);
        apply(new PetitionNotAcceptedEvent(petitionId, command.decidedOn(), command.reason(), noticeWithinPeriod));
        deadlines.cancelAllWithinScope(ACCEPTANCE_NOTICE_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(ExtendReplyPeriodCommand command, PetitionPolicy policy, DeadlineManager deadlines) {
        requireAllowed(PetitionAction.EXTEND_REPLY_PERIOD);
        if (replyPeriodExtended) {
            throw new IllegalTransitionException("petition.reply-already-extended",
                    "the reply period of " + caseNumber + " was already extended once (§34 allows one extension)");
        }
        if (command.days() < 1 || command.days() > policy.maxReplyExtensionDays()) {
            throw new InvalidCaseDataException("petition.extension-out-of-range", "days",
                    "an extension is 1 to " + policy.maxReplyExtensionDays() + " days");
        }
        RULES.requireText(command.reason(), "reason");
        LocalDate replyDue = policy.calculator().lastDay(acceptedOn,
                new LegalPeriod(policy.reply().amount() + command.days(), policy.reply().unit()));
        apply(new ReplyPeriodExtendedEvent(petitionId, command.days(), command.reason(), replyDue));
        deadlines.cancelAllWithinScope(REPLY_PERIOD);
        deadlines.schedule(policy.calculator().endOf(replyDue).toInstant(), REPLY_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(ReplyToPetitionCommand command, PetitionPolicy policy, DeadlineManager deadlines) {
        requireAllowed(PetitionAction.REPLY);
        RULES.requirePresent(command.repliedOn(), "repliedOn");
        RULES.requireText(command.reply(), "reply");
        RULES.requireNotBefore(command.repliedOn(), acceptedOn, "repliedOn", "the acceptance date");
        boolean withinPeriod = !command.repliedOn().isAfter(replyDueOn);
        LocalDate reviewDue = policy.calculator().lastDay(command.repliedOn(), policy.reviewRequest());
        apply(new PetitionRepliedEvent(petitionId, command.repliedOn(), command.reply(), withinPeriod, reviewDue));
        deadlines.cancelAllWithinScope(REPLY_PERIOD);
        deadlines.schedule(policy.calculator().endOf(reviewDue).toInstant(), REVIEW_REQUEST_WINDOW);
        return version();
    }

    @CommandHandler
    public long handle(RecordRatingCommand command) {
        if (lastAnswer == null) {
            throw new IllegalTransitionException("petition.nothing-to-rate",
                    caseNumber + " has no answer to rate yet: it is " + status);
        }
        if (ratedStages.contains(lastAnswer)) {
            throw new IllegalTransitionException("petition.already-rated",
                    "the petitioner's rating of the " + lastAnswer + " of " + caseNumber + " is already recorded");
        }
        RULES.requirePresent(command.rating(), "rating");
        RULES.requirePresent(command.ratedOn(), "ratedOn");
        RULES.requireNotBefore(command.ratedOn(), lastAnsweredOn, "ratedOn", "the answer");
        apply(new PetitionerRatingRecordedEvent(petitionId, lastAnswer, command.rating(), command.ratedOn(),
                command.comment()));
        return version();
    }

    @CommandHandler
    public long handle(ClosePetitionCommand command, DeadlineManager deadlines) {
        RULES.requirePresent(command.reason(), "reason");
        if (!PetitionAction.CLOSE.allowedIn(status)) {
            throw new IllegalTransitionException("petition.already-closed", caseNumber + " is already closed");
        }
        if (!closableFor(command.reason())) {
            throw new IllegalTransitionException("petition.cannot-close", caseNumber + " is " + status
                    + " and cannot be closed as " + command.reason());
        }
        apply(new PetitionClosedEvent(petitionId, command.reason(), command.note()));
        // The petitioner's windows for review and re-examination run on: closing does not end them.
        OFFICE_DEADLINES.forEach(deadlines::cancelAllWithinScope);
        return version();
    }

    @CommandHandler
    public long handle(RequestReviewCommand command, PetitionPolicy policy, DeadlineManager deadlines) {
        requireRequestable(PetitionAction.REQUEST_REVIEW, AnswerStage.REPLY);
        RULES.requirePresent(command.requestedOn(), "requestedOn");
        RULES.requireText(command.reviewingBody(), "reviewingBody");
        RULES.requireText(command.grounds(), "grounds");
        RULES.requireNotBefore(command.requestedOn(), lastAnsweredOn, "requestedOn", "the reply");
        if (command.requestedOn().isAfter(reviewRequestDueOn)) {
            throw new IllegalTransitionException("petition.review-period-over", "a review of " + caseNumber
                    + " had to be requested by " + reviewRequestDueOn + " (§35)");
        }
        LocalDate answerDue = policy.calculator().lastDay(command.requestedOn(), policy.reviewAnswer());
        apply(new ReviewRequestedEvent(petitionId, command.requestedOn(), command.reviewingBody(), command.grounds(),
                answerDue));
        deadlines.cancelAllWithinScope(REVIEW_REQUEST_WINDOW);
        deadlines.schedule(policy.calculator().endOf(answerDue).toInstant(), REVIEW_ANSWER_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(AnswerReviewCommand command, PetitionPolicy policy, DeadlineManager deadlines) {
        requireAllowed(PetitionAction.ANSWER_REVIEW);
        RULES.requirePresent(command.answeredOn(), "answeredOn");
        RULES.requirePresent(command.decision(), "decision");
        RULES.requireText(command.opinion(), "opinion");
        RULES.requireNotBefore(command.answeredOn(), reviewRequestedOn, "answeredOn", "the review request");
        boolean withinPeriod = !command.answeredOn().isAfter(reviewAnswerDueOn);
        LocalDate reexaminationDue = policy.calculator().lastDay(command.answeredOn(), policy.reexaminationRequest());
        apply(new ReviewAnsweredEvent(petitionId, command.answeredOn(), command.decision(), command.opinion(),
                withinPeriod, reexaminationDue));
        deadlines.cancelAllWithinScope(REVIEW_ANSWER_PERIOD);
        deadlines.schedule(policy.calculator().endOf(reexaminationDue).toInstant(), REEXAMINATION_REQUEST_WINDOW);
        return version();
    }

    @CommandHandler
    public long handle(RequestReexaminationCommand command, PetitionPolicy policy, DeadlineManager deadlines) {
        requireRequestable(PetitionAction.REQUEST_REEXAMINATION, AnswerStage.REVIEW);
        RULES.requirePresent(command.requestedOn(), "requestedOn");
        RULES.requireText(command.reexaminingBody(), "reexaminingBody");
        RULES.requireText(command.grounds(), "grounds");
        RULES.requireNotBefore(command.requestedOn(), lastAnsweredOn, "requestedOn", "the review opinion");
        if (command.requestedOn().isAfter(reexaminationRequestDueOn)) {
            throw new IllegalTransitionException("petition.reexamination-period-over", "a re-examination of "
                    + caseNumber + " had to be requested by " + reexaminationRequestDueOn + " (§36)");
        }
        LocalDate answerDue = policy.calculator().lastDay(command.requestedOn(), policy.reexaminationAnswer());
        apply(new ReexaminationRequestedEvent(petitionId, command.requestedOn(), command.reexaminingBody(),
                command.grounds(), answerDue));
        deadlines.cancelAllWithinScope(REEXAMINATION_REQUEST_WINDOW);
        deadlines.schedule(policy.calculator().endOf(answerDue).toInstant(), REEXAMINATION_ANSWER_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(AnswerReexaminationCommand command, DeadlineManager deadlines) {
        requireAllowed(PetitionAction.ANSWER_REEXAMINATION);
        RULES.requirePresent(command.answeredOn(), "answeredOn");
        RULES.requirePresent(command.decision(), "decision");
        RULES.requireText(command.opinion(), "opinion");
        RULES.requireNotBefore(command.answeredOn(), reexaminationRequestedOn, "answeredOn", "the re-examination request");
        boolean withinPeriod = !command.answeredOn().isAfter(reexaminationAnswerDueOn);
        apply(new ReexaminationAnsweredEvent(petitionId, command.answeredOn(), command.decision(), command.opinion(),
                withinPeriod));
        apply(new ClaimBecameFinalEvent(petitionId, FinalityBasis.REEXAMINED, command.answeredOn()));
        deadlines.cancelAllWithinScope(REEXAMINATION_ANSWER_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(AddMaterialCommand command) {
        RULES.requirePresent(command.material(), "material");
        requireValid(command.material(), "material");
        apply(materialAdded(petitionId, materials + 1, command.material()));
        return version();
    }

    @CommandHandler
    public long handle(MarkMaterialAsWhistleblowerCommand command) {
        if (command.materialNumber() < 1 || command.materialNumber() > materials) {
            throw new InvalidCaseDataException("petition.unknown-material", "materialNumber",
                    caseNumber + " has no material " + command.materialNumber());
        }
        if (whistleblowerMaterials.contains(command.materialNumber())) {
            throw new IllegalTransitionException("petition.material-already-marked",
                    "material " + command.materialNumber() + " of " + caseNumber + " is already whistleblower material");
        }
        apply(new MaterialMarkedAsWhistleblowerEvent(petitionId, command.materialNumber()));
        return version();
    }

    @CommandHandler
    public long handle(LinkPetitionCommand command) {
        return link(command);
    }

    @CommandHandler
    public long handle(FlagPetitionDuplicateElsewhereCommand command) {
        return flagDuplicateElsewhere(command);
    }

    private boolean closableFor(PetitionClosureReason reason) {
        return switch (reason) {
            case RESOLVED -> EnumSet.of(REPLIED, REVIEW_ANSWERED, REEXAMINATION_ANSWERED).contains(status);
            case NOT_ACCEPTED -> status == NOT_ACCEPTED;
            case WITHDRAWN -> EnumSet.of(RECEIVED, REGISTERED, ASSIGNED, ACCEPTED).contains(status);
        };
    }

    // --- deadlines: each re-checks the state, so a deadline that outlived its reason does nothing ---

    @DeadlineHandler(deadlineName = ASSIGNMENT_PERIOD)
    public void onAssignmentPeriodEnded() {
        if ((status == RECEIVED || status == REGISTERED) && !assignmentDueOn.equals(assignmentOverdueFor)) {
            apply(new AssignmentOverdueEvent(petitionId, assignmentDueOn));
        }
    }

    @DeadlineHandler(deadlineName = ACCEPTANCE_NOTICE_PERIOD)
    public void onAcceptanceNoticePeriodEnded() {
        if (status == ASSIGNED && !acceptanceNoticeOverdue) {
            apply(new AcceptanceNoticeOverdueEvent(petitionId, acceptanceNoticeDueOn));
        }
    }

    @DeadlineHandler(deadlineName = REPLY_PERIOD)
    public void onReplyPeriodEnded() {
        if (status == ACCEPTED && !replyDueOn.equals(replyOverdueFor)) {
            apply(new ReplyOverdueEvent(petitionId, replyDueOn));
        }
    }

    @DeadlineHandler(deadlineName = REVIEW_REQUEST_WINDOW)
    public void onReviewRequestWindowEnded() {
        if (!claimFinal && lastAnswer == AnswerStage.REPLY && (status == REPLIED || status == CLOSED)) {
            apply(new ClaimBecameFinalEvent(petitionId, FinalityBasis.REVIEW_NOT_REQUESTED,
                    reviewRequestDueOn.plusDays(1)));
        }
    }

    @DeadlineHandler(deadlineName = REVIEW_ANSWER_PERIOD)
    public void onReviewAnswerPeriodEnded() {
        if (status == REVIEW_REQUESTED && !reviewAnswerOverdue) {
            apply(new ReviewAnswerOverdueEvent(petitionId, reviewAnswerDueOn));
        }
    }

    @DeadlineHandler(deadlineName = REEXAMINATION_REQUEST_WINDOW)
    public void onReexaminationRequestWindowEnded() {
        if (!claimFinal && lastAnswer == AnswerStage.REVIEW && (status == REVIEW_ANSWERED || status == CLOSED)) {
            apply(new ClaimBecameFinalEvent(petitionId, FinalityBasis.REEXAMINATION_NOT_REQUESTED,
                    reexaminationRequestDueOn.plusDays(1)));
        }
    }

    @DeadlineHandler(deadlineName = REEXAMINATION_ANSWER_PERIOD)
    public void onReexaminationAnswerPeriodEnded() {
        if (status == REEXAMINATION_REQUESTED && !reexaminationAnswerOverdue) {
            apply(new ReexaminationAnswerOverdueEvent(petitionId, reexaminationAnswerDueOn));
        }
    }

    // --- state ---

    @EventSourcingHandler
    void on(PetitionReceivedEvent event) {
        petitionId = event.petitionId();
        caseNumber = event.caseNumber();
        status = RECEIVED;
        receivedOn = event.receivedOn();
        assignmentDueOn = event.assignmentDueOn();
    }

    @EventSourcingHandler
    void on(MaterialAddedEvent event) {
        materials = event.materialNumber();
        if (event.whistleblower()) whistleblowerMaterials.add(event.materialNumber());
    }

    @EventSourcingHandler
    void on(MaterialMarkedAsWhistleblowerEvent event) {
        whistleblowerMaterials.add(event.materialNumber());
    }

    @EventSourcingHandler
    void on(PetitionRegisteredEvent event) {
        registeredOn = event.registeredOn();
        status = REGISTERED;
    }

    @EventSourcingHandler
    void on(AssignmentOverdueEvent event) {
        assignmentOverdueFor = event.dueOn();
    }

    @EventSourcingHandler
    void on(PetitionAssignedEvent event) {
        assignedOn = event.assignedOn();
        routing = event.routing();
        handlingUnit = event.handlingUnit();
        acceptanceNoticeDueOn = event.acceptanceNoticeDueOn();
        acceptanceNoticeOverdue = false;
        competenceObjectionDueOn = event.competenceObjectionDueOn();
        status = ASSIGNED;
    }

    @EventSourcingHandler
    void on(CompetenceObjectedEvent event) {
        assignmentDueOn = event.assignmentDueOn();
        status = REGISTERED;
    }

    @EventSourcingHandler
    void on(AcceptanceNoticeOverdueEvent event) {
        acceptanceNoticeOverdue = true;
    }

    @EventSourcingHandler
    void on(PetitionAcceptedEvent event) {
        acceptedOn = event.acceptedOn();
        replyDueOn = event.replyDueOn();
        status = ACCEPTED;
    }

    @EventSourcingHandler
    void on(PetitionNotAcceptedEvent event) {
        status = NOT_ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReplyPeriodExtendedEvent event) {
        replyPeriodExtended = true;
        replyDueOn = event.replyDueOn();
    }

    @EventSourcingHandler
    void on(ReplyOverdueEvent event) {
        replyOverdueFor = event.dueOn();
    }

    @EventSourcingHandler
    void on(PetitionRepliedEvent event) {
        lastAnswer = AnswerStage.REPLY;
        lastAnsweredOn = event.repliedOn();
        reviewRequestDueOn = event.reviewRequestDueOn();
        status = REPLIED;
    }

    @EventSourcingHandler
    void on(PetitionerRatingRecordedEvent event) {
        ratedStages.add(event.stage());
    }

    @EventSourcingHandler
    void on(PetitionClosedEvent event) {
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(ReviewRequestedEvent event) {
        reviewRequestedOn = event.requestedOn();
        reviewAnswerDueOn = event.answerDueOn();
        status = REVIEW_REQUESTED;
    }

    @EventSourcingHandler
    void on(ReviewAnswerOverdueEvent event) {
        reviewAnswerOverdue = true;
    }

    @EventSourcingHandler
    void on(ReviewAnsweredEvent event) {
        lastAnswer = AnswerStage.REVIEW;
        lastAnsweredOn = event.answeredOn();
        reexaminationRequestDueOn = event.reexaminationRequestDueOn();
        status = REVIEW_ANSWERED;
    }

    @EventSourcingHandler
    void on(ReexaminationRequestedEvent event) {
        reexaminationRequestedOn = event.requestedOn();
        reexaminationAnswerDueOn = event.answerDueOn();
        status = REEXAMINATION_REQUESTED;
    }

    @EventSourcingHandler
    void on(ReexaminationAnswerOverdueEvent event) {
        reexaminationAnswerOverdue = true;
    }

    @EventSourcingHandler
    void on(ReexaminationAnsweredEvent event) {
        lastAnswer = AnswerStage.REEXAMINATION;
        lastAnsweredOn = event.answeredOn();
        status = REEXAMINATION_ANSWERED;
    }

    @EventSourcingHandler
    void on(ClaimBecameFinalEvent event) {
        claimFinal = true;
    }



    // --- rule helpers ---


    private static MaterialAddedEvent materialAdded(PetitionId id, int number, Material material) {
        return new MaterialAddedEvent(id, number, material.fileName(), material.mediaType(), material.sizeBytes(),
                material.sha256(), material.whistleblower());
    }

    /**
     * The petitioner may challenge the latest answer when it is the {@code stage} answer, the case is
     * at that answer (or closed after it) and the claim is not yet final.
     */
    private void requireRequestable(PetitionAction action, AnswerStage stage) {
        if (lastAnswer != stage || !action.allowedIn(status)) {
            throw new IllegalTransitionException("petition.illegal-transition",
                    "cannot " + action.description() + ": " + caseNumber + " is " + status);
        }
        if (claimFinal) {
            throw new IllegalTransitionException("petition.claim-final",
                    "cannot " + action.description() + ": the claim of " + caseNumber + " is final");
        }
    }

    @Override
    protected CaseRules rules() {
        return RULES;
    }

    @Override
    protected CaseKind kind() {
        return CaseKind.PETITION;
    }

    @Override
    protected String caseId() {
        return petitionId.toString();
    }

    private static void requireValid(Material material, String field) {
        if (material == null) {
            throw new InvalidCaseDataException("petition.missing-field", field, field + " is required");
        }
        RULES.requireText(material.fileName(), field + ".fileName");
        RULES.requireText(material.mediaType(), field + ".mediaType");
        if (material.sizeBytes() < 0) {
            throw new InvalidCaseDataException("petition.invalid-material", field + ".sizeBytes",
                    field + ".sizeBytes must not be negative");
        }
        if (material.sha256() == null || !SHA_256.matcher(material.sha256()).matches()) {
            throw new InvalidCaseDataException("petition.invalid-material", field + ".sha256",
                    field + ".sha256 must be 64 lower-case hexadecimal digits");
        }
    }

}

package org.weiquan.command.hazard;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.weiquan.api.hazard.HazardAction;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.District;
import org.weiquan.api.common.IllegalTransitionException;
import org.weiquan.api.common.InvalidCaseDataException;
import org.weiquan.api.hazard.EvidenceAttachment;
import org.weiquan.api.hazard.HazardClosureReason;
import org.weiquan.api.hazard.HazardCommands.CloseHazardCommand;
import org.weiquan.api.hazard.HazardCommands.EscalateToMajorHazardCommand;
import org.weiquan.api.hazard.HazardCommands.FlagHazardDuplicateElsewhereCommand;
import org.weiquan.api.hazard.HazardCommands.IssueRectificationNoticeCommand;
import org.weiquan.api.hazard.HazardCommands.LinkHazardCommand;
import org.weiquan.api.hazard.HazardCommands.PlaceUnderListedSupervisionCommand;
import org.weiquan.api.hazard.HazardCommands.RecommendEvacuationCommand;
import org.weiquan.api.hazard.HazardCommands.RecordEmployerAnswerCommand;
import org.weiquan.api.hazard.HazardCommands.RecordRectificationProgressCommand;
import org.weiquan.api.hazard.HazardCommands.ReportHazardCommand;
import org.weiquan.api.hazard.HazardCommands.ReportMajorHazardCommand;
import org.weiquan.api.hazard.HazardCommands.SubmitRectificationCommand;
import org.weiquan.api.hazard.HazardCommands.VerifyRectificationCommand;
import org.weiquan.api.hazard.HazardId;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.hazard.HazardStatus;
import org.weiquan.api.hazard.ReportRecipient;
import org.weiquan.api.hazard.SafetyHazardEvent.EmployerAnswerOverdueEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.EmployerAnswerRecordedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.EvacuationRecommendedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardClosedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardEscalatedToMajorEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardListedForSupervisionEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardReportedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.MajorHazardReportedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationNoticeIssuedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationNoticeReissuedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationOverdueEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationProgressRecordedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationSubmittedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationVerifiedEvent;
import org.weiquan.api.hazard.VerificationOutcome;
import org.weiquan.command.common.CaseAggregate;
import org.weiquan.command.common.CaseRules;
import org.weiquan.command.common.OrganisationAreas;
import org.weiquan.command.deadline.DeadlineCalculator;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.weiquan.api.hazard.HazardStatus.CLOSED;
import static org.weiquan.api.hazard.HazardStatus.RECTIFICATION_SUBMITTED;
import static org.weiquan.api.hazard.HazardStatus.RECTIFYING;
import static org.weiquan.api.hazard.HazardStatus.REPORTED;
import static org.weiquan.api.hazard.HazardStatus.VERIFIED;

/**
 * A safety hazard (安全隐患) a union inspector found at an employer: a rectification notice with the
 * deadline it sets, the employer's answer and progress, the rectification submitted with evidence,
 * the union's verification (passed: closed; failed: the notice is reissued with a new deadline).
 * A deadline passing without a passed verification is escalated as overdue, by the system.
 *
 * <p>A major hazard (重大事故隐患) is also reported to the work-safety authority and the workers'
 * congress (《安全生产法》§41) and may be put under listed supervision (挂牌督办). Its rule for closing:
 * a major hazard is closed as rectified (销号) only by an explicit closure, after a passed
 * verification and once both reports are recorded; a passed verification alone leaves it
 * {@link HazardStatus#VERIFIED}. A general hazard closes with its passed verification.
 *
 * <p>Command handlers decide and return the aggregate's new version (the client's next ETag);
 * event sourcing handlers only assign state.
 */
@Aggregate
public class SafetyHazard extends CaseAggregate<HazardStatus> {
    private static final CaseRules RULES = new CaseRules("hazard");
    static final String RECTIFICATION_DEADLINE = "rectification-deadline";
    static final String EMPLOYER_ANSWER_PERIOD = "employer-answer-period";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** type/subtype, as RFC 6838 allows the names. */
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");
    private static final int MAX_FILE_NAME = 255;

    @AggregateIdentifier
    private HazardId hazardId;
    private HazardSeverity severity;
    private District district;
    private LocalDate foundOn;
    private int noticeNumber;
    private LocalDate noticeIssuedOn;
    private LocalDate dueOn;
    private LocalDate answerDueOn;
    /** The current notice has its answer: recorded, or given by a submitted rectification. */
    private boolean answered;
    private boolean answerOverdue;
    private boolean rectificationOverdue;
    private int progressEntries;
    private LocalDate submittedOn;
    private LocalDate verifiedOn;
    private final Set<ReportRecipient> reportedTo = EnumSet.noneOf(ReportRecipient.class);
    private boolean listed;
    private int evacuationRecommendations;

    protected SafetyHazard() {
        // for Axon
    }

    @CommandHandler
    public SafetyHazard(ReportHazardCommand command, OrganisationAreas areas) {
        areas.requireFiling(RULES, command.caseNumber(), command.organisation(), command.district());
        RULES.requirePresent(command.severity(), "severity");
        RULES.requirePresent(command.employer(), "employer");
        RULES.requireText(command.employer().name(), "employer.name");
        RULES.requireText(command.employer().creditCode(), "employer.creditCode");
        RULES.requireText(command.location(), "location");
        RULES.requireText(command.description(), "description");
        RULES.requirePresent(command.foundOn(), "foundOn");
        RULES.requirePresent(command.inspector(), "inspector");
        apply(new HazardReportedEvent(command.hazardId(), command.caseNumber(), command.organisation(),
                command.district(), command.severity(), command.employer(), command.location(), command.description(),
                command.foundOn(), command.inspector()));
    }

    @CommandHandler
    public long handle(IssueRectificationNoticeCommand command, HazardPolicy policy, DeadlineManager deadlines) {
        requireAllowed(HazardAction.ISSUE_RECTIFICATION_NOTICE);
        RULES.requirePresent(command.issuedOn(), "issuedOn");
        RULES.requirePresent(command.deadline(), "deadline");
        RULES.requireText(command.requirements(), "requirements");
        RULES.requireNotBefore(command.issuedOn(), foundOn, "issuedOn", "the day the hazard was found");
        requireDeadlineAfter(command.deadline(), command.issuedOn(), "deadline");
        LocalDate due = policy.rectificationDueOn(command.deadline());
        LocalDate answerDue = policy.employerAnswerDueOn(command.issuedOn());
        apply(new RectificationNoticeIssuedEvent(hazardId, 1, command.issuedOn(), command.deadline(), due, answerDue,
                command.requirements()));
        scheduleNoticeDeadlines(deadlines, 1, due, answerDue);
        return version();
    }

    @CommandHandler
    public long handle(RecordEmployerAnswerCommand command, DeadlineManager deadlines) {
        requireAllowed(HazardAction.RECORD_EMPLOYER_ANSWER);
        if (answered) {
            throw new IllegalTransitionException("hazard.already-answered", "notice " + noticeNumber + " of "
                    + caseNumber + " is already answered (a submitted rectification answers it too)");
        }
        RULES.requirePresent(command.answeredOn(), "answeredOn");
        RULES.requireText(command.summary(), "summary");
        RULES.requireNotBefore(command.answeredOn(), noticeIssuedOn, "answeredOn", "the notice date");
        boolean withinPeriod = !command.answeredOn().isAfter(answerDueOn);
        apply(new EmployerAnswerRecordedEvent(hazardId, noticeNumber, command.answeredOn(), command.summary(),
                withinPeriod));
        deadlines.cancelAllWithinScope(EMPLOYER_ANSWER_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(RecordRectificationProgressCommand command) {
        requireAllowed(HazardAction.RECORD_RECTIFICATION_PROGRESS);
        RULES.requirePresent(command.recordedOn(), "recordedOn");
        RULES.requireText(command.description(), "description");
        RULES.requireNotBefore(command.recordedOn(), noticeIssuedOn, "recordedOn", "the notice date");
        apply(new RectificationProgressRecordedEvent(hazardId, noticeNumber, progressEntries + 1, command.recordedOn(),
                command.description()));
        return version();
    }

    @CommandHandler
    public long handle(SubmitRectificationCommand command, DeadlineManager deadlines) {
        requireAllowed(HazardAction.SUBMIT_RECTIFICATION);
        RULES.requirePresent(command.submittedOn(), "submittedOn");
        RULES.requireText(command.description(), "description");
        requireEvidence(command.evidence());
        RULES.requireNotBefore(command.submittedOn(), noticeIssuedOn, "submittedOn", "the notice date");
        boolean withinDeadline = !command.submittedOn().isAfter(dueOn);
        apply(new RectificationSubmittedEvent(hazardId, noticeNumber, command.submittedOn(), command.description(),
                command.evidence(), withinDeadline));
        // The submission answers the notice. The rectification deadline keeps running: it is met
        // only by a passed verification.
        deadlines.cancelAllWithinScope(EMPLOYER_ANSWER_PERIOD);
        return version();
    }

    @CommandHandler
    public long handle(VerifyRectificationCommand command, HazardPolicy policy, DeadlineManager deadlines) {
        requireAllowed(HazardAction.VERIFY_RECTIFICATION);
        RULES.requirePresent(command.verifiedOn(), "verifiedOn");
        RULES.requirePresent(command.outcome(), "outcome");
        RULES.requireText(command.findings(), "findings");
        RULES.requireNotBefore(command.verifiedOn(), submittedOn, "verifiedOn", "the submission date");
        boolean withinDeadline = !command.verifiedOn().isAfter(dueOn);
        if (command.outcome() == VerificationOutcome.PASSED) {
            requireAbsent(command.newDeadline(), "newDeadline", "a passed verification reissues no notice");
            requireAbsent(command.newRequirements(), "newRequirements", "a passed verification reissues no notice");
            apply(new RectificationVerifiedEvent(hazardId, noticeNumber, command.verifiedOn(), command.outcome(),
                    command.findings(), withinDeadline));
            if (severity == HazardSeverity.GENERAL) {
                apply(new HazardClosedEvent(hazardId, HazardClosureReason.RECTIFIED, command.verifiedOn(), null,
                        false));
            }
            cancelNoticeDeadlines(deadlines);
        } else {
            RULES.requirePresent(command.newDeadline(), "newDeadline");
            RULES.requireText(command.newRequirements(), "newRequirements");
            requireDeadlineAfter(command.newDeadline(), command.verifiedOn(), "newDeadline");
            int reissued = noticeNumber + 1;
            LocalDate due = policy.rectificationDueOn(command.newDeadline());
            LocalDate answerDue = policy.employerAnswerDueOn(command.verifiedOn());
            apply(new RectificationVerifiedEvent(hazardId, noticeNumber, command.verifiedOn(), command.outcome(),
                    command.findings(), withinDeadline));
            apply(new RectificationNoticeReissuedEvent(hazardId, reissued, command.verifiedOn(), command.newDeadline(),
                    due, answerDue, command.newRequirements()));
            cancelNoticeDeadlines(deadlines);
            scheduleNoticeDeadlines(deadlines, reissued, due, answerDue);
        }
        return version();
    }

    /**
     * A general hazard may be reclassified as major while the case is open: an inspector may learn
     * only on a later visit that it meets the criteria of a major hazard, and the duties of §41 then
     * apply. There is no way back: once major, the authority and the workers' congress decide about
     * it, and a downgrade would let a hazard slip out of their sight.
     */
    @CommandHandler
    public long handle(EscalateToMajorHazardCommand command) {
        requireAllowed(HazardAction.ESCALATE_TO_MAJOR);
        if (severity == HazardSeverity.MAJOR) {
            throw new IllegalTransitionException("hazard.already-major", caseNumber + " is already a major hazard");
        }
        RULES.requirePresent(command.escalatedOn(), "escalatedOn");
        RULES.requireText(command.reason(), "reason");
        RULES.requireNotBefore(command.escalatedOn(), foundOn, "escalatedOn", "the day the hazard was found");
        apply(new HazardEscalatedToMajorEvent(hazardId, command.escalatedOn(), command.reason()));
        return version();
    }

    @CommandHandler
    public long handle(ReportMajorHazardCommand command) {
        requireAllowed(HazardAction.REPORT_MAJOR_HAZARD);
        requireMajor("reported under §41");
        RULES.requirePresent(command.recipient(), "recipient");
        if (reportedTo.contains(command.recipient())) {
            throw new IllegalTransitionException("hazard.already-reported",
                    caseNumber + " is already reported to the " + command.recipient());
        }
        RULES.requireText(command.recipientName(), "recipientName");
        RULES.requirePresent(command.reportedOn(), "reportedOn");
        RULES.requireNotBefore(command.reportedOn(), foundOn, "reportedOn", "the day the hazard was found");
        apply(new MajorHazardReportedEvent(hazardId, command.recipient(), command.recipientName(), command.reportedOn(),
                command.reference()));
        return version();
    }

    @CommandHandler
    public long handle(PlaceUnderListedSupervisionCommand command) {
        requireAllowed(HazardAction.PLACE_UNDER_LISTED_SUPERVISION);
        requireMajor("put under listed supervision");
        if (listed) {
            throw new IllegalTransitionException("hazard.already-listed", caseNumber + " is already under listed supervision");
        }
        RULES.requirePresent(command.listedOn(), "listedOn");
        RULES.requireText(command.listedBy(), "listedBy");
        RULES.requireNotBefore(command.listedOn(), foundOn, "listedOn", "the day the hazard was found");
        apply(new HazardListedForSupervisionEvent(hazardId, command.listedOn(), command.listedBy(),
                command.documentNumber()));
        return version();
    }

    /** §60: the union may recommend evacuation whenever workers' lives are in danger, so while the case is open. */
    @CommandHandler
    public long handle(RecommendEvacuationCommand command) {
        requireAllowed(HazardAction.RECOMMEND_EVACUATION);
        RULES.requirePresent(command.recommendedOn(), "recommendedOn");
        RULES.requireText(command.reason(), "reason");
        RULES.requireNotBefore(command.recommendedOn(), foundOn, "recommendedOn", "the day the hazard was found");
        apply(new EvacuationRecommendedEvent(hazardId, evacuationRecommendations + 1, command.recommendedOn(),
                command.reason()));
        return version();
    }

    /**
     * Closing by command. {@code RECTIFIED} is the 销号 of a major hazard: after a passed verification
     * and with both §41 reports recorded (a general hazard is closed by its passed verification).
     * Two closures without rectification exist, each with a note saying why:
     * <ul>
     * <li>{@code EMPLOYER_CEASED_OPERATIONS}, in any open state: once the employer has closed down or
     * left the site nobody is exposed and nobody is left to rectify; kept open, the case would only be
     * overdue forever and hide the hazards that still endanger someone.</li>
     * <li>{@code WITHDRAWN_AS_MISTAKEN}, only before a notice went out: once the union has formally
     * told the employer to rectify, its own mistake is corrected the way the notice is answered, by
     * verification, so that the file never shows a notice that silently disappeared.</li>
     * </ul>
     */
    @CommandHandler
    public long handle(CloseHazardCommand command, DeadlineManager deadlines) {
        RULES.requirePresent(command.reason(), "reason");
        if (!HazardAction.CLOSE.allowedIn(status)) {
            throw new IllegalTransitionException("hazard.already-closed", caseNumber + " is already closed");
        }
        RULES.requirePresent(command.closedOn(), "closedOn");
        switch (command.reason()) {
            case RECTIFIED -> {
                if (status != VERIFIED) {
                    throw new IllegalTransitionException("hazard.not-verified", caseNumber + " is " + status
                            + ": it is closed as rectified only after its rectification passed verification");
                }
                Set<ReportRecipient> missing = EnumSet.allOf(ReportRecipient.class);
                missing.removeAll(reportedTo);
                if (!missing.isEmpty()) {
                    throw new IllegalTransitionException("hazard.reports-missing", caseNumber
                            + " is a major hazard: it is closed only once reported to " + missing + " (§41)");
                }
                RULES.requireNotBefore(command.closedOn(), verifiedOn, "closedOn", "the verification date");
            }
            case EMPLOYER_CEASED_OPERATIONS -> RULES.requireText(command.note(), "note");
            case WITHDRAWN_AS_MISTAKEN -> {
                if (status != REPORTED) {
                    throw new IllegalTransitionException("hazard.cannot-close", caseNumber + " is " + status
                            + ": a report is withdrawn as mistaken only before a rectification notice went out");
                }
                RULES.requireText(command.note(), "note");
            }
        }
        RULES.requireNotBefore(command.closedOn(), foundOn, "closedOn", "the day the hazard was found");
        apply(new HazardClosedEvent(hazardId, command.reason(), command.closedOn(), command.note(), listed));
        cancelNoticeDeadlines(deadlines);
        return version();
    }

    @CommandHandler
    public long handle(LinkHazardCommand command) {
        return link(command);
    }

    @CommandHandler
    public long handle(FlagHazardDuplicateElsewhereCommand command) {
        return flagDuplicateElsewhere(command);
    }

    // --- deadlines: each names its notice and re-checks the state, so one that outlived its reason does nothing ---

    @DeadlineHandler(deadlineName = RECTIFICATION_DEADLINE)
    public void onRectificationDeadline(Integer notice) {
        boolean pending = status == RECTIFYING || status == RECTIFICATION_SUBMITTED;
        if (notice != null && notice == noticeNumber && pending && !rectificationOverdue) {
            apply(new RectificationOverdueEvent(hazardId, caseNumber, noticeNumber, dueOn, severity, district,
                    status == RECTIFICATION_SUBMITTED));
        }
    }

    @DeadlineHandler(deadlineName = EMPLOYER_ANSWER_PERIOD)
    public void onEmployerAnswerPeriodEnded(Integer notice) {
        if (notice != null && notice == noticeNumber && status == RECTIFYING && !answered && !answerOverdue) {
            apply(new EmployerAnswerOverdueEvent(hazardId, noticeNumber, answerDueOn));
        }
    }

    private static void scheduleNoticeDeadlines(DeadlineManager deadlines, int notice, LocalDate due,
                                                LocalDate answerDue) {
        deadlines.schedule(DeadlineCalculator.endOf(due).toInstant(), RECTIFICATION_DEADLINE, notice);
        deadlines.schedule(DeadlineCalculator.endOf(answerDue).toInstant(), EMPLOYER_ANSWER_PERIOD, notice);
    }

    private static void cancelNoticeDeadlines(DeadlineManager deadlines) {
        cancel(deadlines, RECTIFICATION_DEADLINE, EMPLOYER_ANSWER_PERIOD);
    }

    // --- state ---

    @EventSourcingHandler
    void on(HazardReportedEvent event) {
        hazardId = event.hazardId();
        caseNumber = event.caseNumber();
        status = REPORTED;
        severity = event.severity();
        district = event.district();
        foundOn = event.foundOn();
    }

    @EventSourcingHandler
    void on(RectificationNoticeIssuedEvent event) {
        startNotice(event.noticeNumber(), event.issuedOn(), event.dueOn(), event.answerDueOn());
    }

    @EventSourcingHandler
    void on(EmployerAnswerRecordedEvent event) {
        answered = true;
    }

    @EventSourcingHandler
    void on(EmployerAnswerOverdueEvent event) {
        answerOverdue = true;
    }

    @EventSourcingHandler
    void on(RectificationProgressRecordedEvent event) {
        progressEntries = event.entryNumber();
    }

    @EventSourcingHandler
    void on(RectificationSubmittedEvent event) {
        submittedOn = event.submittedOn();
        answered = true;
        status = RECTIFICATION_SUBMITTED;
    }

    @EventSourcingHandler
    void on(RectificationVerifiedEvent event) {
        verifiedOn = event.verifiedOn();
        if (event.outcome() == VerificationOutcome.PASSED) status = VERIFIED;
    }

    @EventSourcingHandler
    void on(RectificationNoticeReissuedEvent event) {
        startNotice(event.noticeNumber(), event.issuedOn(), event.dueOn(), event.answerDueOn());
    }

    @EventSourcingHandler
    void on(RectificationOverdueEvent event) {
        rectificationOverdue = true;
    }

    @EventSourcingHandler
    void on(HazardEscalatedToMajorEvent event) {
        severity = HazardSeverity.MAJOR;
    }

    @EventSourcingHandler
    void on(MajorHazardReportedEvent event) {
        reportedTo.add(event.recipient());
    }

    @EventSourcingHandler
    void on(HazardListedForSupervisionEvent event) {
        listed = true;
    }

    @EventSourcingHandler
    void on(EvacuationRecommendedEvent event) {
        evacuationRecommendations = event.recommendationNumber();
    }

    @EventSourcingHandler
    void on(HazardClosedEvent event) {
        status = CLOSED;
    }



    private void startNotice(int number, LocalDate issuedOn, LocalDate due, LocalDate answerDue) {
        noticeNumber = number;
        noticeIssuedOn = issuedOn;
        dueOn = due;
        answerDueOn = answerDue;
        answered = false;
        answerOverdue = false;
        rectificationOverdue = false;
        submittedOn = null;
        status = RECTIFYING;
    }

    // --- rule helpers ---


    @Override
    protected CaseRules rules() {
        return RULES;
    }

    @Override
    protected CaseKind kind() {
        return CaseKind.SAFETY_HAZARD;
    }

    @Override
    protected String caseId() {
        return hazardId.toString();
    }

    private void requireMajor(String what) {
        if (severity != HazardSeverity.MAJOR) {
            throw new IllegalTransitionException("hazard.not-major",
                    caseNumber + " is a " + severity + " hazard: only a major hazard is " + what);
        }
    }

    private static void requireAbsent(Object value, String field, String why) {
        if (value != null) {
            throw new InvalidCaseDataException("hazard.unexpected-field", field, field + " must be empty: " + why);
        }
    }

    private static void requireDeadlineAfter(LocalDate deadline, LocalDate noticeDate, String field) {
        if (!deadline.isAfter(noticeDate)) {
            throw new InvalidCaseDataException("hazard.deadline-not-after-notice", field,
                    field + " must be after the notice date (" + noticeDate + ")");
        }
    }

    private static void requireEvidence(List<EvidenceAttachment> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            throw new InvalidCaseDataException("hazard.no-evidence", "evidence",
                    "a rectification is submitted with evidence: at least one attachment");
        }
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < evidence.size(); i++) {
            EvidenceAttachment file = evidence.get(i);
            String at = "evidence[" + i + "]";
            if (file == null) throw invalidEvidence(at, "is empty");
            if (file.fileName() == null || file.fileName().isBlank() || file.fileName().length() > MAX_FILE_NAME
                    || file.fileName().contains("/") || file.fileName().contains("\\")) {
                throw invalidEvidence(at + ".fileName", "must be a file name of 1 to " + MAX_FILE_NAME
                        + " characters without a path");
            }
            if (file.mediaType() == null || !MEDIA_TYPE.matcher(file.mediaType()).matches()) {
                throw invalidEvidence(at + ".mediaType", "must be a media type such as image/jpeg");
            }
            if (file.sizeBytes() < 1) throw invalidEvidence(at + ".sizeBytes", "must be at least 1 byte");
            if (file.sha256() == null || !SHA256_HEX.matcher(file.sha256()).matches()) {
                throw invalidEvidence(at + ".sha256", "must be the SHA-256 of the content as 64 lower-case hex characters");
            }
            if (!hashes.add(file.sha256())) {
                throw new InvalidCaseDataException("hazard.duplicate-evidence", at + ".sha256",
                        at + " has the same content as an earlier attachment");
            }
        }
    }

    private static InvalidCaseDataException invalidEvidence(String field, String message) {
        return new InvalidCaseDataException("hazard.invalid-evidence", field, field + " " + message);
    }
}

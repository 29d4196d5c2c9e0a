package org.weiquan.query.hazard;

import org.weiquan.query.cases.ViewMapping;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.Employer;
import org.weiquan.api.hazard.HazardClosureReason;
import org.weiquan.api.hazard.HazardDetail;
import org.weiquan.api.hazard.HazardDetail.Evacuation;
import org.weiquan.api.hazard.HazardDetail.ListedSupervision;
import org.weiquan.api.hazard.HazardDetail.MajorHazardReport;
import org.weiquan.api.hazard.HazardDetail.Notice;
import org.weiquan.api.hazard.HazardDetail.ProgressEntry;
import org.weiquan.api.hazard.HazardDetail.Submission;
import org.weiquan.api.hazard.HazardDetail.Verification;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.hazard.HazardStatus;
import org.weiquan.api.hazard.HazardSummary;
import org.weiquan.api.hazard.ReportRecipient;
import org.weiquan.api.hazard.SafetyHazardEvent;
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
import org.weiquan.query.cases.CaseView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The state of one safety hazard as the read side sees it, evolved event by event. Both the list
 * and the detail projections keep it, so the rules for status, overdue and next deadline live once.
 * A plain mutable bean so that it round-trips through JSON.
 */
public class HazardView extends CaseView<HazardStatus> {
    public static final ViewMapping<HazardView, SafetyHazardEvent> MAPPING = new ViewMapping<>(
            CaseKind.SAFETY_HAZARD, "hazard", "hazard_id", HazardView.class, HazardView::new,
            SafetyHazardEvent.class, event -> event.hazardId().toString(), HazardView::apply);

    public String hazardId;
    public HazardSeverity severity;
    public LocalDate escalatedToMajorOn;
    public String escalationReason;
    public String location;
    public String description;
    public LocalDate foundOn;
    public String inspector;
    public int noticeNumber;
    public LocalDate rectificationDueOn;
    public LocalDate employerAnswerDueOn;
    /** The current notice is answered (in writing, or by a submitted rectification). */
    public boolean employerAnswered;
    public boolean rectificationOverdue;
    public boolean employerAnswerOverdue;
    public List<Notice> notices = new ArrayList<>();
    public List<ProgressEntry> progress = new ArrayList<>();
    public List<Submission> submissions = new ArrayList<>();
    public List<Verification> verifications = new ArrayList<>();
    public List<MajorHazardReport> majorHazardReports = new ArrayList<>();
    public ListedSupervision listedSupervision;
    public List<Evacuation> evacuationRecommendations = new ArrayList<>();
    public HazardClosureReason closureReason;
    public LocalDate closedOn;
    public String closureNote;
    public Instant reportedAt;

    /**
     * Applies the event with aggregate sequence {@code sequence}. Returns false, changing nothing,
     * for an event this view has already seen: projections are idempotent under redelivery.
     */
    public boolean apply(SafetyHazardEvent event, long sequence, Instant at) {
        return once(sequence, at, () -> evolve(event, at));
    }

    private void evolve(SafetyHazardEvent event, Instant at) {
        if (event instanceof HazardReportedEvent e) {
            hazardId = e.hazardId().toString();
            caseNumber = e.caseNumber().value();
            status = HazardStatus.REPORTED;
            organisation = e.organisation().value();
            district = e.district().name();
            severity = e.severity();
            employer = e.employer();
            location = e.location();
            description = e.description();
            foundOn = e.foundOn();
            inspector = e.inspector().value();
            reportedAt = at;
        } else if (event instanceof RectificationNoticeIssuedEvent e) {
            startNotice(new Notice(e.noticeNumber(), false, e.issuedOn(), e.deadline(), e.dueOn(), e.answerDueOn(),
                    e.requirements(), null, null, false, false));
        } else if (event instanceof RectificationNoticeReissuedEvent e) {
            startNotice(new Notice(e.noticeNumber(), true, e.issuedOn(), e.deadline(), e.dueOn(), e.answerDueOn(),
                    e.requirements(), null, null, false, false));
        } else if (event instanceof EmployerAnswerRecordedEvent e) {
            employerAnswered = true;
            employerAnswerOverdue = false;
            updateNotice(e.noticeNumber(), n -> n.withAnswer(e.answeredOn(), e.summary()));
        } else if (event instanceof EmployerAnswerOverdueEvent e) {
            employerAnswerOverdue = true;
            updateNotice(e.noticeNumber(), n -> n.withOverdue(true, false));
        } else if (event instanceof RectificationProgressRecordedEvent e) {
            progress.add(new ProgressEntry(e.entryNumber(), e.noticeNumber(), e.recordedOn(), e.description()));
        } else if (event instanceof RectificationSubmittedEvent e) {
            submissions.add(new Submission(e.noticeNumber(), e.submittedOn(), e.description(), e.evidence(),
                    e.withinDeadline()));
            employerAnswered = true;
            employerAnswerOverdue = false;
            status = HazardStatus.RECTIFICATION_SUBMITTED;
        } else if (event instanceof RectificationVerifiedEvent e) {
            verifications.add(new Verification(e.noticeNumber(), e.verifiedOn(), e.outcome(), e.findings(),
                    e.withinDeadline()));
            if (e.outcome() == VerificationOutcome.PASSED) status = HazardStatus.VERIFIED;
        } else if (event instanceof RectificationOverdueEvent e) {
            rectificationOverdue = true;
            updateNotice(e.noticeNumber(), n -> n.withOverdue(false, true));
        } else if (event instanceof HazardEscalatedToMajorEvent e) {
            severity = HazardSeverity.MAJOR;
            escalatedToMajorOn = e.escalatedOn();
            escalationReason = e.reason();
        } else if (event instanceof MajorHazardReportedEvent e) {
            majorHazardReports.add(new MajorHazardReport(e.recipient(), e.recipientName(), e.reportedOn(),
                    e.reference()));
        } else if (event instanceof HazardListedForSupervisionEvent e) {
            listedSupervision = new ListedSupervision(e.listedOn(), e.listedBy(), e.documentNumber(), false);
        } else if (event instanceof EvacuationRecommendedEvent e) {
            evacuationRecommendations.add(new Evacuation(e.recommendationNumber(), e.recommendedOn(), e.reason()));
        } else if (event instanceof HazardClosedEvent e) {
            status = HazardStatus.CLOSED;
            closureReason = e.reason();
            closedOn = e.closedOn();
            closureNote = e.note();
            if (e.delisted() && listedSupervision != null) {
                listedSupervision = new ListedSupervision(listedSupervision.listedOn(), listedSupervision.listedBy(),
                        listedSupervision.documentNumber(), true);
            }
        }
    }

    private void startNotice(Notice notice) {
        notices.add(notice);
        noticeNumber = notice.number();
        rectificationDueOn = notice.dueOn();
        employerAnswerDueOn = notice.answerDueOn();
        employerAnswered = false;
        employerAnswerOverdue = false;
        rectificationOverdue = false;
        status = HazardStatus.RECTIFYING;
    }

    private void updateNotice(int number, UnaryOperator<Notice> change) {
        for (int i = 0; i < notices.size(); i++) {
            if (notices.get(i).number() == number) notices.set(i, change.apply(notices.get(i)));
        }
    }

    /**
     * A deadline of the current notice has passed and what it waits for has not happened: the
     * rectification (until it passes verification) or the employer's answer (until it is given).
     */
    @Override
    public String caseId() {
        return hazardId;
    }

    /** The inspector in charge of the hazard. */
    @Override
    public String officer() {
        return inspector;
    }

    @Override
    public LocalDate openedOn() {
        return foundOn;
    }

    /** A hazard names no party: the employer is shown as it is. */
    @Override
    public String partyMasked() {
        return null;
    }

    @Override
    public boolean overdue() {
        if (status == null) return false;
        return switch (status) {
            case RECTIFYING -> rectificationOverdue || employerAnswerOverdue;
            case RECTIFICATION_SUBMITTED -> rectificationOverdue;
            default -> false;
        };
    }

    /** The nearest deadline still running against the current notice, if any. */
    @Override
    public LocalDate nextDeadline() {
        if (status == null) return null;
        return switch (status) {
            case RECTIFYING -> employerAnswered || employerAnswerDueOn.isAfter(rectificationDueOn)
                    ? rectificationDueOn : employerAnswerDueOn;
            case RECTIFICATION_SUBMITTED -> rectificationDueOn;
            default -> null;
        };
    }

    /** An open major hazard not yet reported to both the authority and the workers' congress (§41). */
    public boolean reportsPending() {
        if (severity != HazardSeverity.MAJOR || status == null || !status.isOpen()) return false;
        Set<ReportRecipient> reported = EnumSet.noneOf(ReportRecipient.class);
        majorHazardReports.forEach(report -> reported.add(report.recipient()));
        return reported.size() < ReportRecipient.values().length;
    }

    public boolean listedForSupervision() {
        return listedSupervision != null && !listedSupervision.lifted();
    }

    /** What the case list's free-text search looks in, lower-cased. */
    @Override
    public String searchText() {
        return searchText(List.of(), location, description);
    }

    @Override
    public HazardDetail toDetail() {
        return new HazardDetail(hazardId, caseNumber, status, version, organisation, district, severity,
                escalatedToMajorOn, escalationReason, employer, location, description, foundOn, inspector, noticeNumber,
                rectificationDueOn, employerAnswerDueOn, rectificationOverdue, employerAnswerOverdue, notices, progress,
                submissions, verifications, majorHazardReports, reportsPending(), listedSupervision,
                evacuationRecommendations, closureReason, closedOn, closureNote, links, overdue(), reportedAt,
                lastChangedAt);
    }

    public HazardSummary toSummary() {
        return new HazardSummary(hazardId, caseNumber, status, severity, district, organisation, inspector,
                employerName(), creditCode(), location,
                noticeNumber, overdue(), nextDeadline(), foundOn, reportsPending(), listedForSupervision(),
                !evacuationRecommendations.isEmpty());
    }
}

package org.weiquan.query.hazard;

import org.weiquan.api.hazard.EvidenceAttachment;
import org.weiquan.api.hazard.HazardClosureReason;
import org.weiquan.api.hazard.HazardId;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.hazard.ReportRecipient;
import org.weiquan.api.hazard.SafetyHazardEvent.EmployerAnswerOverdueEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.EmployerAnswerRecordedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.EvacuationRecommendedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardClosedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardEscalatedToMajorEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardListedForSupervisionEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.MajorHazardReportedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationNoticeIssuedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationNoticeReissuedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationOverdueEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationProgressRecordedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationSubmittedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationVerifiedEvent;
import org.weiquan.api.hazard.VerificationOutcome;

import java.time.LocalDate;
import java.util.List;

/**
 * Hazard events of the standard case for projection tests: found 2026-03-02, notice 03-03 due 03-31
 * (answer due 03-24), reissued on 03-27 due 04-30 (answer due 04-20).
 */
final class HazardEvents {
    static final LocalDate ISSUED_ON = LocalDate.of(2026, 3, 3);
    static final LocalDate DUE_ON = LocalDate.of(2026, 3, 31);
    static final LocalDate ANSWER_DUE_ON = LocalDate.of(2026, 3, 24);
    static final LocalDate VERIFIED_ON = LocalDate.of(2026, 3, 27);
    static final LocalDate REISSUED_DUE_ON = LocalDate.of(2026, 4, 30);
    static final LocalDate REISSUED_ANSWER_DUE_ON = LocalDate.of(2026, 4, 20);
    static final EvidenceAttachment PHOTO = new EvidenceAttachment("after.jpg", "image/jpeg", 482_113,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    private HazardEvents() {
    }

    static RectificationNoticeIssuedEvent notice(HazardId id) {
        return new RectificationNoticeIssuedEvent(id, 1, ISSUED_ON, DUE_ON, DUE_ON, ANSWER_DUE_ON, "恢复防护装置");
    }

    static EmployerAnswerRecordedEvent answer(HazardId id, int notice, LocalDate on, boolean withinPeriod) {
        return new EmployerAnswerRecordedEvent(id, notice, on, "will refit by 03-20", withinPeriod);
    }

    static EmployerAnswerOverdueEvent answerOverdue(HazardId id) {
        return new EmployerAnswerOverdueEvent(id, 1, ANSWER_DUE_ON);
    }

    static RectificationProgressRecordedEvent progress(HazardId id, int entry) {
        return new RectificationProgressRecordedEvent(id, 1, entry, LocalDate.of(2026, 3, 16), "parts ordered");
    }

    static RectificationSubmittedEvent submitted(HazardId id, int notice, LocalDate on, boolean withinDeadline) {
        return new RectificationSubmittedEvent(id, notice, on, "refitted", List.of(PHOTO), withinDeadline);
    }

    static RectificationVerifiedEvent verified(HazardId id, int notice, VerificationOutcome outcome) {
        return new RectificationVerifiedEvent(id, notice, VERIFIED_ON, outcome,
                outcome == VerificationOutcome.PASSED ? "guard works" : "guard bypassed", true);
    }

    static RectificationNoticeReissuedEvent reissued(HazardId id) {
        return new RectificationNoticeReissuedEvent(id, 2, VERIFIED_ON, REISSUED_DUE_ON, REISSUED_DUE_ON,
                REISSUED_ANSWER_DUE_ON, "remove the bypass");
    }

    static RectificationOverdueEvent overdue(HazardId id, String caseNumber, int notice, LocalDate dueOn,
                                             boolean submitted) {
        return new RectificationOverdueEvent(id, new CaseNumber(caseNumber), notice, dueOn, HazardSeverity.GENERAL,
                District.GUSU, submitted);
    }

    static HazardEscalatedToMajorEvent escalated(HazardId id) {
        return new HazardEscalatedToMajorEvent(id, LocalDate.of(2026, 3, 5), "second press unguarded");
    }

    static MajorHazardReportedEvent reportedTo(HazardId id, ReportRecipient recipient) {
        return new MajorHazardReportedEvent(id, recipient, recipient == ReportRecipient.WORK_SAFETY_AUTHORITY
                ? "苏州市姑苏区应急管理局" : "职工代表大会", LocalDate.of(2026, 3, 4), null);
    }

    static HazardListedForSupervisionEvent listed(HazardId id) {
        return new HazardListedForSupervisionEvent(id, LocalDate.of(2026, 3, 6), "苏州市应急管理局", "苏应急督〔2026〕12号");
    }

    static EvacuationRecommendedEvent evacuation(HazardId id, int number) {
        return new EvacuationRecommendedEvent(id, number, LocalDate.of(2026, 3, 3), "press runs unguarded");
    }

    static HazardClosedEvent closed(HazardId id, HazardClosureReason reason, LocalDate on, boolean delisted) {
        return new HazardClosedEvent(id, reason, on, reason == HazardClosureReason.RECTIFIED ? null : "note", delisted);
    }
}

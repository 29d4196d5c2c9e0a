package org.weiquan.api.hazard;

import org.axonframework.serialization.Revision;
import org.weiquan.api.common.CaseLifecycle;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.EventType;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;

import java.time.LocalDate;
import java.util.List;
import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.FREE_TEXT;
import static org.weiquan.api.common.Personal.Kind.STAFF;

/**
 * Everything that can happen to a safety hazard. Each event is stored under its {@link EventType}
 * name and {@link Revision}; neither is ever changed for an event already in the log.
 *
 * <p>Notices are numbered from 1; a failed verification reissues the notice under the next number.
 * Events about a notice name its number, so the history reads notice by notice.
 */
public sealed interface SafetyHazardEvent {
    HazardId hazardId();

    /** A union inspector found a hazard at an employer and the case opened. */
    @EventType("safety-hazard.reported")
    @Revision("1")
    record HazardReportedEvent(HazardId hazardId, CaseNumber caseNumber, OrganisationId organisation,
                               District district, HazardSeverity severity, Employer employer, @Personal(FREE_TEXT) String location,
                               @Personal(FREE_TEXT) String description, LocalDate foundOn, @Personal(STAFF) OfficerId inspector)
            implements SafetyHazardEvent {
    }

    /**
     * The rectification notice (整改意见). {@code deadline} is the day the notice set; {@code dueOn} is
     * that day or, when it is a rest day, the next working day (民法典 §203). {@code answerDueOn}: the
     * employer answers in writing within the policy's period (工会劳动法律监督办法 §20: 15 working days).
     */
    @EventType("safety-hazard.rectification-notice-issued")
    @Revision("1")
    record RectificationNoticeIssuedEvent(HazardId hazardId, int noticeNumber, LocalDate issuedOn,
                                          LocalDate deadline, LocalDate dueOn, LocalDate answerDueOn,
                                          @Personal(FREE_TEXT) String requirements) implements SafetyHazardEvent {
    }

    /** The employer answered the notice in writing; {@code withinPeriod}: by {@code answerDueOn}. */
    @EventType("safety-hazard.employer-answer-recorded")
    @Revision("1")
    record EmployerAnswerRecordedEvent(HazardId hazardId, int noticeNumber, LocalDate answeredOn, @Personal(FREE_TEXT) String summary,
                                       boolean withinPeriod) implements SafetyHazardEvent {
    }

    /** The answer period of the notice ended without an answer or a submitted rectification. */
    @EventType("safety-hazard.employer-answer-overdue")
    @Revision("1")
    record EmployerAnswerOverdueEvent(HazardId hazardId, int noticeNumber, LocalDate dueOn)
            implements SafetyHazardEvent {
    }

    @EventType("safety-hazard.rectification-progress-recorded")
    @Revision("1")
    record RectificationProgressRecordedEvent(HazardId hazardId, int noticeNumber, int entryNumber,
                                              LocalDate recordedOn, @Personal(FREE_TEXT) String description) implements SafetyHazardEvent {
    }

    /**
     * The employer reports the hazard removed, with evidence. {@code withinDeadline}: submitted by the
     * notice's {@code dueOn}. A submission also answers the notice.
     */
    @EventType("safety-hazard.rectification-submitted")
    @Revision("1")
    record RectificationSubmittedEvent(HazardId hazardId, int noticeNumber, LocalDate submittedOn, @Personal(FREE_TEXT) String description,
                                       List<EvidenceAttachment> evidence, boolean withinDeadline)
            implements SafetyHazardEvent {
        public RectificationSubmittedEvent {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * The union checked the rectification on site. {@code withinDeadline}: verified by the notice's
     * {@code dueOn} (the rectification rate counts these). A failure is followed by a reissued notice.
     */
    @EventType("safety-hazard.rectification-verified")
    @Revision("1")
    record RectificationVerifiedEvent(HazardId hazardId, int noticeNumber, LocalDate verifiedOn,
                                      VerificationOutcome outcome, @Personal(FREE_TEXT) String findings, boolean withinDeadline)
            implements SafetyHazardEvent {
    }

    /** After a failed verification, the notice again, with a new deadline ({@code dueOn} as on issue). */
    @EventType("safety-hazard.rectification-notice-reissued")
    @Revision("1")
    record RectificationNoticeReissuedEvent(HazardId hazardId, int noticeNumber, LocalDate issuedOn,
                                            LocalDate deadline, LocalDate dueOn, LocalDate answerDueOn,
                                            @Personal(FREE_TEXT) String requirements) implements SafetyHazardEvent {
    }

    /**
     * The escalation: the notice's deadline passed without a passed verification. Supervisors see the
     * hazard as overdue. {@code rectificationSubmitted}: the employer had submitted, and it is the
     * verification that is late.
     */
    @EventType("safety-hazard.rectification-overdue")
    @Revision("1")
    record RectificationOverdueEvent(HazardId hazardId, CaseNumber caseNumber, int noticeNumber, LocalDate dueOn,
                                     HazardSeverity severity, District district, boolean rectificationSubmitted)
            implements SafetyHazardEvent {
    }

    /** A general hazard turned out to be a major one (重大事故隐患); there is no way back. */
    @EventType("safety-hazard.escalated-to-major")
    @Revision("1")
    record HazardEscalatedToMajorEvent(HazardId hazardId, LocalDate escalatedOn, @Personal(FREE_TEXT) String reason)
            implements SafetyHazardEvent {
    }

    /** A major hazard was reported to {@code recipient} (《安全生产法》§41). */
    @EventType("safety-hazard.major-hazard-reported")
    @Revision("1")
    record MajorHazardReportedEvent(HazardId hazardId, ReportRecipient recipient, @Personal(FREE_TEXT) String recipientName,
                                    LocalDate reportedOn, String reference) implements SafetyHazardEvent {
    }

    /** The authority put the major hazard under listed supervision (挂牌督办). */
    @EventType("safety-hazard.listed-for-supervision")
    @Revision("1")
    record HazardListedForSupervisionEvent(HazardId hazardId, LocalDate listedOn, @Personal(FREE_TEXT) String listedBy,
                                           String documentNumber) implements SafetyHazardEvent {
    }

    /** The union recommended that the employer evacuate the workers (《安全生产法》§60). */
    @EventType("safety-hazard.evacuation-recommended")
    @Revision("1")
    record EvacuationRecommendedEvent(HazardId hazardId, int recommendationNumber, LocalDate recommendedOn,
                                      @Personal(FREE_TEXT) String reason) implements SafetyHazardEvent {
    }

    /** The case closed. {@code delisted}: it was under listed supervision, which the closure ends (销号). */
    @EventType("safety-hazard.closed")
    @Revision("1")
    record HazardClosedEvent(HazardId hazardId, HazardClosureReason reason, LocalDate closedOn, @Personal(FREE_TEXT) String note,
                             boolean delisted) implements SafetyHazardEvent, CaseLifecycle.Closes {
    }
}

package org.weiquan.query.monitoring;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.DuplicateElsewhereFlaggedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAcceptanceOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.CollectiveDisputeAlertRaisedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationPeriodExpiredEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementPaymentOverdueEvent;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.hazard.SafetyHazardEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.EmployerAnswerOverdueEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardEscalatedToMajorEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardReportedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.DecisionOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LawyerAssignmentOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.MaterialsSupplyPeriodExpiredEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionReviewOverdueEvent;
import org.weiquan.api.monitoring.AlertType;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.api.petition.PetitionEvent.AcceptanceNoticeOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.AssignmentOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.CollectiveVisitAlertRaisedEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationAnswerOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReplyOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewAnswerOverdueEvent;
import org.weiquan.query.monitoring.AlertCaseDirectory.CasePlace;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The alert feed: a row for each collective dispute, collective visit, major hazard, possible
 * duplicate across organisations and passed deadline, at the moment its event is handled live.
 *
 * <p>An alert is a side effect, like a message sent to a supervisor: it happened once, at its time,
 * and a replay must not raise it again. So every handler here is {@link DisallowReplay} (a replay
 * of the {@code alerts} processor passes the old events by), and there is deliberately NO
 * {@code @ResetHandler}: deleting the alerts on a reset could not be undone, as the replay will
 * not write them back. Alerts outlive any replay. A redelivered event (not a replay) finds its
 * alert already there: the row is keyed by the raising event's id and written insert-if-absent.
 */
@Component
@ProcessingGroup(AlertProjection.PROCESSING_GROUP)
public class AlertProjection {
    public static final String PROCESSING_GROUP = "alerts";

    private final JdbcTemplate jdbc;
    private final AlertCaseDirectory directory;

    public AlertProjection(JdbcTemplate jdbc, AlertCaseDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @EventHandler
    @DisallowReplay
    public void on(LabourDisputeEvent event, EventMessage<?> message) {
        String id = event.disputeId().toString();
        if (event instanceof CollectiveDisputeAlertRaisedEvent collective) {
            raise(message, directory.place(id), AlertType.COLLECTIVE_DISPUTE, null,
                    "Collective dispute: " + collective.workerCount() + " workers with a common claim",
                    "集体劳动争议：" + collective.workerCount() + "名职工提出共同请求");
        } else if (event instanceof MediationPeriodExpiredEvent expired) {
            passed(message, id, expired.periodEndedOn(),
                    "Mediation period ended on " + expired.periodEndedOn() + " without agreement",
                    "调解期限已于" + expired.periodEndedOn() + "届满，未达成调解协议");
        } else if (event instanceof SettlementPaymentOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(),
                    "Settlement payment due " + overdue.dueOn() + " not made in full (outstanding "
                            + overdue.outstanding().toPlainString() + ")",
                    "调解协议约定于" + overdue.dueOn() + "前支付的款项未付清（尚欠" + overdue.outstanding().toPlainString()
                            + "元）");
        } else if (event instanceof ArbitrationAcceptanceOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(),
                    "Arbitration commission's acceptance decision due " + overdue.dueOn() + " is overdue",
                    "仲裁委员会应于" + overdue.dueOn() + "前决定是否受理，已逾期");
        } else if (event instanceof ArbitrationAwardOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(), "Arbitration award due " + overdue.dueOn() + " is overdue",
                    "仲裁裁决应于" + overdue.dueOn() + "前作出，已逾期");
        }
    }

    @EventHandler
    @DisallowReplay
    public void on(SafetyHazardEvent event, EventMessage<?> message) {
        String id = event.hazardId().toString();
        if (event instanceof HazardReportedEvent reported && reported.severity() == HazardSeverity.MAJOR) {
            CasePlace place = new CasePlace(id, CaseKind.SAFETY_HAZARD, reported.caseNumber().toString(),
                    reported.district(), reported.organisation().value());
            raise(message, place, AlertType.MAJOR_HAZARD, null,
                    "Major hazard reported at " + reported.employer().name() + ": " + reported.location(),
                    "发现重大事故隐患：" + reported.employer().name() + "，" + reported.location());
        } else if (event instanceof HazardEscalatedToMajorEvent escalated) {
            raise(message, directory.place(id), AlertType.MAJOR_HAZARD, null,
                    "Hazard escalated to major: " + escalated.reason(),
                    "隐患升级为重大事故隐患：" + escalated.reason());
        } else if (event instanceof EmployerAnswerOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(),
                    "Employer's written answer to notice " + overdue.noticeNumber() + " due " + overdue.dueOn()
                            + " is overdue",
                    "用人单位对第" + overdue.noticeNumber() + "号整改意见的书面答复应于" + overdue.dueOn() + "前作出，已逾期");
        } else if (event instanceof RectificationOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(),
                    "Rectification under notice " + overdue.noticeNumber() + " due " + overdue.dueOn()
                            + " has not passed verification",
                    "第" + overdue.noticeNumber() + "号整改意见要求于" + overdue.dueOn() + "前完成整改，未经验收通过，已逾期");
        }
    }

    @EventHandler
    @DisallowReplay
    public void on(LegalAidCaseEvent event, EventMessage<?> message) {
        String id = event.legalAidCaseId().toString();
        if (event instanceof MaterialsSupplyPeriodExpiredEvent expired) {
            passed(message, id, expired.supplyBy(), "Missing materials not supplied by " + expired.supplyBy(),
                    "补充材料期限" + expired.supplyBy() + "已届满，材料未补齐");
        } else if (event instanceof DecisionOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(), "Eligibility decision due " + overdue.dueOn() + " is overdue",
                    "应于" + overdue.dueOn() + "前作出是否给予法律援助的决定，已逾期");
        } else if (event instanceof LawyerAssignmentOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(), "Lawyer assignment due " + overdue.dueOn() + " is overdue",
                    "应于" + overdue.dueOn() + "前指派律师，已逾期");
        } else if (event instanceof ObjectionReviewOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(), "Review of the objection due " + overdue.dueOn() + " is overdue",
                    "异议应于" + overdue.dueOn() + "前审查完毕，已逾期");
        }
    }

    @EventHandler
    @DisallowReplay
    public void on(PetitionEvent event, EventMessage<?> message) {
        String id = event.petitionId().toString();
        if (event instanceof CollectiveVisitAlertRaisedEvent collective) {
            raise(message, directory.place(id), AlertType.COLLECTIVE_VISIT, null,
                    "Collective visit: " + collective.visitorCount() + " visitors",
                    "集体访：" + collective.visitorCount() + "人来访");
        } else if (event instanceof AssignmentOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(), "Forwarding or assignment due " + overdue.dueOn() + " is overdue",
                    "应于" + overdue.dueOn() + "前转送、交办，已逾期");
        } else if (event instanceof AcceptanceNoticeOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(), "Notice of acceptance due " + overdue.dueOn() + " is overdue",
                    "应于" + overdue.dueOn() + "前告知信访人是否受理，已逾期");
        } else if (event instanceof ReplyOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(), "Written reply due " + overdue.dueOn() + " is overdue",
                    "应于" + overdue.dueOn() + "前出具书面答复意见，已逾期");
        } else if (event instanceof ReviewAnswerOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(), "Review opinion due " + overdue.dueOn() + " is overdue",
                    "复查意见应于" + overdue.dueOn() + "前作出，已逾期");
        } else if (event instanceof ReexaminationAnswerOverdueEvent overdue) {
            passed(message, id, overdue.dueOn(), "Re-examination opinion due " + overdue.dueOn() + " is overdue",
                    "复核意见应于" + overdue.dueOn() + "前作出，已逾期");
        }
    }

    /**
     * Raised for the organisation that covers both cases (their nearest common one, at least the
     * city federation), so that only supervisors who may see both read it.
     */
    @EventHandler
    @DisallowReplay
    public void on(DuplicateElsewhereFlaggedEvent event, EventMessage<?> message) {
        CasePlace filed = directory.place(event.caseId());
        CasePlace other = directory.place(event.otherCaseId());
        String over = nearestCommon(filed.organisation(), other.organisation());
        raise(message, new CasePlace(filed.caseId(), filed.kind(), filed.caseNumber(), filed.district(), over),
                AlertType.DUPLICATE_ACROSS_ORGANISATIONS, null,
                "Possible duplicate across organisations: " + filed.caseNumber() + " (" + filed.organisation()
                        + ") and " + other.caseNumber() + " (" + other.organisation() + ") name the same party",
                "疑似跨组织重复案件：" + filed.caseNumber() + "（" + filed.organisation() + "）与" + other.caseNumber()
                        + "（" + other.organisation() + "）涉及同一当事人");
    }

    /** {@code szftu/gusu/pingjiang} and {@code szftu/kunshan}: {@code szftu}. */
    static String nearestCommon(String one, String other) {
        String[] a = one.split("/");
        String[] b = other.split("/");
        int shared = 0;
        while (shared < Math.min(a.length, b.length) && a[shared].equals(b[shared])) shared++;
        return shared == 0 ? a[0] : String.join("/", Arrays.copyOf(a, shared));
    }

    private void passed(EventMessage<?> message, String caseId, LocalDate dueOn, String en, String zh) {
        raise(message, directory.place(caseId), AlertType.DEADLINE_PASSED, dueOn, en, zh);
    }

    private void raise(EventMessage<?> message, CasePlace place, AlertType type, LocalDate dueOn, String en,
                       String zh) {
        String alertId = message.getIdentifier();
        jdbc.update("INSERT INTO alert (alert_id, alert_type, case_id, kind, case_number, district, organisation,"
                        + " message_en, message_zh, occurred_at, due_on)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (0)) AS one(x)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM alert WHERE alert_id = ?)",
                alertId, type.name(), place.caseId(), place.kind().name(), place.caseNumber(),
                place.district().name(), place.organisation(), clip(en), clip(zh),
                message.getTimestamp().atOffset(ZoneOffset.UTC),
                // typed, so that PostgreSQL binds a null as a date, not as text
                new SqlParameterValue(Types.DATE, dueOn == null ? null : Date.valueOf(dueOn)),
                alertId);
    }

    /** Free text from an event (a reason, a location) can be long; the feed shows the start. */
    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}

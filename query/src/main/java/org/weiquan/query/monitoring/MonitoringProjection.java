package org.weiquan.query.monitoring;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeFiledEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationFailedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationPeriodExpiredEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementReachedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardReportedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationNoticeIssuedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationOverdueEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationVerifiedEvent;
import org.weiquan.api.hazard.VerificationOutcome;
import org.weiquan.api.legalaid.LegalAidCaseEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.DecisionOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LawyerAssignedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LawyerAssignmentOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidAppliedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidApprovedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidRejectedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionDismissedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionReviewOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionUpheldEvent;
import org.weiquan.api.monitoring.MonitoredDeadline;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.api.petition.PetitionEvent.AcceptanceNoticeOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.AssignmentOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionAcceptedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionAssignedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionNotAcceptedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionReceivedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionRepliedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionerRatingRecordedEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationAnswerOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationAnsweredEvent;
import org.weiquan.api.petition.PetitionEvent.ReplyOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewAnswerOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewAnsweredEvent;
import org.weiquan.api.petition.SatisfactionRating;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.weiquan.api.monitoring.MonitoredDeadline.ARBITRATION_AWARD;
import static org.weiquan.api.monitoring.MonitoredDeadline.LAWYER_ASSIGNMENT;
import static org.weiquan.api.monitoring.MonitoredDeadline.LEGAL_AID_DECISION;
import static org.weiquan.api.monitoring.MonitoredDeadline.OBJECTION_REVIEW;
import static org.weiquan.api.monitoring.MonitoredDeadline.PETITION_ACCEPTANCE_NOTICE;
import static org.weiquan.api.monitoring.MonitoredDeadline.PETITION_ASSIGNMENT;
import static org.weiquan.api.monitoring.MonitoredDeadline.PETITION_REEXAMINATION_ANSWER;
import static org.weiquan.api.monitoring.MonitoredDeadline.PETITION_REPLY;
import static org.weiquan.api.monitoring.MonitoredDeadline.PETITION_REVIEW_ANSWER;
import static org.weiquan.api.monitoring.MonitoredDeadline.RECTIFICATION_VERIFICATION;

/**
 * The outcomes behind the monitoring rates, one row per case, measure and item in
 * {@code monitoring_fact}, so that every rate is a SQL aggregate over a window of days. A missed
 * deadline counts as missed from the day it passes (its overdue event), and the late step, when it
 * comes, replaces that row. Each row remembers the case event that last wrote it, so a redelivered
 * event changes nothing; a replay starts from empty tables ({@link #reset()}).
 */
@Component
@ProcessingGroup(MonitoringProjection.PROCESSING_GROUP)
public class MonitoringProjection {
    public static final String PROCESSING_GROUP = "monitoring";
    /** Mediation outcome of a dispute: SETTLED (achieved), FAILED or EXPIRED (15 days without agreement). */
    public static final String MEDIATION = "MEDIATION";
    /** A hazard given a notice: achieved once a verification PASSED; dated by the first notice. */
    public static final String RECTIFICATION = "RECTIFICATION";
    /** One petitioner rating per answer stage: achieved when SATISFIED; the rating is the outcome. */
    public static final String SATISFACTION = "SATISFACTION";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;

    public MonitoringProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(LabourDisputeEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String id = event.disputeId().toString();
        if (event instanceof DisputeFiledEvent filed) {
            opened(id, CaseKind.LABOUR_DISPUTE, filed.district(), filed.organisation());
        } else if (event instanceof SettlementReachedEvent) {
            record(id, MEDIATION, 0, day(at), true, "SETTLED", sequence);
        } else if (event instanceof MediationFailedEvent) {
            record(id, MEDIATION, 0, day(at), false, "FAILED", sequence);
        } else if (event instanceof MediationPeriodExpiredEvent expired && !settled(id)) {
            record(id, MEDIATION, 0, expired.periodEndedOn(), false, "EXPIRED", sequence);
        } else if (event instanceof ArbitrationAwardOverdueEvent overdue) {
            missed(id, ARBITRATION_AWARD, 0, overdue.dueOn(), sequence);
        } else if (event instanceof ArbitrationAwardRecordedEvent award) {
            met(id, ARBITRATION_AWARD, 0, award.awardedOn(), award.withinPeriod(), sequence);
        }
    }

    @EventHandler
    public void on(SafetyHazardEvent event, @SequenceNumber long sequence) {
        String id = event.hazardId().toString();
        if (event instanceof HazardReportedEvent reported) {
            opened(id, CaseKind.SAFETY_HAZARD, reported.district(), reported.organisation());
        } else if (event instanceof RectificationNoticeIssuedEvent notice) {
            record(id, RECTIFICATION, 0, notice.issuedOn(), false, "NOTICE_ISSUED", sequence);
        } else if (event instanceof RectificationOverdueEvent overdue) {
            missed(id, RECTIFICATION_VERIFICATION, overdue.noticeNumber(), overdue.dueOn(), sequence);
        } else if (event instanceof RectificationVerifiedEvent verified) {
            boolean passed = verified.outcome() == VerificationOutcome.PASSED;
            // the deadline is met only by a rectification that passed by then
            record(id, RECTIFICATION_VERIFICATION.name(), verified.noticeNumber(), verified.verifiedOn(),
                    passed && verified.withinDeadline(), verified.outcome().name(), sequence);
            // the rectification rate keeps the hazard dated by its first notice
            record(id, RECTIFICATION, 0, null, passed, verified.outcome().name(), sequence);
        }
    }

    @EventHandler
    public void on(LegalAidCaseEvent event, @SequenceNumber long sequence) {
        String id = event.legalAidCaseId().toString();
        if (event instanceof LegalAidAppliedEvent applied) {
            opened(id, CaseKind.LEGAL_AID, applied.district(), applied.organisation());
        } else if (event instanceof DecisionOverdueEvent overdue) {
            missed(id, LEGAL_AID_DECISION, 0, overdue.dueOn(), sequence);
        } else if (event instanceof LegalAidApprovedEvent approved) {
            met(id, LEGAL_AID_DECISION, 0, approved.decidedOn(), approved.withinPeriod(), sequence);
        } else if (event instanceof LegalAidRejectedEvent rejected) {
            met(id, LEGAL_AID_DECISION, 0, rejected.decidedOn(), rejected.withinPeriod(), sequence);
        } else if (event instanceof LawyerAssignmentOverdueEvent overdue) {
            missed(id, LAWYER_ASSIGNMENT, 0, overdue.dueOn(), sequence);
        } else if (event instanceof LawyerAssignedEvent assigned && assigned.previousLawyerId() == null) {
            // a replacement lawyer is not measured against the assignment period
            met(id, LAWYER_ASSIGNMENT, 0, assigned.assignedOn(), assigned.withinPeriod(), sequence);
        } else if (event instanceof ObjectionReviewOverdueEvent overdue) {
            missed(id, OBJECTION_REVIEW, 0, overdue.dueOn(), sequence);
        } else if (event instanceof ObjectionUpheldEvent upheld) {
            met(id, OBJECTION_REVIEW, 0, upheld.reviewedOn(), upheld.withinPeriod(), sequence);
        } else if (event instanceof ObjectionDismissedEvent dismissed) {
            met(id, OBJECTION_REVIEW, 0, dismissed.reviewedOn(), dismissed.withinPeriod(), sequence);
        }
    }

    @EventHandler
    public void on(PetitionEvent event, @SequenceNumber long sequence) {
        String id = event.petitionId().toString();
        if (event instanceof PetitionReceivedEvent received) {
            opened(id, CaseKind.PETITION, received.district(), received.organisation());
        } else if (event instanceof AssignmentOverdueEvent overdue) {
            missed(id, PETITION_ASSIGNMENT, 0, overdue.dueOn(), sequence);
        } else if (event instanceof PetitionAssignedEvent assigned) {
            met(id, PETITION_ASSIGNMENT, 0, assigned.assignedOn(), assigned.withinPeriod(), sequence);
        } else if (event instanceof AcceptanceNoticeOverdueEvent overdue) {
            missed(id, PETITION_ACCEPTANCE_NOTICE, 0, overdue.dueOn(), sequence);
        } else if (event instanceof PetitionAcceptedEvent accepted) {
            met(id, PETITION_ACCEPTANCE_NOTICE, 0, accepted.acceptedOn(), accepted.noticeWithinPeriod(), sequence);
        } else if (event instanceof PetitionNotAcceptedEvent notAccepted) {
            met(id, PETITION_ACCEPTANCE_NOTICE, 0, notAccepted.decidedOn(), notAccepted.noticeWithinPeriod(),
                    sequence);
        } else if (event instanceof ReplyOverdueEvent overdue) {
            missed(id, PETITION_REPLY, 0, overdue.dueOn(), sequence);
        } else if (event instanceof PetitionRepliedEvent replied) {
            met(id, PETITION_REPLY, 0, replied.repliedOn(), replied.withinPeriod(), sequence);
        } else if (event instanceof ReviewAnswerOverdueEvent overdue) {
            missed(id, PETITION_REVIEW_ANSWER, 0, overdue.dueOn(), sequence);
        } else if (event instanceof ReviewAnsweredEvent answered) {
            met(id, PETITION_REVIEW_ANSWER, 0, answered.answeredOn(), answered.withinPeriod(), sequence);
        } else if (event instanceof ReexaminationAnswerOverdueEvent overdue) {
            missed(id, PETITION_REEXAMINATION_ANSWER, 0, overdue.dueOn(), sequence);
        } else if (event instanceof ReexaminationAnsweredEvent answered) {
            met(id, PETITION_REEXAMINATION_ANSWER, 0, answered.answeredOn(), answered.withinPeriod(), sequence);
        } else if (event instanceof PetitionerRatingRecordedEvent rating) {
            record(id, SATISFACTION, rating.stage().ordinal(), rating.ratedOn(),
                    rating.rating() == SatisfactionRating.SATISFIED, rating.rating().name(), sequence);
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM monitoring_fact");
        jdbc.update("DELETE FROM monitoring_case");
    }

    private void opened(String id, CaseKind kind, District district, OrganisationId organisation) {
        jdbc.update("INSERT INTO monitoring_case (case_id, kind, district, organisation)"
                        + " SELECT ?, ?, ?, ? FROM (VALUES (0)) AS one(x)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM monitoring_case WHERE case_id = ?)",
                id, kind.name(), district.name(), organisation.value(), id);
    }

    private void missed(String id, MonitoredDeadline deadline, int item, LocalDate dueOn, long sequence) {
        record(id, deadline.name(), item, dueOn, false, "OVERDUE", sequence);
    }

    private void met(String id, MonitoredDeadline deadline, int item, LocalDate on, boolean inTime, long sequence) {
        record(id, deadline.name(), item, on, inTime, inTime ? "ON_TIME" : "LATE", sequence);
    }

    /**
     * Writes the outcome unless the row was last written by this or a later event of the case.
     * {@code factOn} null keeps the row's date (a row is always created with one).
     */
    private void record(String id, String measure, int item, LocalDate factOn, boolean achieved, String outcome,
                        long sequence) {
        Date on = factOn == null ? null : Date.valueOf(factOn);
        int updated = on == null
                ? jdbc.update("UPDATE monitoring_fact SET achieved = ?, outcome = ?, last_sequence = ?"
                        + " WHERE case_id = ? AND measure = ? AND item = ? AND last_sequence < ?",
                achieved, outcome, sequence, id, measure, item, sequence)
                : jdbc.update("UPDATE monitoring_fact SET fact_on = ?, achieved = ?, outcome = ?, last_sequence = ?"
                        + " WHERE case_id = ? AND measure = ? AND item = ? AND last_sequence < ?",
                on, achieved, outcome, sequence, id, measure, item, sequence);
        if (updated > 0 || on == null) return;
        jdbc.update("INSERT INTO monitoring_fact (case_id, measure, item, fact_on, achieved, outcome, last_sequence)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ? FROM (VALUES (0)) AS one(x) WHERE NOT EXISTS"
                        + " (SELECT 1 FROM monitoring_fact WHERE case_id = ? AND measure = ? AND item = ?)",
                id, measure, item, on, achieved, outcome, sequence, id, measure, item);
    }

    private boolean settled(String id) {
        List<String> outcome = jdbc.queryForList("SELECT outcome FROM monitoring_fact"
                + " WHERE case_id = ? AND measure = ? AND item = 0", String.class, id, MEDIATION);
        return !outcome.isEmpty() && "SETTLED".equals(outcome.get(0));
    }

    private static LocalDate day(Instant at) {
        return at.atZone(CHINA).toLocalDate();
    }
}

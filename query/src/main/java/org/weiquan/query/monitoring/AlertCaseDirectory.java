package org.weiquan.query.monitoring;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeFiledEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardReportedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidAppliedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionReceivedEvent;

import java.util.List;

/**
 * Where each case is (number, district, organisation), for the alerts about events that do not
 * name it. Part of the {@code alerts} processor, and its replayable part: the rows are written
 * insert-if-absent from each case's opening event, so handling an event again (a redelivery or a
 * replay) changes nothing and no reset handler is needed. Because these handlers allow replay, an
 * administrator can reset the {@code alerts} processor at all (Axon refuses to reset a processor
 * none of whose handlers may replay); the alerts themselves are never written again
 * ({@link AlertProjection}).
 */
@Component
@ProcessingGroup(AlertProjection.PROCESSING_GROUP)
public class AlertCaseDirectory {
    private final JdbcTemplate jdbc;

    public AlertCaseDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A case's place, as the alert feed shows it. */
    public record CasePlace(String caseId, CaseKind kind, String caseNumber, District district, String organisation) {
    }

    @EventHandler
    public void on(DisputeFiledEvent event) {
        opened(event.disputeId().toString(), CaseKind.LABOUR_DISPUTE, event.caseNumber(), event.district(),
                event.organisation());
    }

    @EventHandler
    public void on(HazardReportedEvent event) {
        opened(event.hazardId().toString(), CaseKind.SAFETY_HAZARD, event.caseNumber(), event.district(),
                event.organisation());
    }

    @EventHandler
    public void on(LegalAidAppliedEvent event) {
        opened(event.legalAidCaseId().toString(), CaseKind.LEGAL_AID, event.caseNumber(), event.district(),
                event.organisation());
    }

    @EventHandler
    public void on(PetitionReceivedEvent event) {
        opened(event.petitionId().toString(), CaseKind.PETITION, event.caseNumber(), event.district(),
                event.organisation());
    }

    /** The case's place; an {@link IllegalStateException} (the event is dead-lettered) when it opened unseen. */
    public CasePlace place(String caseId) {
        List<CasePlace> found = jdbc.query("SELECT * FROM alert_case WHERE case_id = ?",
                (rs, row) -> new CasePlace(rs.getString("case_id"), CaseKind.valueOf(rs.getString("kind")),
                        rs.getString("case_number"), District.valueOf(rs.getString("district")),
                        rs.getString("organisation")), caseId);
        if (found.isEmpty()) throw new IllegalStateException("no opening event seen for case " + caseId);
        return found.get(0);
    }

    private void opened(String id, CaseKind kind, CaseNumber number, District district, OrganisationId organisation) {
        jdbc.update("INSERT INTO alert_case (case_id, kind, case_number, district, organisation)"
                        + " SELECT ?, ?, ?, ?, ? FROM (VALUES (0)) AS one(x)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM alert_case WHERE case_id = ?)",
                id, kind.name(), number.toString(), district.name(), organisation.value(), id);
    }
}

package org.weiquan.query.hazard;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.hazard.HazardDetail;
import org.weiquan.api.hazard.HazardQueries.FindHazardQuery;
import org.weiquan.api.hazard.SafetyHazardEvent;
import org.weiquan.query.support.BatchedViews;
import org.weiquan.query.support.JdbcViewRows;
import org.weiquan.query.support.ReadModelJson;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The hazard detail: the whole current state of one hazard as a JSON document. */
@Component
@ProcessingGroup(HazardDetailProjection.PROCESSING_GROUP)
public class HazardDetailProjection {
    public static final String PROCESSING_GROUP = "hazard-detail";

    private final JdbcTemplate jdbc;
    private final BatchedViews<HazardView> views;

    public HazardDetailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcViewRows<HazardView> rows = JdbcViewRows.table(jdbc, "hazard_detail", "hazard_id", "document", HazardView.class)
                .column("case_number", view -> view.caseNumber)
                .column("last_sequence", view -> view.version)
                .build();
        this.views = new BatchedViews<>(PROCESSING_GROUP, rows, HazardView::new, HazardDetailProjection::caseOf);
    }

    @EventHandler
    public void on(SafetyHazardEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.update(event.hazardId().toString(), view -> view.apply(event, sequence, at));
    }

    @EventHandler
    public void on(CaseLinkedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.kind() == CaseKind.SAFETY_HAZARD) {
            views.update(event.caseId(), view -> view.link(event, sequence, at));
        }
    }

    /** The case whose detail an event changes, or {@code null}. */
    private static String caseOf(EventMessage<?> message) {
        if (message.getPayload() instanceof SafetyHazardEvent event) return event.hazardId().toString();
        if (message.getPayload() instanceof CaseLinkedEvent link && link.kind() == CaseKind.SAFETY_HAZARD) {
            return link.caseId();
        }
        return null;
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM hazard_detail");
    }

    /** The hazard, or {@code null} when the read model knows none with this id. */
    @QueryHandler
    public HazardDetail handle(FindHazardQuery query) {
        return load(query.hazardId().toString()).map(HazardView::toDetail).orElse(null);
    }

    private Optional<HazardView> load(String id) {
        List<String> stored = jdbc.queryForList("SELECT document FROM hazard_detail WHERE hazard_id = ?", String.class, id);
        return stored.stream().findFirst().map(json -> ReadModelJson.read(json, HazardView.class));
    }
}

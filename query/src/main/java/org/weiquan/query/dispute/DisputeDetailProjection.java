package org.weiquan.query.dispute;

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
import org.weiquan.api.dispute.DisputeDetail;
import org.weiquan.api.dispute.DisputeQueries.FindDisputeQuery;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.query.support.BatchedViews;
import org.weiquan.query.support.JdbcViewRows;
import org.weiquan.query.support.ReadModelJson;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The dispute detail: the whole current state of one dispute as a JSON document. */
@Component
@ProcessingGroup(DisputeDetailProjection.PROCESSING_GROUP)
public class DisputeDetailProjection {
    public static final String PROCESSING_GROUP = "dispute-detail";

    private final JdbcTemplate jdbc;
    private final BatchedViews<DisputeView> views;

    public DisputeDetailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcViewRows<DisputeView> rows = JdbcViewRows.table(jdbc, "dispute_detail", "dispute_id", "document", DisputeView.class)
                .column("case_number", view -> view.caseNumber)
                .column("last_sequence", view -> view.version)
                .build();
        this.views = new BatchedViews<>(PROCESSING_GROUP, rows, DisputeView::new, DisputeDetailProjection::caseOf);
    }

    @EventHandler
    public void on(LabourDisputeEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.update(event.disputeId().toString(), view -> view.apply(event, sequence, at));
    }

    @EventHandler
    public void on(CaseLinkedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.kind() == CaseKind.LABOUR_DISPUTE) {
            views.update(event.caseId(), view -> view.link(event, sequence, at));
        }
    }

    /** The case whose detail an event changes, or {@code null}. */
    private static String caseOf(EventMessage<?> message) {
        if (message.getPayload() instanceof LabourDisputeEvent event) return event.disputeId().toString();
        if (message.getPayload() instanceof CaseLinkedEvent link && link.kind() == CaseKind.LABOUR_DISPUTE) {
            return link.caseId();
        }
        return null;
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM dispute_detail");
    }

    /** The dispute, or {@code null} when the read model knows none with this id. */
    @QueryHandler
    public DisputeDetail handle(FindDisputeQuery query) {
        return load(query.disputeId().toString()).map(DisputeView::toDetail).orElse(null);
    }

    private Optional<DisputeView> load(String id) {
        List<String> stored = jdbc.queryForList("SELECT document FROM dispute_detail WHERE dispute_id = ?", String.class, id);
        return stored.stream().findFirst().map(json -> ReadModelJson.read(json, DisputeView.class));
    }
}

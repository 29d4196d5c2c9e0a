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
import org.weiquan.query.support.ReadModelJson;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        this.views = new BatchedViews<>(PROCESSING_GROUP, new Rows(), DisputeView::new,
                DisputeDetailProjection::disputeOf);
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

    private static String disputeOf(EventMessage<?> message) {
        if (message.getPayload() instanceof LabourDisputeEvent event) return event.disputeId().toString();
        if (message.getPayload() instanceof CaseLinkedEvent link && link.kind() == CaseKind.LABOUR_DISPUTE) {
            return link.caseId();
        }
        return null;
    }

    private final class Rows implements BatchedViews.Rows<DisputeView> {
        @Override
        public Map<String, DisputeView> load(Collection<String> ids) {
            Map<String, DisputeView> found = new HashMap<>();
            jdbc.query("SELECT dispute_id, document FROM dispute_detail WHERE dispute_id IN ("
                            + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                    rs -> {
                        found.put(rs.getString(1), ReadModelJson.read(rs.getString(2), DisputeView.class));
                    }, ids.toArray());
            return found;
        }

        @Override
        public void insert(List<Map.Entry<String, DisputeView>> views) {
            jdbc.batchUpdate("INSERT INTO dispute_detail (case_number, document, last_sequence, dispute_id)"
                    + " VALUES (?, ?, ?, ?)", columns(views));
        }

        @Override
        public void update(List<Map.Entry<String, DisputeView>> views) {
            jdbc.batchUpdate("UPDATE dispute_detail SET case_number = ?, document = ?, last_sequence = ?"
                    + " WHERE dispute_id = ?", columns(views));
        }

        private static List<Object[]> columns(List<Map.Entry<String, DisputeView>> views) {
            return views.stream().map(entry -> new Object[]{entry.getValue().caseNumber,
                    ReadModelJson.write(entry.getValue()), entry.getValue().version, entry.getKey()}).toList();
        }
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

package org.weiquan.query.dispute;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.dispute.DisputeDetail;
import org.weiquan.api.dispute.DisputeQueries.FindDisputeQuery;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.query.cases.CaseDetailProjection;

import java.time.Instant;

/**
 * The dispute detail: the whole current state of one dispute as a JSON document.
 */
@Component
@ProcessingGroup(DisputeDetailProjection.PROCESSING_GROUP)
public class DisputeDetailProjection extends CaseDetailProjection<DisputeView, LabourDisputeEvent> {
    public static final String PROCESSING_GROUP = "dispute-detail";

    public DisputeDetailProjection(JdbcTemplate jdbc) {
        super(jdbc, PROCESSING_GROUP, DisputeView.MAPPING);
    }

    @EventHandler
    public void on(LabourDisputeEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        table.on(event, sequence, at);
    }

    /** The dispute, or {@code null} when the read model knows none with this id. */
    @QueryHandler
    public DisputeDetail handle(FindDisputeQuery query) {
        return table.find(query.disputeId().toString()).map(DisputeView::toDetail).orElse(null);
    }
}

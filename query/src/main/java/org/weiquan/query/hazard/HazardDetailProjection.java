package org.weiquan.query.hazard;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.hazard.HazardDetail;
import org.weiquan.api.hazard.HazardQueries.FindHazardQuery;
import org.weiquan.api.hazard.SafetyHazardEvent;
import org.weiquan.query.cases.CaseDetailProjection;

import java.time.Instant;

/**
 * The hazard detail: the whole current state of one hazard as a JSON document.
 */
@Component
@ProcessingGroup(HazardDetailProjection.PROCESSING_GROUP)
public class HazardDetailProjection extends CaseDetailProjection<HazardView, SafetyHazardEvent> {
    public static final String PROCESSING_GROUP = "hazard-detail";

    public HazardDetailProjection(JdbcTemplate jdbc) {
        super(jdbc, PROCESSING_GROUP, HazardView.MAPPING);
    }

    @EventHandler
    public void on(SafetyHazardEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        table.on(event, sequence, at);
    }

    /** The hazard, or {@code null} when the read model knows none with this id. */
    @QueryHandler
    public HazardDetail handle(FindHazardQuery query) {
        return table.find(query.hazardId().toString()).map(HazardView::toDetail).orElse(null);
    }
}

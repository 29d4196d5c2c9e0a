package org.weiquan.query.dispute;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.dispute.DisputeQueries.ListDisputesQuery;
import org.weiquan.api.dispute.DisputePage;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.query.cases.CaseListTable;
import org.weiquan.query.support.Where;

import java.time.Instant;

/**
 * The dispute list (case officers' work queue): one row per dispute with the columns the filters
 * need. Runs in its own tracking processor; its rows commit with its token.
 */
@Component
@ProcessingGroup(DisputeListProjection.PROCESSING_GROUP)
public class DisputeListProjection {
    public static final String PROCESSING_GROUP = "dispute-list";

    private final CaseListTable<DisputeView, LabourDisputeEvent> table;

    public DisputeListProjection(JdbcTemplate jdbc) {
        this.table = new CaseListTable<>(jdbc, PROCESSING_GROUP, DisputeView.MAPPING, columns -> columns
                .column("category", view -> view.category == null ? null : view.category.name())
                .column("mediator", view -> view.mediator)
                .column("worker_count", view -> view.workers.size())
                .column("collective", view -> view.collective));
    }

    @EventHandler
    public void on(LabourDisputeEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        table.on(event, sequence, at);
    }

    @ResetHandler
    public void reset() {
        table.reset();
    }

    @QueryHandler
    public DisputePage handle(ListDisputesQuery query) {
        Where where = table.filter(query.viewer(), query.status(), query.district(), query.officer(), query.overdue(),
                "mediator");
        Where.Page<DisputeView> found = table.page(where, query.page(), query.size());
        return new DisputePage(found.items().stream().map(DisputeView::toSummary).toList(), query.page(), query.size(),
                found.total());
    }
}

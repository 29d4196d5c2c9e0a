package org.weiquan.query.hazard;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.hazard.HazardPage;
import org.weiquan.api.hazard.HazardQueries.ListHazardsQuery;
import org.weiquan.api.hazard.SafetyHazardEvent;
import org.weiquan.query.cases.CaseListTable;
import org.weiquan.query.support.Where;

import java.time.Instant;

/**
 * The hazard list (inspectors' work queue, supervisors' watch on overdue rectifications): one row
 * per hazard with the columns the filters need. Runs in its own tracking processor; its rows commit
 * with its token.
 */
@Component
@ProcessingGroup(HazardListProjection.PROCESSING_GROUP)
public class HazardListProjection {
    public static final String PROCESSING_GROUP = "hazard-list";

    private final CaseListTable<HazardView, SafetyHazardEvent> table;

    public HazardListProjection(JdbcTemplate jdbc) {
        this.table = new CaseListTable<>(jdbc, PROCESSING_GROUP, HazardView.MAPPING, columns -> columns
                .column("severity", view -> view.severity.name())
                .column("reports_pending", view -> view.reportsPending())
                .column("listed_for_supervision", view -> view.listedForSupervision()));
    }

    @EventHandler
    public void on(SafetyHazardEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        table.on(event, sequence, at);
    }

    @ResetHandler
    public void reset() {
        table.reset();
    }

    @QueryHandler
    public HazardPage handle(ListHazardsQuery query) {
        Where where = table.filter(query.viewer(), query.status(), query.district(), query.officer(), query.overdue())
                .and("severity", query.severity());
        Where.Page<HazardView> found = table.page(where, query.page(), query.size());
        return new HazardPage(found.items().stream().map(HazardView::toSummary).toList(), query.page(), query.size(),
                found.total());
    }
}

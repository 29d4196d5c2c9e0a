package org.weiquan.query.legalaid;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.legalaid.LegalAidCasePage;
import org.weiquan.api.legalaid.LegalAidQueries.ListLegalAidCasesQuery;
import org.weiquan.api.legalaid.LegalAidCaseEvent;
import org.weiquan.query.cases.CaseListTable;
import org.weiquan.query.support.Where;

import java.time.Instant;

/**
 * The legal-aid list (the legal-aid officers' work queue): one row per case with the columns the
 * filters need and those the cross-kind case list reads. Runs in its own tracking processor; its rows
 * commit with its token.
 */
@Component
@ProcessingGroup(LegalAidListProjection.PROCESSING_GROUP)
public class LegalAidListProjection {
    public static final String PROCESSING_GROUP = "legal-aid-list";

    private final CaseListTable<LegalAidCaseView, LegalAidCaseEvent> table;

    public LegalAidListProjection(JdbcTemplate jdbc) {
        this.table = new CaseListTable<>(jdbc, PROCESSING_GROUP, LegalAidCaseView.MAPPING, columns -> columns
                .column("matter_category", view -> view.matterCategory.name())
                .column("lawyer_id", view -> view.lawyerId)
                .column("migrant_worker", view -> view.migrantWorker)
                .column("means_test_exempt", view -> view.meansTestExempt)
                .column("urgent_aid", view -> view.urgentAidActive()));
    }

    @EventHandler
    public void on(LegalAidCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        table.on(event, sequence, at);
    }

    @ResetHandler
    public void reset() {
        table.reset();
    }

    @QueryHandler
    public LegalAidCasePage handle(ListLegalAidCasesQuery query) {
        Where where = table.filter(query.viewer(), query.status(), query.district(), query.officer(), query.overdue(),
                "lawyer_id");
        Where.Page<LegalAidCaseView> found = table.page(where, query.page(), query.size());
        return new LegalAidCasePage(found.items().stream().map(LegalAidCaseView::toSummary).toList(), query.page(), query.size(),
                found.total());
    }
}

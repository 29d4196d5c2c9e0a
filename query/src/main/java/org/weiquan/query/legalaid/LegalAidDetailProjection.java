package org.weiquan.query.legalaid;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.legalaid.LegalAidCaseDetail;
import org.weiquan.api.legalaid.LegalAidQueries.FindLegalAidCaseQuery;
import org.weiquan.api.legalaid.LegalAidCaseEvent;
import org.weiquan.query.cases.CaseDetailProjection;

import java.time.Instant;

/**
 * The legal-aid detail: the whole current state of one case as a JSON document.
 */
@Component
@ProcessingGroup(LegalAidDetailProjection.PROCESSING_GROUP)
public class LegalAidDetailProjection extends CaseDetailProjection<LegalAidCaseView, LegalAidCaseEvent> {
    public static final String PROCESSING_GROUP = "legal-aid-detail";

    public LegalAidDetailProjection(JdbcTemplate jdbc) {
        super(jdbc, PROCESSING_GROUP, LegalAidCaseView.MAPPING);
    }

    @EventHandler
    public void on(LegalAidCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        table.on(event, sequence, at);
    }

    /** The case, or {@code null} when the read model knows none with this id. */
    @QueryHandler
    public LegalAidCaseDetail handle(FindLegalAidCaseQuery query) {
        return table.find(query.legalAidCaseId().toString()).map(LegalAidCaseView::toDetail).orElse(null);
    }
}

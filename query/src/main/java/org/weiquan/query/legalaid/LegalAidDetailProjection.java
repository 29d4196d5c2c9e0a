package org.weiquan.query.legalaid;

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
import org.weiquan.api.legalaid.LegalAidCaseDetail;
import org.weiquan.api.legalaid.LegalAidCaseEvent;
import org.weiquan.api.legalaid.LegalAidQueries.FindLegalAidCaseQuery;
import org.weiquan.query.support.BatchedViews;
import org.weiquan.query.support.JdbcViewRows;
import org.weiquan.query.support.ReadModelJson;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The legal-aid detail: the whole current state of one case as a JSON document. */
@Component
@ProcessingGroup(LegalAidDetailProjection.PROCESSING_GROUP)
public class LegalAidDetailProjection {
    public static final String PROCESSING_GROUP = "legal-aid-detail";

    private final JdbcTemplate jdbc;
    private final BatchedViews<LegalAidCaseView> views;

    public LegalAidDetailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcViewRows<LegalAidCaseView> rows = JdbcViewRows.table(jdbc, "legal_aid_detail", "legal_aid_case_id", "document", LegalAidCaseView.class)
                .column("case_number", view -> view.caseNumber)
                .column("last_sequence", view -> view.version)
                .build();
        this.views = new BatchedViews<>(PROCESSING_GROUP, rows, LegalAidCaseView::new, LegalAidDetailProjection::caseOf);
    }

    @EventHandler
    public void on(LegalAidCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.update(event.legalAidCaseId().toString(), view -> view.apply(event, sequence, at));
    }

    @EventHandler
    public void on(CaseLinkedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.kind() == CaseKind.LEGAL_AID) {
            views.update(event.caseId(), view -> view.link(event, sequence, at));
        }
    }

    /** The case whose detail an event changes, or {@code null}. */
    private static String caseOf(EventMessage<?> message) {
        if (message.getPayload() instanceof LegalAidCaseEvent event) return event.legalAidCaseId().toString();
        if (message.getPayload() instanceof CaseLinkedEvent link && link.kind() == CaseKind.LEGAL_AID) {
            return link.caseId();
        }
        return null;
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM legal_aid_detail");
    }

    /** The case, or {@code null} when the read model knows none with this id. */
    @QueryHandler
    public LegalAidCaseDetail handle(FindLegalAidCaseQuery query) {
        return load(query.legalAidCaseId().toString()).map(LegalAidCaseView::toDetail).orElse(null);
    }

    private Optional<LegalAidCaseView> load(String id) {
        List<String> stored = jdbc.queryForList("SELECT document FROM legal_aid_detail WHERE legal_aid_case_id = ?",
                String.class, id);
        return stored.stream().findFirst().map(json -> ReadModelJson.read(json, LegalAidCaseView.class));
    }
}

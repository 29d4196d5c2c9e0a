package org.weiquan.query.legalaid;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.legalaid.LegalAidCaseEvent;
import org.weiquan.api.legalaid.LegalAidCasePage;
import org.weiquan.api.legalaid.LegalAidCaseSummary;
import org.weiquan.api.legalaid.LegalAidQueries.ListLegalAidCasesQuery;
import org.weiquan.query.support.BatchedViews;
import org.weiquan.query.support.JdbcViewRows;
import org.weiquan.query.support.ReadModelJson;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The legal-aid list (the legal-aid officers' work queue): one row per case with the columns the
 * filters need and those the cross-kind case list reads. Runs in its own tracking processor; its rows
 * commit with its token.
 */
@Component
@ProcessingGroup(LegalAidListProjection.PROCESSING_GROUP)
public class LegalAidListProjection {
    public static final String PROCESSING_GROUP = "legal-aid-list";

    private final JdbcTemplate jdbc;
    private final BatchedViews<LegalAidCaseView> views;

    public LegalAidListProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcViewRows<LegalAidCaseView> rows = JdbcViewRows.table(jdbc, "legal_aid_list", "legal_aid_case_id", "state", LegalAidCaseView.class)
                .column("case_number", view -> view.caseNumber)
                .column("status", view -> view.status.name())
                .column("is_open", view -> view.status.isOpen())
                .column("district", view -> view.district)
                .column("organisation", view -> view.organisation)
                .column("officer_in_charge", view -> view.officerInCharge)
                .column("overdue", view -> view.overdue())
                .column("next_deadline", view -> toDate(view.nextDeadline()))
                .column("opened_on", view -> toDate(view.appliedOn))
                .column("party_masked", view -> view.applicantMasked())
                .column("employer_name", view -> view.employer == null ? null : view.employer.name())
                .column("credit_code", view -> view.employer == null ? null : view.employer.creditCode())
                .column("search_text", view -> view.searchText())
                .column("last_changed_at", view -> view.lastChangedAt.atOffset(ZoneOffset.UTC))
                .column("matter_category", view -> view.matterCategory.name())
                .column("lawyer_id", view -> view.lawyerId)
                .column("migrant_worker", view -> view.migrantWorker)
                .column("means_test_exempt", view -> view.meansTestExempt)
                .column("urgent_aid", view -> view.urgentAidActive())
                .column("last_sequence", view -> view.version)
                .build();
        this.views = new BatchedViews<>(PROCESSING_GROUP, rows, LegalAidCaseView::new,
                message -> message.getPayload() instanceof LegalAidCaseEvent event ? event.legalAidCaseId().toString() : null);
    }

    @EventHandler
    public void on(LegalAidCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.update(event.legalAidCaseId().toString(), view -> view.apply(event, sequence, at));
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM legal_aid_list");
    }

    @QueryHandler
    public LegalAidCasePage handle(ListLegalAidCasesQuery query) {
        StringBuilder where = new StringBuilder(" WHERE (organisation = ? OR organisation LIKE ? ESCAPE '\\')");
        List<Object> args = new ArrayList<>();
        args.add(query.viewer().value());
        args.add(escapeLike(query.viewer().value()) + "/%");
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        }
        if (query.district() != null) {
            where.append(" AND district = ?");
            args.add(query.district().name());
        }
        if (query.officer() != null) {
            where.append(" AND (officer_in_charge = ? OR lawyer_id = ?)");
            args.add(query.officer().value());
            args.add(query.officer().value());
        }
        if (query.overdue() != null) {
            where.append(" AND overdue = ?");
            args.add(query.overdue());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM legal_aid_list" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<LegalAidCaseSummary> items = jdbc.query("SELECT state FROM legal_aid_list" + where
                        + " ORDER BY opened_on DESC, case_number DESC LIMIT ? OFFSET ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), LegalAidCaseView.class).toSummary(),
                pageArgs.toArray());
        return new LegalAidCasePage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Date toDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}

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
import org.weiquan.api.dispute.DisputeSummary;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.query.support.BatchedViews;
import org.weiquan.query.support.JdbcViewRows;
import org.weiquan.query.support.ReadModelJson;

import java.sql.Date;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The dispute list (case officers' work queue): one row per dispute with the columns the filters
 * need. Runs in its own tracking processor; its rows commit with its token.
 */
@Component
@ProcessingGroup(DisputeListProjection.PROCESSING_GROUP)
public class DisputeListProjection {
    public static final String PROCESSING_GROUP = "dispute-list";

    private static final String COLUMNS = "case_number, status, district, organisation, category, officer_in_charge,"
            + " mediator, lead_worker_masked, worker_count, employer_name, credit_code, collective, is_open, overdue,"
            + " next_deadline, applied_on, last_changed_at, search_text, state, last_sequence";

    private final JdbcTemplate jdbc;
    private final BatchedViews<DisputeView> views;

    public DisputeListProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcViewRows<DisputeView> rows = JdbcViewRows.table(jdbc, "dispute_list", "dispute_id", "state", DisputeView.class)
                .column("case_number", view -> view.caseNumber)
                .column("status", view -> view.status.name())
                .column("district", view -> view.district)
                .column("organisation", view -> view.organisation)
                .column("category", view -> view.category == null ? null : view.category.name())
                .column("officer_in_charge", view -> view.officerInCharge)
                .column("mediator", view -> view.mediator)
                .column("lead_worker_masked", view -> view.leadWorkerMasked())
                .column("worker_count", view -> view.workers.size())
                .column("employer_name", view -> view.employer == null ? null : view.employer.name())
                .column("credit_code", view -> view.employer == null ? null : view.employer.creditCode())
                .column("collective", view -> view.collective)
                .column("is_open", view -> view.status.isOpen())
                .column("overdue", view -> view.overdue())
                .column("next_deadline", view -> toDate(view.nextDeadline()))
                .column("applied_on", view -> toDate(view.appliedOn))
                .column("last_changed_at", view -> view.lastChangedAt.atOffset(ZoneOffset.UTC))
                .column("search_text", view -> view.searchText())
                .column("last_sequence", view -> view.version)
                .build();
        this.views = new BatchedViews<>(PROCESSING_GROUP, rows, DisputeView::new,
                message -> message.getPayload() instanceof LabourDisputeEvent event ? event.disputeId().toString() : null);
    }

    @EventHandler
    public void on(LabourDisputeEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.update(event.disputeId().toString(), view -> view.apply(event, sequence, at));
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM dispute_list");
    }

    @QueryHandler
    public DisputePage handle(ListDisputesQuery query) {
        StringBuilder where = new StringBuilder(" WHERE (organisation = ? OR organisation LIKE ?)");
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
            where.append(" AND (officer_in_charge = ? OR mediator = ?)");
            args.add(query.officer().value());
            args.add(query.officer().value());
        }
        if (query.overdue() != null) {
            where.append(" AND overdue = ?");
            args.add(query.overdue());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM dispute_list" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<DisputeSummary> items = jdbc.query("SELECT state FROM dispute_list" + where
                        + " ORDER BY applied_on DESC, case_number DESC LIMIT ? OFFSET ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), DisputeView.class).toSummary(), pageArgs.toArray());
        return new DisputePage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Date toDate(java.time.LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}

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
import org.weiquan.api.hazard.HazardSummary;
import org.weiquan.api.hazard.SafetyHazardEvent;
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
 * The hazard list (inspectors' work queue, supervisors' watch on overdue rectifications): one row
 * per hazard with the columns the filters need. Runs in its own tracking processor; its rows commit
 * with its token.
 */
@Component
@ProcessingGroup(HazardListProjection.PROCESSING_GROUP)
public class HazardListProjection {
    public static final String PROCESSING_GROUP = "hazard-list";

    private final JdbcTemplate jdbc;
    private final BatchedViews<HazardView> views;

    public HazardListProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcViewRows<HazardView> rows = JdbcViewRows.table(jdbc, "hazard_list", "hazard_id", "state", HazardView.class)
                .column("case_number", view -> view.caseNumber)
                .column("status", view -> view.status.name())
                .column("is_open", view -> view.status.isOpen())
                .column("district", view -> view.district)
                .column("organisation", view -> view.organisation)
                .column("officer_in_charge", view -> view.inspector)
                .column("overdue", view -> view.overdue())
                .column("next_deadline", view -> toDate(view.nextDeadline()))
                .column("opened_on", view -> toDate(view.foundOn))
                .column("employer_name", view -> view.employer == null ? null : view.employer.name())
                .column("credit_code", view -> view.employer == null ? null : view.employer.creditCode())
                .column("search_text", view -> view.searchText())
                .column("last_changed_at", view -> view.lastChangedAt.atOffset(ZoneOffset.UTC))
                .column("last_sequence", view -> view.version)
                .column("severity", view -> view.severity.name())
                .column("reports_pending", view -> view.reportsPending())
                .column("listed_for_supervision", view -> view.listedForSupervision())
                .build();
        this.views = new BatchedViews<>(PROCESSING_GROUP, rows, HazardView::new,
                message -> message.getPayload() instanceof SafetyHazardEvent event ? event.hazardId().toString() : null);
    }

    @EventHandler
    public void on(SafetyHazardEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.update(event.hazardId().toString(), view -> view.apply(event, sequence, at));
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM hazard_list");
    }

    @QueryHandler
    public HazardPage handle(ListHazardsQuery query) {
        StringBuilder where = new StringBuilder(" WHERE (organisation = ? OR organisation LIKE ? ESCAPE '\\')");
        List<Object> args = new ArrayList<>();
        args.add(query.viewer().value());
        args.add(escapeLike(query.viewer().value()) + "/%");
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        }
        if (query.severity() != null) {
            where.append(" AND severity = ?");
            args.add(query.severity().name());
        }
        if (query.district() != null) {
            where.append(" AND district = ?");
            args.add(query.district().name());
        }
        if (query.officer() != null) {
            where.append(" AND officer_in_charge = ?");
            args.add(query.officer().value());
        }
        if (query.overdue() != null) {
            where.append(" AND overdue = ?");
            args.add(query.overdue());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM hazard_list" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<HazardSummary> items = jdbc.query("SELECT state FROM hazard_list" + where
                        + " ORDER BY opened_on DESC, case_number DESC LIMIT ? OFFSET ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), HazardView.class).toSummary(), pageArgs.toArray());
        return new HazardPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Date toDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}

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

    public HazardListProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(SafetyHazardEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String id = event.hazardId().toString();
        List<String> stored = jdbc.queryForList("SELECT state FROM hazard_list WHERE hazard_id = ?", String.class, id);
        HazardView view = stored.isEmpty() ? new HazardView() : ReadModelJson.read(stored.get(0), HazardView.class);
        if (!view.apply(event, sequence, at)) return;
        // party_masked stays null: a hazard names no worker.
        Object[] columns = {view.caseNumber, view.status.name(), view.status.isOpen(), view.district,
                view.organisation, view.inspector, view.overdue(), toDate(view.nextDeadline()), toDate(view.foundOn),
                view.employer == null ? null : view.employer.name(),
                view.employer == null ? null : view.employer.creditCode(), view.searchText(),
                at.atOffset(ZoneOffset.UTC), ReadModelJson.write(view), view.version, view.severity.name(),
                view.reportsPending(), view.listedForSupervision(), id};
        int updated = jdbc.update("UPDATE hazard_list SET case_number = ?, status = ?, is_open = ?, district = ?,"
                + " organisation = ?, officer_in_charge = ?, overdue = ?, next_deadline = ?, opened_on = ?,"
                + " employer_name = ?, credit_code = ?, search_text = ?, last_changed_at = ?,"
                + " state = ?, last_sequence = ?, severity = ?, reports_pending = ?, listed_for_supervision = ?"
                + " WHERE hazard_id = ?", columns);
        if (updated == 0) {
            jdbc.update("INSERT INTO hazard_list (case_number, status, is_open, district, organisation,"
                    + " officer_in_charge, overdue, next_deadline, opened_on, employer_name, credit_code,"
                    + " search_text, last_changed_at, state, last_sequence, severity, reports_pending,"
                    + " listed_for_supervision, hazard_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columns);
        }
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

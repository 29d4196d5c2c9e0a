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

    public LegalAidListProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(LegalAidCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String id = event.legalAidCaseId().toString();
        List<String> stored = jdbc.queryForList("SELECT state FROM legal_aid_list WHERE legal_aid_case_id = ?",
                String.class, id);
        LegalAidCaseView view = stored.isEmpty() ? new LegalAidCaseView()
                : ReadModelJson.read(stored.get(0), LegalAidCaseView.class);
        if (!view.apply(event, sequence, at)) return;
        Object[] columns = {view.caseNumber, view.status.name(), view.status.isOpen(), view.district,
                view.organisation, view.officerInCharge, view.overdue(), toDate(view.nextDeadline()),
                toDate(view.appliedOn), view.applicantMasked(), view.employer == null ? null : view.employer.name(),
                view.employer == null ? null : view.employer.creditCode(), view.searchText(),
                at.atOffset(ZoneOffset.UTC), view.matterCategory.name(), view.lawyerId, view.migrantWorker,
                view.meansTestExempt, view.urgentAidActive(), ReadModelJson.write(view), view.version, id};
        int updated = jdbc.update("UPDATE legal_aid_list SET case_number = ?, status = ?, is_open = ?, district = ?,"
                + " organisation = ?, officer_in_charge = ?, overdue = ?, next_deadline = ?, opened_on = ?,"
                + " party_masked = ?, employer_name = ?, credit_code = ?, search_text = ?, last_changed_at = ?,"
                + " matter_category = ?, lawyer_id = ?, migrant_worker = ?, means_test_exempt = ?, urgent_aid = ?,"
                + " state = ?, last_sequence = ? WHERE legal_aid_case_id = ?", columns);
        if (updated == 0) {
            jdbc.update("INSERT INTO legal_aid_list (case_number, status, is_open, district, organisation,"
                    + " officer_in_charge, overdue, next_deadline, opened_on, party_masked, employer_name, credit_code,"
                    + " search_text, last_changed_at, matter_category, lawyer_id, migrant_worker, means_test_exempt,"
                    + " urgent_aid, state, last_sequence, legal_aid_case_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columns);
        }
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

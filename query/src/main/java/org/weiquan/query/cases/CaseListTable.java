package org.weiquan.query.cases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.query.support.BatchedViews;
import org.weiquan.query.support.JdbcViewRows;
import org.weiquan.query.support.ReadModelJson;
import org.weiquan.query.support.Where;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A kind's list table ({@code <prefix>_list}): one row per case with the columns every kind's list
 * has (and the cross-kind {@code case_list} view reads), the kind's own columns, and the view as
 * JSON. Its projection handles the kind's events with {@link #on} and pages with {@link #page}.
 *
 * @param <V> the kind's view
 * @param <E> the kind's event type
 */
public final class CaseListTable<V extends CaseView<?>, E> {
    private final JdbcTemplate jdbc;
    private final ViewMapping<V, E> mapping;
    private final String table;
    private final BatchedViews<V> views;

    /** {@code ownColumns} adds the kind's own columns to the shared ones. */
    public CaseListTable(JdbcTemplate jdbc, String processingGroup, ViewMapping<V, E> mapping,
                         UnaryOperator<JdbcViewRows.Builder<V>> ownColumns) {
        this.jdbc = jdbc;
        this.mapping = mapping;
        this.table = mapping.tablePrefix() + "_list";
        JdbcViewRows.Builder<V> columns = JdbcViewRows.table(jdbc, table, mapping.idColumn(), "state", mapping.viewType())
                .column("case_number", view -> view.caseNumber)
                .column("status", CaseView::statusName)
                .column("is_open", CaseView::open)
                .column("district", view -> view.district)
                .column("organisation", view -> view.organisation)
                .column("officer_in_charge", CaseView::officer)
                .column("overdue", CaseView::overdue)
                .column("next_deadline", view -> toDate(view.nextDeadline()))
                .column("opened_on", view -> toDate(view.openedOn()))
                .column("party_masked", CaseView::partyMasked)
                .column("employer_name", CaseView::employerName)
                .column("credit_code", CaseView::creditCode)
                .column("search_text", CaseView::searchText)
                .column("last_changed_at", view -> view.lastChangedAt.atOffset(ZoneOffset.UTC))
                .column("last_sequence", view -> view.version);
        this.views = new BatchedViews<>(processingGroup, ownColumns.apply(columns).build(), mapping.blank(),
                message -> mapping.caseOf(message.getPayload()));
    }

    public void on(E event, long sequence, Instant at) {
        mapping.applyTo(views, event, sequence, at);
    }

    public void reset() {
        jdbc.update("DELETE FROM " + table);
    }

    /**
     * The filters every kind's list has, the absent ones left out: the cases of the viewer's
     * organisation and of every one below it, in this status and district, of this officer (in charge,
     * or in one of the kind's further officer columns), overdue or not.
     */
    public Where filter(OrganisationId viewer, Enum<?> status, District district, OfficerId officer, Boolean overdue,
                        String... furtherOfficerColumns) {
        String[] officerColumns = Stream.concat(Stream.of("officer_in_charge"), Stream.of(furtherOfficerColumns))
                .toArray(String[]::new);
        return Where.within("organisation", viewer.value())
                .and("status", status)
                .and("district", district)
                .andAny(officer == null ? null : officer.value(), officerColumns)
                .and("overdue", overdue);
    }

    /** One page of the matching views, the most recently opened first. */
    public Where.Page<V> page(Where where, int page, int size) {
        return where.page(jdbc, "state", table, "opened_on DESC, case_number DESC", page, size,
                (rs, row) -> ReadModelJson.read(rs.getString(1), mapping.viewType()));
    }

    private static Date toDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}

package org.weiquan.query.petition;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.api.petition.PetitionPage;
import org.weiquan.api.petition.PetitionQueries.ListPetitionsQuery;
import org.weiquan.api.petition.PetitionSummary;
import org.weiquan.query.support.ReadModelJson;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The petition list (the petition office's work queue): one row per petition with the columns the
 * filters and the cross-kind case list need. Runs in its own tracking processor; its rows commit
 * with its token.
 */
@Component
@ProcessingGroup(PetitionListProjection.PROCESSING_GROUP)
public class PetitionListProjection {
    public static final String PROCESSING_GROUP = "petition-list";

    private final JdbcTemplate jdbc;

    public PetitionListProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(PetitionEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String id = event.petitionId().toString();
        List<String> stored = jdbc.queryForList("SELECT state FROM petition_list WHERE petition_id = ?", String.class, id);
        PetitionView view = stored.isEmpty() ? new PetitionView() : ReadModelJson.read(stored.get(0), PetitionView.class);
        if (!view.apply(event, sequence, at)) return;
        Object[] columns = {view.caseNumber, view.status.name(), view.status.isOpen(), view.district,
                view.organisation, view.officerInCharge, view.handlingOfficer, view.overdue(),
                toDate(view.nextDeadline()), toDate(view.receivedOn), view.leadPetitionerMasked(),
                view.employer == null ? null : view.employer.name(),
                view.employer == null ? null : view.employer.creditCode(), view.channel.name(),
                view.subject == null ? null : view.subject.name(), view.petitioners.size(), view.collective,
                view.whistleblower, view.claimFinal, view.searchText(), at.atOffset(ZoneOffset.UTC),
                ReadModelJson.write(view), view.version, id};
        int updated = jdbc.update("UPDATE petition_list SET case_number = ?, status = ?, is_open = ?, district = ?,"
                + " organisation = ?, officer_in_charge = ?, handling_officer = ?, overdue = ?, next_deadline = ?,"
                + " opened_on = ?, party_masked = ?, employer_name = ?, credit_code = ?, channel = ?, subject = ?,"
                + " petitioner_count = ?, collective = ?, whistleblower = ?, claim_final = ?, search_text = ?,"
                + " last_changed_at = ?, state = ?, last_sequence = ? WHERE petition_id = ?", columns);
        if (updated == 0) {
            jdbc.update("INSERT INTO petition_list (case_number, status, is_open, district, organisation,"
                    + " officer_in_charge, handling_officer, overdue, next_deadline, opened_on, party_masked,"
                    + " employer_name, credit_code, channel, subject, petitioner_count, collective, whistleblower,"
                    + " claim_final, search_text, last_changed_at, state, last_sequence, petition_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columns);
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM petition_list");
    }

    @QueryHandler
    public PetitionPage handle(ListPetitionsQuery query) {
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
            where.append(" AND (officer_in_charge = ? OR handling_officer = ?)");
            args.add(query.officer().value());
            args.add(query.officer().value());
        }
        if (query.overdue() != null) {
            where.append(" AND overdue = ?");
            args.add(query.overdue());
        }
        if (query.channel() != null) {
            where.append(" AND channel = ?");
            args.add(query.channel().name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM petition_list" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<PetitionSummary> items = jdbc.query("SELECT state FROM petition_list" + where
                        + " ORDER BY opened_on DESC, case_number DESC LIMIT ? OFFSET ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PetitionView.class).toSummary(), pageArgs.toArray());
        return new PetitionPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Date toDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}

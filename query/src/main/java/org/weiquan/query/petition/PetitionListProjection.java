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
 * The petition list (the petition office's work queue): one row per petition with the columns the
 * filters and the cross-kind case list need. Runs in its own tracking processor; its rows commit
 * with its token.
 */
@Component
@ProcessingGroup(PetitionListProjection.PROCESSING_GROUP)
public class PetitionListProjection {
    public static final String PROCESSING_GROUP = "petition-list";

    private final JdbcTemplate jdbc;
    private final BatchedViews<PetitionView> views;

    public PetitionListProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcViewRows<PetitionView> rows = JdbcViewRows.table(jdbc, "petition_list", "petition_id", "state", PetitionView.class)
                .column("case_number", view -> view.caseNumber)
                .column("status", view -> view.status.name())
                .column("is_open", view -> view.status.isOpen())
                .column("district", view -> view.district)
                .column("organisation", view -> view.organisation)
                .column("officer_in_charge", view -> view.officerInCharge)
                .column("handling_officer", view -> view.handlingOfficer)
                .column("overdue", view -> view.overdue())
                .column("next_deadline", view -> toDate(view.nextDeadline()))
                .column("opened_on", view -> toDate(view.receivedOn))
                .column("party_masked", view -> view.leadPetitionerMasked())
                .column("employer_name", view -> view.employer == null ? null : view.employer.name())
                .column("credit_code", view -> view.employer == null ? null : view.employer.creditCode())
                .column("channel", view -> view.channel.name())
                .column("subject", view -> view.subject == null ? null : view.subject.name())
                .column("petitioner_count", view -> view.petitioners.size())
                .column("collective", view -> view.collective)
                .column("whistleblower", view -> view.whistleblower)
                .column("accused_organisation", view -> view.accusedOrganisation)
                .column("claim_final", view -> view.claimFinal)
                .column("search_text", view -> view.searchText())
                .column("last_changed_at", view -> view.lastChangedAt.atOffset(ZoneOffset.UTC))
                .column("last_sequence", view -> view.version)
                .build();
        this.views = new BatchedViews<>(PROCESSING_GROUP, rows, PetitionView::new,
                message -> message.getPayload() instanceof PetitionEvent event ? event.petitionId().toString() : null);
    }

    @EventHandler
    public void on(PetitionEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.update(event.petitionId().toString(), view -> view.apply(event, sequence, at));
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

package org.weiquan.query.petition;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.petition.PetitionPage;
import org.weiquan.api.petition.PetitionQueries.ListPetitionsQuery;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.query.cases.CaseListTable;
import org.weiquan.query.support.Where;

import java.time.Instant;

/**
 * The petition list (the petition office's work queue): one row per petition with the columns the
 * filters and the cross-kind case list need. Runs in its own tracking processor; its rows commit
 * with its token.
 */
@Component
@ProcessingGroup(PetitionListProjection.PROCESSING_GROUP)
public class PetitionListProjection {
    public static final String PROCESSING_GROUP = "petition-list";

    private final CaseListTable<PetitionView, PetitionEvent> table;

    public PetitionListProjection(JdbcTemplate jdbc) {
        this.table = new CaseListTable<>(jdbc, PROCESSING_GROUP, PetitionView.MAPPING, columns -> columns
                .column("handling_officer", view -> view.handlingOfficer)
                .column("channel", view -> view.channel.name())
                .column("subject", view -> view.subject == null ? null : view.subject.name())
                .column("petitioner_count", view -> view.petitioners.size())
                .column("collective", view -> view.collective)
                .column("whistleblower", view -> view.whistleblower)
                .column("accused_organisation", view -> view.accusedOrganisation)
                .column("claim_final", view -> view.claimFinal));
    }

    @EventHandler
    public void on(PetitionEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        table.on(event, sequence, at);
    }

    @ResetHandler
    public void reset() {
        table.reset();
    }

    @QueryHandler
    public PetitionPage handle(ListPetitionsQuery query) {
        Where where = table.filter(query.viewer(), query.status(), query.district(), query.officer(), query.overdue(),
                "handling_officer")
                .and("channel", query.channel());
        Where.Page<PetitionView> found = table.page(where, query.page(), query.size());
        return new PetitionPage(found.items().stream().map(PetitionView::toSummary).toList(), query.page(), query.size(),
                found.total());
    }
}

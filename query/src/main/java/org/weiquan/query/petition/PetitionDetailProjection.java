package org.weiquan.query.petition;

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
import org.weiquan.api.petition.PetitionDetail;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.api.petition.PetitionQueries.FindPetitionQuery;
import org.weiquan.query.support.BatchedViews;
import org.weiquan.query.support.JdbcViewRows;
import org.weiquan.query.support.ReadModelJson;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The petition detail: the whole current state of one petition as a JSON document, in full. What
 * the accused organisation may not see is withheld by the application when it answers.
 */
@Component
@ProcessingGroup(PetitionDetailProjection.PROCESSING_GROUP)
public class PetitionDetailProjection {
    public static final String PROCESSING_GROUP = "petition-detail";

    private final JdbcTemplate jdbc;
    private final BatchedViews<PetitionView> views;

    public PetitionDetailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcViewRows<PetitionView> rows = JdbcViewRows.table(jdbc, "petition_detail", "petition_id", "document", PetitionView.class)
                .column("case_number", view -> view.caseNumber)
                .column("last_sequence", view -> view.version)
                .build();
        this.views = new BatchedViews<>(PROCESSING_GROUP, rows, PetitionView::new, PetitionDetailProjection::caseOf);
    }

    @EventHandler
    public void on(PetitionEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.update(event.petitionId().toString(), view -> view.apply(event, sequence, at));
    }

    @EventHandler
    public void on(CaseLinkedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.kind() == CaseKind.PETITION) {
            views.update(event.caseId(), view -> view.link(event, sequence, at));
        }
    }

    /** The case whose detail an event changes, or {@code null}. */
    private static String caseOf(EventMessage<?> message) {
        if (message.getPayload() instanceof PetitionEvent event) return event.petitionId().toString();
        if (message.getPayload() instanceof CaseLinkedEvent link && link.kind() == CaseKind.PETITION) {
            return link.caseId();
        }
        return null;
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM petition_detail");
    }

    /** The petition, or {@code null} when the read model knows none with this id. */
    @QueryHandler
    public PetitionDetail handle(FindPetitionQuery query) {
        return load(query.petitionId().toString()).map(PetitionView::toDetail).orElse(null);
    }

    private Optional<PetitionView> load(String id) {
        List<String> stored = jdbc.queryForList("SELECT document FROM petition_detail WHERE petition_id = ?",
                String.class, id);
        return stored.stream().findFirst().map(json -> ReadModelJson.read(json, PetitionView.class));
    }
}

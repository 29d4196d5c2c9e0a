package org.weiquan.query.petition;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
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
import org.weiquan.query.support.ReadModelJson;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The petition detail: the whole current state of one petition as a JSON document, in full. What
 * the accused organisation may not see is withheld by the application when it answers.
 */
@Component
@ProcessingGroup(PetitionDetailProjection.PROCESSING_GROUP)
public class PetitionDetailProjection {
    public static final String PROCESSING_GROUP = "petition-detail";

    private final JdbcTemplate jdbc;

    public PetitionDetailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(PetitionEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.petitionId().toString(), view -> view.apply(event, sequence, at));
    }

    @EventHandler
    public void on(CaseLinkedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.kind() == CaseKind.PETITION) {
            update(event.caseId(), view -> view.link(event, sequence, at));
        }
    }

    private void update(String id, Predicate<PetitionView> change) {
        Optional<PetitionView> stored = load(id);
        PetitionView view = stored.orElseGet(PetitionView::new);
        if (!change.test(view)) return;
        String json = ReadModelJson.write(view);
        if (stored.isPresent()) {
            jdbc.update("UPDATE petition_detail SET case_number = ?, document = ?, last_sequence = ?"
                    + " WHERE petition_id = ?", view.caseNumber, json, view.version, id);
        } else {
            jdbc.update("INSERT INTO petition_detail (petition_id, case_number, document, last_sequence)"
                    + " VALUES (?, ?, ?, ?)", id, view.caseNumber, json, view.version);
        }
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

package org.weiquan.query.petition;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.petition.PetitionDetail;
import org.weiquan.api.petition.PetitionQueries.FindPetitionQuery;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.query.cases.CaseDetailProjection;

import java.time.Instant;

/**
 * The petition detail: the whole current state of one petition as a JSON document, in full. What
 * the accused organisation may not see is withheld by the application when it answers.
 */
@Component
@ProcessingGroup(PetitionDetailProjection.PROCESSING_GROUP)
public class PetitionDetailProjection extends CaseDetailProjection<PetitionView, PetitionEvent> {
    public static final String PROCESSING_GROUP = "petition-detail";

    public PetitionDetailProjection(JdbcTemplate jdbc) {
        super(jdbc, PROCESSING_GROUP, PetitionView.MAPPING);
    }

    @EventHandler
    public void on(PetitionEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        table.on(event, sequence, at);
    }

    /** The petition, or {@code null} when the read model knows none with this id. */
    @QueryHandler
    public PetitionDetail handle(FindPetitionQuery query) {
        return table.find(query.petitionId().toString()).map(PetitionView::toDetail).orElse(null);
    }
}

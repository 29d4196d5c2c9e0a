package org.weiquan.query.hazard;

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
import org.weiquan.api.hazard.HazardDetail;
import org.weiquan.api.hazard.HazardQueries.FindHazardQuery;
import org.weiquan.api.hazard.SafetyHazardEvent;
import org.weiquan.query.support.ReadModelJson;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The hazard detail: the whole current state of one hazard as a JSON document. */
@Component
@ProcessingGroup(HazardDetailProjection.PROCESSING_GROUP)
public class HazardDetailProjection {
    public static final String PROCESSING_GROUP = "hazard-detail";

    private final JdbcTemplate jdbc;

    public HazardDetailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(SafetyHazardEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.hazardId().toString(), view -> view.apply(event, sequence, at));
    }

    @EventHandler
    public void on(CaseLinkedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.kind() == CaseKind.SAFETY_HAZARD) {
            update(event.caseId(), view -> view.link(event, sequence, at));
        }
    }

    private void update(String id, Predicate<HazardView> change) {
        Optional<HazardView> stored = load(id);
        HazardView view = stored.orElseGet(HazardView::new);
        if (!change.test(view)) return;
        String json = ReadModelJson.write(view);
        if (stored.isPresent()) {
            jdbc.update("UPDATE hazard_detail SET case_number = ?, document = ?, last_sequence = ? WHERE hazard_id = ?",
                    view.caseNumber, json, view.version, id);
        } else {
            jdbc.update("INSERT INTO hazard_detail (hazard_id, case_number, document, last_sequence) VALUES (?, ?, ?, ?)",
                    id, view.caseNumber, json, view.version);
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM hazard_detail");
    }

    /** The hazard, or {@code null} when the read model knows none with this id. */
    @QueryHandler
    public HazardDetail handle(FindHazardQuery query) {
        return load(query.hazardId().toString()).map(HazardView::toDetail).orElse(null);
    }

    private Optional<HazardView> load(String id) {
        List<String> stored = jdbc.queryForList("SELECT document FROM hazard_detail WHERE hazard_id = ?", String.class, id);
        return stored.stream().findFirst().map(json -> ReadModelJson.read(json, HazardView.class));
    }
}

package org.weiquan.query.petition;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.petition.FinalityBasis;
import org.weiquan.api.petition.PetitionClosureReason;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.api.petition.PetitionEvent.ClaimBecameFinalEvent;
import org.weiquan.api.petition.PetitionEvent.CollectiveVisitAlertRaisedEvent;
import org.weiquan.api.petition.PetitionEvent.MaterialAddedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionClosedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionNotAcceptedEvent;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.query.history.CaseHistoryProjection;
import org.weiquan.query.petition.PetitionLog.Recorded;
import org.weiquan.query.support.ReadModelDatabase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.query.petition.PetitionEvents.accepted;
import static org.weiquan.query.petition.PetitionEvents.assigned;
import static org.weiquan.query.petition.PetitionEvents.assignmentOverdue;
import static org.weiquan.query.petition.PetitionEvents.noticeOverdue;
import static org.weiquan.query.petition.PetitionEvents.registered;
import static org.weiquan.query.petition.PetitionEvents.replied;
import static org.weiquan.query.petition.PetitionLog.newId;
import static org.weiquan.query.petition.PetitionLog.receipt;

/** The petition read models can be thrown away and rebuilt from the event log: a replay gives what the live run gave. */
class PetitionReplayTest {
    private static final List<String> TABLES = List.of("petition_list", "petition_detail", "case_history");

    private ReadModelDatabase database;
    private PetitionListProjection list;
    private PetitionDetailProjection detail;
    private CaseHistoryProjection history;
    private List<Recorded> eventLog;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        list = new PetitionListProjection(database.jdbc());
        detail = new PetitionDetailProjection(database.jdbc());
        history = new CaseHistoryProjection(database.jdbc());
        eventLog = interleaved(finalPetition(), collectiveVisit(), declinedPetition(), whistleblowerPetition());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private static PetitionLog finalPetition() {
        PetitionId id = newId();
        return PetitionLog.of(id, Instant.parse("2026-03-02T01:30:00.000001Z")).append(
                receipt(id).caseNumber("PT-2026-000001").build(), registered(id), assigned(id, "officer.zhou"),
                accepted(id), replied(id), new PetitionClosedEvent(id, PetitionClosureReason.RESOLVED, "办结"),
                new ClaimBecameFinalEvent(id, FinalityBasis.REVIEW_NOT_REQUESTED, LocalDate.of(2026, 5, 21)));
    }

    private static PetitionLog collectiveVisit() {
        PetitionId id = newId();
        return PetitionLog.of(id, Instant.parse("2026-03-03T08:00:00Z")).append(
                receipt(id).caseNumber("PT-2026-000002").organisation("szftu/kunshan").district(District.KUNSHAN)
                        .visit(20, true).receivedOn(LocalDate.of(2026, 3, 3)).build(),
                new CollectiveVisitAlertRaisedEvent(id, new CaseNumber("PT-2026-000002"), 20, District.KUNSHAN),
                assignmentOverdue(id));
    }

    private static PetitionLog declinedPetition() {
        PetitionId id = newId();
        return PetitionLog.of(id, Instant.parse("2026-03-02T09:15:30Z")).append(
                receipt(id).caseNumber("PT-2026-000003").build(), registered(id), assigned(id, null),
                noticeOverdue(id), new PetitionNotAcceptedEvent(id, LocalDate.of(2026, 3, 20), "已仲裁", false),
                new PetitionClosedEvent(id, PetitionClosureReason.NOT_ACCEPTED, null));
    }

    private static PetitionLog whistleblowerPetition() {
        PetitionId id = newId();
        return PetitionLog.of(id, Instant.parse("2026-03-04T10:00:00Z")).append(
                receipt(id).caseNumber("PT-2026-000004").whistleblowerAgainst("szftu/gusu/pingjiang").build(),
                new MaterialAddedEvent(id, 1, "举报信.pdf", "application/pdf", 9_999, "c".repeat(64), true));
    }

    /** The streams merged as the event store would deliver them: by timestamp. */
    private static List<Recorded> interleaved(PetitionLog... logs) {
        List<Recorded> all = new ArrayList<>();
        for (PetitionLog log : logs) all.addAll(log.events());
        all.sort(Comparator.comparing(Recorded::at));
        return all;
    }

    private void deliverAll() {
        for (Recorded recorded : eventLog) {
            list.on(recorded.payload(), recorded.sequence(), recorded.at());
            detail.on(recorded.payload(), recorded.sequence(), recorded.at());
            DomainEventMessage<PetitionEvent> message = recorded.message();
            history.on(message.getPayload(), message);
        }
    }

    private long count(String table) {
        return database.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("petition_list", database.jdbc().queryForList("SELECT * FROM petition_list ORDER BY petition_id"));
        tables.put("petition_detail", database.jdbc().queryForList(
                "SELECT * FROM petition_detail ORDER BY petition_id"));
        tables.put("case_history", database.rows("case_history"));
        return tables;
    }

    @Test
    void each_reset_handler_empties_its_own_table_and_no_other() {
        deliverAll();
        assertThat(count("petition_list")).isEqualTo(4);
        assertThat(count("petition_detail")).isEqualTo(4);
        assertThat(count("case_history")).isEqualTo(eventLog.size());

        list.reset();
        assertThat(count("petition_list")).isZero();
        assertThat(count("petition_detail")).isEqualTo(4);

        detail.reset();
        assertThat(count("petition_detail")).isZero();
        assertThat(count("case_history")).isEqualTo(eventLog.size());
    }

    @Test
    void a_replay_after_reset_gives_exactly_the_rows_of_the_live_run() {
        deliverAll();
        Map<String, List<Map<String, Object>>> live = snapshot();
        assertThat(live.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

        list.reset();
        detail.reset();
        history.reset();
        deliverAll();

        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void a_replay_without_reset_changes_nothing() {
        deliverAll();
        Map<String, List<Map<String, Object>>> live = snapshot();

        deliverAll();

        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void axon_invokes_the_handlers_and_reset_handlers_as_the_direct_calls_do() throws Exception {
        deliverAll();
        Map<String, List<Map<String, Object>>> direct = snapshot();
        List<EventMessageHandler> handlers = List.of(new AnnotationEventHandlerAdapter(list),
                new AnnotationEventHandlerAdapter(detail), new AnnotationEventHandlerAdapter(history));

        for (EventMessageHandler handler : handlers) {
            assertThat(handler.supportsReset()).isTrue();
            handler.prepareReset();
        }
        assertThat(TABLES).allSatisfy(table -> assertThat(count(table)).isZero());

        for (Recorded recorded : eventLog) {
            for (EventMessageHandler handler : handlers) {
                if (handler.canHandle(recorded.message())) handler.handle(recorded.message());
            }
        }

        assertThat(snapshot()).isEqualTo(direct);
    }
}

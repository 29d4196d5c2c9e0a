package org.weiquan.query.hazard;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.District;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.hazard.HazardClosureReason;
import org.weiquan.api.hazard.HazardId;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.hazard.SafetyHazardEvent;
import org.weiquan.api.hazard.VerificationOutcome;
import org.weiquan.query.history.CaseHistoryProjection;
import org.weiquan.query.support.HazardLog;
import org.weiquan.query.support.HazardLog.Recorded;
import org.weiquan.query.support.ReadModelDatabase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.api.hazard.ReportRecipient.WORKERS_CONGRESS;
import static org.weiquan.api.hazard.ReportRecipient.WORK_SAFETY_AUTHORITY;
import static org.weiquan.query.support.HazardLog.newId;
import static org.weiquan.query.support.HazardLog.report;

/** The hazard read models can be thrown away and rebuilt from the log: a replay gives what the live run gave. */
class HazardProjectionReplayTest {
    private static final Map<String, String> TABLES = Map.of(
            "hazard_list", "hazard_id", "hazard_detail", "hazard_id", "case_history", "case_id, sequence_number");

    private ReadModelDatabase database;
    private HazardListProjection list;
    private HazardDetailProjection detail;
    private CaseHistoryProjection history;
    private List<Recorded> eventLog;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        list = new HazardListProjection(database.jdbc());
        detail = new HazardDetailProjection(database.jdbc());
        history = new CaseHistoryProjection(database.jdbc());
        eventLog = interleaved(rectifiedHazard(), majorHazardAwaitingClosure(), overdueHazard(), withdrawnHazard());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private static HazardLog rectifiedHazard() {
        HazardId id = newId();
        HazardLog log = HazardLog.of(id, Instant.parse("2026-03-02T01:30:00.000001Z"));
        return log.append(
                report(id).caseNumber("SH-2026-000001").build(),
                HazardEvents.notice(id),
                HazardEvents.answer(id, 1, LocalDate.of(2026, 3, 10), true),
                HazardEvents.submitted(id, 1, LocalDate.of(2026, 3, 25), true),
                HazardEvents.verified(id, 1, VerificationOutcome.FAILED),
                HazardEvents.reissued(id),
                log.link("0b7e9c3d-5a1f-4c2e-9d8b-6f4a2e1c7b90", CaseKind.PETITION, "PT-2026-000031",
                        LinkRelation.AROSE_FROM),
                HazardEvents.submitted(id, 2, LocalDate.of(2026, 4, 20), true),
                HazardEvents.verified(id, 2, VerificationOutcome.PASSED),
                HazardEvents.closed(id, HazardClosureReason.RECTIFIED, LocalDate.of(2026, 4, 22), false));
    }

    private static HazardLog majorHazardAwaitingClosure() {
        HazardId id = newId();
        return HazardLog.of(id, Instant.parse("2026-03-04T08:00:00Z")).by("officer.chen", "OFFICER", "szftu/kunshan")
                .append(
                        report(id).caseNumber("SH-2026-000002").organisation("szftu/kunshan")
                                .district(District.KUNSHAN).inspector("officer.chen")
                                .severity(HazardSeverity.MAJOR).build(),
                        HazardEvents.reportedTo(id, WORK_SAFETY_AUTHORITY),
                        HazardEvents.listed(id),
                        HazardEvents.evacuation(id, 1),
                        HazardEvents.notice(id),
                        HazardEvents.submitted(id, 1, LocalDate.of(2026, 3, 20), true),
                        HazardEvents.verified(id, 1, VerificationOutcome.PASSED),
                        HazardEvents.reportedTo(id, WORKERS_CONGRESS));
    }

    private static HazardLog overdueHazard() {
        HazardId id = newId();
        HazardLog log = HazardLog.of(id, Instant.parse("2026-03-01T02:00:00Z")).append(
                report(id).caseNumber("SH-2026-000003").foundOn(LocalDate.of(2026, 3, 1)).build(),
                HazardEvents.notice(id));
        return log.by("system", "SYSTEM", "szftu/gusu").append(HazardEvents.answerOverdue(id),
                HazardEvents.overdue(id, "SH-2026-000003", 1, HazardEvents.DUE_ON, false));
    }

    private static HazardLog withdrawnHazard() {
        HazardId id = newId();
        return HazardLog.of(id, Instant.parse("2026-03-05T09:15:30Z")).append(
                report(id).caseNumber("SH-2026-000004").organisation("szftu/gusu/pingjiang").build(),
                HazardEvents.escalated(id),
                HazardEvents.closed(id, HazardClosureReason.WITHDRAWN_AS_MISTAKEN, LocalDate.of(2026, 3, 6), false));
    }

    /** The streams merged as the event store would deliver them: by timestamp. */
    private static List<Recorded> interleaved(HazardLog... logs) {
        List<Recorded> all = new ArrayList<>();
        for (HazardLog log : logs) all.addAll(log.events());
        all.sort(Comparator.comparing(Recorded::at));
        return all;
    }

    private void deliverAll() {
        for (Recorded recorded : eventLog) {
            if (recorded.payload() instanceof SafetyHazardEvent event) {
                list.on(event, recorded.sequence(), recorded.at());
                detail.on(event, recorded.sequence(), recorded.at());
            } else {
                detail.on((CaseLinkedEvent) recorded.payload(), recorded.sequence(), recorded.at());
            }
            DomainEventMessage<Object> message = recorded.message();
            history.on(message.getPayload(), message);
        }
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> tables.put(table,
                database.jdbc().queryForList("SELECT * FROM " + table + " ORDER BY " + key)));
        return tables;
    }

    private long count(String table) {
        return database.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void each_reset_handler_empties_its_own_table_and_no_other() {
        deliverAll();
        assertThat(count("hazard_list")).isEqualTo(4);
        assertThat(count("hazard_detail")).isEqualTo(4);
        assertThat(count("case_history")).isEqualTo(eventLog.size());

        list.reset();
        assertThat(count("hazard_list")).isZero();
        assertThat(count("hazard_detail")).isEqualTo(4);

        detail.reset();
        assertThat(count("hazard_detail")).isZero();
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
        TABLES.keySet().forEach(table -> assertThat(count(table)).isZero());

        for (Recorded recorded : eventLog) {
            for (EventMessageHandler handler : handlers) {
                if (handler.canHandle(recorded.message())) handler.handle(recorded.message());
            }
        }

        assertThat(snapshot()).isEqualTo(direct);
    }

    @Test
    void the_history_names_each_hazard_event_by_its_stable_type_and_keeps_the_system_as_actor_of_escalations() {
        deliverAll();
        List<Map<String, Object>> overdue = database.jdbc().queryForList(
                "SELECT event_type, actor, actor_role FROM case_history WHERE event_type LIKE 'safety-hazard.%overdue'"
                        + " ORDER BY event_type");
        assertThat(overdue).extracting(row -> row.get("EVENT_TYPE"))
                .containsExactly("safety-hazard.employer-answer-overdue", "safety-hazard.rectification-overdue");
        assertThat(overdue).allSatisfy(row -> assertThat(row).containsEntry("ACTOR", "system")
                .containsEntry("ACTOR_ROLE", "SYSTEM"));
        assertThat(database.jdbc().queryForList("SELECT DISTINCT event_type FROM case_history", String.class))
                .allMatch(type -> type.startsWith("safety-hazard.") || type.equals("case.linked"));
    }
}

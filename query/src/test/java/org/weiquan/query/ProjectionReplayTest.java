package org.weiquan.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.dispute.AwardOutcome;
import org.weiquan.api.dispute.ClosureReason;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeClosedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeReferredToArbitrationEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationFailedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationPeriodExpiredEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationSessionRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediatorAssignedEvent;
import org.weiquan.api.dispute.Mediator;
import org.weiquan.api.dispute.LabourDisputeEvent.PaymentRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementReachedEvent;
import org.weiquan.query.dispute.DisputeDetailProjection;
import org.weiquan.query.dispute.DisputeListProjection;
import org.weiquan.query.history.CaseHistoryProjection;
import org.weiquan.query.support.DisputeLog;
import org.weiquan.query.support.DisputeLog.Filing;
import org.weiquan.query.support.DisputeLog.Recorded;
import org.weiquan.query.support.ReadModelDatabase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.query.support.DisputeLog.filing;
import static org.weiquan.query.support.DisputeLog.newId;

/** Read models can be thrown away and rebuilt from the event log: a replay gives what the live run gave. */
class ProjectionReplayTest {
    private static final List<String> TABLES = List.of("dispute_list", "dispute_detail", "case_history");

    private ReadModelDatabase database;
    private DisputeListProjection list;
    private DisputeDetailProjection detail;
    private CaseHistoryProjection history;
    private List<Recorded> eventLog;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        list = new DisputeListProjection(database.jdbc());
        detail = new DisputeDetailProjection(database.jdbc());
        history = new CaseHistoryProjection(database.jdbc());
        eventLog = interleaved(paidDispute(), awardedDispute(), overdueDispute(), withdrawnDispute());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private static DisputeLog paidDispute() {
        DisputeId id = newId();
        return DisputeLog.of(id, Instant.parse("2026-03-02T01:30:00.000001Z")).append(
                filing(id).caseNumber("LD-2026-000001").build(),
                new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3)),
                new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null),
                new MediationSessionRecordedEvent(id, 1, LocalDate.of(2026, 3, 5), "first"),
                new SettlementReachedEvent(id, new BigDecimal("10000.00"), LocalDate.of(2026, 3, 31), "terms"),
                new PaymentRecordedEvent(id, new BigDecimal("10000.00"), LocalDate.of(2026, 3, 30),
                        new BigDecimal("10000.00"), true),
                new DisputeClosedEvent(id, ClosureReason.RESOLVED, "paid"));
    }

    private static DisputeLog awardedDispute() {
        DisputeId id = newId();
        return DisputeLog.of(id, Instant.parse("2026-03-04T08:00:00Z"))
                .by("officer.chen", "OFFICER", "szftu/kunshan", "10.9.9.9").append(
                filing(id).caseNumber("LD-2026-000002").organisation("szftu/kunshan").district(District.KUNSHAN)
                        .officer("officer.chen").appliedOn(LocalDate.of(2026, 3, 4)).build(),
                new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 5)),
                new MediationFailedEvent(id, "employer absent"),
                new DisputeReferredToArbitrationEvent(id, LocalDate.of(2026, 3, 9), "昆山市劳动人事争议仲裁委员会",
                        LocalDate.of(2026, 3, 14)),
                new ArbitrationAcceptedEvent(id, LocalDate.of(2026, 3, 12), "昆劳仲案字[2026]第7号",
                        LocalDate.of(2026, 4, 27)),
                new ArbitrationAwardOverdueEvent(id, LocalDate.of(2026, 4, 27)),
                new ArbitrationAwardRecordedEvent(id, LocalDate.of(2026, 4, 29), AwardOutcome.DISMISSED, null,
                        false));
    }

    private static DisputeLog overdueDispute() {
        DisputeId id = newId();
        Filing filing = filing(id).caseNumber("LD-2026-000003").appliedOn(LocalDate.of(2026, 3, 1)).collective(true);
        return DisputeLog.of(id, Instant.parse("2026-03-01T02:00:00Z")).append(
                filing.build(),
                new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 2)),
                new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null),
                new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.wu"), "吴调解员"), new Mediator(new OfficerId("mediator.sun"), "孙调解员")),
                new MediationPeriodExpiredEvent(id, filing.mediationDueOn()));
    }

    private static DisputeLog withdrawnDispute() {
        DisputeId id = newId();
        return DisputeLog.of(id, Instant.parse("2026-03-05T09:15:30Z")).append(
                filing(id).caseNumber("LD-2026-000004").organisation("szftu/gusu/pingjiang").build(),
                new DisputeClosedEvent(id, ClosureReason.WITHDRAWN, "withdrawn"));
    }

    /** The streams merged as the event store would deliver them: by timestamp. */
    private static List<Recorded> interleaved(DisputeLog... logs) {
        List<Recorded> all = new ArrayList<>();
        for (DisputeLog log : logs) all.addAll(log.events());
        all.sort(Comparator.comparing(Recorded::at));
        return all;
    }

    private void deliverAll() {
        for (Recorded recorded : eventLog) {
            list.on(recorded.payload(), recorded.sequence(), recorded.at());
            detail.on(recorded.payload(), recorded.sequence(), recorded.at());
            DomainEventMessage<LabourDisputeEvent> message = recorded.message();
            history.on(message.getPayload(), message);
        }
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new java.util.LinkedHashMap<>();
        for (String table : TABLES) tables.put(table, database.rows(table));
        return tables;
    }

    @Test
    void each_reset_handler_empties_its_own_table_and_no_other() {
        deliverAll();
        assertThat(database.count("dispute_list")).isEqualTo(4);
        assertThat(database.count("dispute_detail")).isEqualTo(4);
        assertThat(database.count("case_history")).isEqualTo(eventLog.size());

        list.reset();
        assertThat(database.count("dispute_list")).isZero();
        assertThat(database.count("dispute_detail")).isEqualTo(4);
        assertThat(database.count("case_history")).isEqualTo(eventLog.size());

        detail.reset();
        assertThat(database.count("dispute_detail")).isZero();
        assertThat(database.count("case_history")).isEqualTo(eventLog.size());

        history.reset();
        assertThat(database.count("case_history")).isZero();
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
        assertThat(TABLES).allSatisfy(table -> assertThat(database.count(table)).isZero());

        for (Recorded recorded : eventLog) {
            for (EventMessageHandler handler : handlers) {
                if (handler.canHandle(recorded.message())) handler.handle(recorded.message());
            }
        }

        assertThat(snapshot()).isEqualTo(direct);
    }
}

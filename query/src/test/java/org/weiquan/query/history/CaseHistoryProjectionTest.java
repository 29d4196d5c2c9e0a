package org.weiquan.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.MetadataKeys;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeClosedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediatorAssignedEvent;
import org.weiquan.api.dispute.Mediator;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementReachedEvent;
import org.weiquan.api.dispute.ClosureReason;
import org.weiquan.api.query.CaseHistoryQuery;
import org.weiquan.api.query.HistoryEntry;
import org.weiquan.query.support.DisputeLog;
import org.weiquan.query.support.DisputeLog.Recorded;
import org.weiquan.query.support.ReadModelDatabase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.query.support.DisputeLog.filing;
import static org.weiquan.query.support.DisputeLog.newId;

class CaseHistoryProjectionTest {
    private static final Instant START = Instant.parse("2026-03-02T01:30:00.123456Z");

    private ReadModelDatabase database;
    private CaseHistoryProjection projection;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        projection = new CaseHistoryProjection(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private void deliver(Recorded recorded) {
        DomainEventMessage<LabourDisputeEvent> message = recorded.message();
        projection.on(message.getPayload(), message);
    }

    private List<HistoryEntry> history(DisputeId id) {
        return projection.handle(new CaseHistoryQuery(id.toString()));
    }

    private static DisputeLog mediation(DisputeId id) {
        return DisputeLog.of(id, START)
                .by("officer.li", "OFFICER", "szftu/gusu", "10.1.2.3")
                .append(filing(id).build(), new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3)))
                .by("supervisor.wang", "SUPERVISOR", "szftu", "2001:db8::7")
                .append(new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null))
                .by("mediator.sun", "OFFICER", "szftu/gusu", "10.1.2.4")
                .append(new SettlementReachedEvent(id, new BigDecimal("10000.00"), LocalDate.of(2026, 3, 31),
                        "two parts"));
    }

    @Test
    void the_history_lists_every_event_in_sequence_order_with_who_did_it_from_where() {
        DisputeId id = newId();
        DisputeLog log = mediation(id).deliverTo(this::deliver);

        List<HistoryEntry> entries = history(id);

        assertThat(entries).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(entries).extracting(HistoryEntry::eventType).containsExactly(
                "labour-dispute.filed", "labour-dispute.accepted", "labour-dispute.mediator-assigned",
                "labour-dispute.settlement-reached");
        assertThat(entries).extracting(HistoryEntry::actor)
                .containsExactly("officer.li", "officer.li", "supervisor.wang", "mediator.sun");
        assertThat(entries).extracting(HistoryEntry::actorRole)
                .containsExactly("OFFICER", "OFFICER", "SUPERVISOR", "OFFICER");
        assertThat(entries).extracting(HistoryEntry::organisation)
                .containsExactly("szftu/gusu", "szftu/gusu", "szftu", "szftu/gusu");
        assertThat(entries).extracting(HistoryEntry::clientAddress)
                .containsExactly("10.1.2.3", "10.1.2.3", "2001:db8::7", "10.1.2.4");
        for (HistoryEntry entry : entries) {
            Recorded recorded = log.event(entry.sequence());
            assertThat(entry.eventId()).isEqualTo(recorded.eventId());
            assertThat(entry.occurredAt()).isEqualTo(recorded.at());
            assertThat(entry.correlationId()).isEqualTo("req-" + id + "-" + entry.sequence());
            assertThat(entry.causationId()).isEqualTo("cmd-" + id + "-" + entry.sequence());
        }
    }

    @Test
    void the_history_is_in_sequence_order_whatever_the_order_of_delivery() {
        DisputeId id = newId();
        DisputeLog log = mediation(id);
        for (long sequence : new long[]{2, 0, 3, 1}) {
            deliver(log.event(sequence));
        }

        assertThat(history(id)).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void a_page_of_history_starts_after_the_given_sequence_and_holds_at_most_the_limit() {
        DisputeId id = newId();
        mediation(id).deliverTo(this::deliver);

        assertThat(projection.handle(new CaseHistoryQuery(id.toString(), -1, 3)))
                .extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L);
        assertThat(projection.handle(new CaseHistoryQuery(id.toString(), 2, 3)))
                .extracting(HistoryEntry::sequence).containsExactly(3L);
        assertThat(projection.handle(new CaseHistoryQuery(id.toString(), 3, 3))).isEmpty();
        assertThat(projection.handle(new CaseHistoryQuery(id.toString(), 1, 0)))
                .extracting(HistoryEntry::sequence).containsExactly(2L, 3L);
    }

    @Test
    void the_data_holds_the_event_fields_with_typed_ids_as_plain_strings() {
        DisputeId id = newId();
        mediation(id).deliverTo(this::deliver);

        List<HistoryEntry> entries = history(id);

        Map<String, Object> filed = entries.get(0).data();
        assertThat(filed.get("disputeId")).isEqualTo(id.toString());
        assertThat(filed.get("caseNumber")).isEqualTo("LD-2026-000001");
        assertThat(filed.get("organisation")).isEqualTo("szftu/gusu");
        assertThat(filed.get("officerInCharge")).isEqualTo("officer.li");
        assertThat(filed.get("district")).isEqualTo("GUSU");
        assertThat(filed.get("category")).isEqualTo("WAGE_ARREARS");
        assertThat(filed.get("appliedOn")).isEqualTo("2026-03-02");
        assertThat(filed.get("mediationDueOn")).isEqualTo("2026-03-17");
        assertThat(filed.get("claim")).isEqualTo("拖欠三个月工资");
        assertThat(filed.get("collective")).isEqualTo(false);
        assertThat(filed.get("employer")).isEqualTo(Map.of("name", "苏州某某电子有限公司",
                "creditCode", "91320500MA1XXXXX0X"));
        assertThat(filed.get("workers")).asInstanceOf(InstanceOfAssertFactories.list(Map.class))
                .extracting(worker -> worker.get("name")).containsExactly("张小明", "李四");
        assertThat(new BigDecimal(filed.get("claimedAmount").toString())).isEqualByComparingTo("12000.50");

        Map<String, Object> assigned = entries.get(2).data();
        assertThat(assigned).containsEntry("disputeId", id.toString())
                .containsEntry("mediator", Map.of("id", "mediator.sun", "name", "孙调解员"))
                .containsEntry("previousMediator", null);

        Map<String, Object> accepted = entries.get(1).data();
        assertThat(accepted).containsOnlyKeys("disputeId", "acceptedOn")
                .containsEntry("acceptedOn", "2026-03-03");
    }

    @Test
    void the_summary_of_an_assignment_names_the_mediator_and_their_user_name() {
        DisputeId id = newId();
        mediation(id).deliverTo(this::deliver);

        HistoryEntry assigned = history(id).get(2);

        assertThat(assigned.summaryEn()).isEqualTo("Mediator 孙调解员 (mediator.sun) assigned");
        assertThat(assigned.summaryZh()).isEqualTo("指派调解员 孙调解员（mediator.sun）");
    }

    @Test
    void an_audit_row_stored_in_the_first_revisions_shape_still_names_the_mediator() {
        DisputeId id = newId();
        mediation(id).deliverTo(this::deliver);
        // Rows are only ever added: a row written before revision 2 keeps the bare user name.
        database.jdbc().update("UPDATE case_history SET data = ? WHERE case_id = ? AND sequence_number = 2",
                "{\"disputeId\":\"" + id + "\",\"mediator\":\"mediator.sun\",\"previousMediator\":null}",
                id.toString());

        HistoryEntry assigned = history(id).get(2);

        assertThat(assigned.summaryEn()).isEqualTo("Mediator — (mediator.sun) assigned");
        assertThat(assigned.data()).containsEntry("mediator", "mediator.sun");
    }

    @Test
    void cases_are_kept_apart() {
        DisputeId first = newId();
        DisputeId second = newId();
        mediation(first).deliverTo(this::deliver);
        DisputeLog.of(second, START).append(filing(second).caseNumber("LD-2026-000002").build(),
                new DisputeClosedEvent(second, ClosureReason.WITHDRAWN, "withdrawn")).deliverTo(this::deliver);

        assertThat(history(first)).hasSize(4);
        assertThat(history(second)).extracting(HistoryEntry::eventType)
                .containsExactly("labour-dispute.filed", "labour-dispute.closed");
        assertThat(projection.handle(new CaseHistoryQuery(newId().toString()))).isEmpty();
    }

    @Test
    void events_that_are_not_domain_events_are_ignored() {
        DisputeId id = newId();
        LabourDisputeEvent payload = new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3));
        GenericEventMessage<LabourDisputeEvent> message = new GenericEventMessage<>(payload,
                MetaData.with(MetadataKeys.ACTOR, "officer.li"));

        projection.on(payload, message);
        projection.on("a scheduled tick", GenericEventMessage.asEventMessage("a scheduled tick"));

        assertThat(database.count("case_history")).isZero();
        assertThat(history(id)).isEmpty();
    }

    @Test
    void events_of_other_case_kinds_are_recorded_under_their_class_name_when_they_have_no_event_type() {
        record GrievanceNoted(String grievanceId, String note) {
        }
        GrievanceNoted payload = new GrievanceNoted("g-1", "noted");
        projection.on(payload, new GenericDomainEventMessage<>("Grievance", "g-1", 0, payload,
                MetaData.with(MetadataKeys.ACTOR, "officer.li")));

        List<HistoryEntry> entries = projection.handle(new CaseHistoryQuery("g-1"));
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.eventType()).isEqualTo(GrievanceNoted.class.getName());
            assertThat(entry.actor()).isEqualTo("officer.li");
            assertThat(entry.actorRole()).isNull();
            assertThat(entry.correlationId()).isNull();
            assertThat(entry.data()).containsEntry("grievanceId", "g-1").containsEntry("note", "noted");
        });
    }

    @Test
    void the_time_of_each_event_is_kept_exactly_even_when_the_database_clock_repeats_an_hour() {
        ReadModelDatabase newYork = ReadModelDatabase.create("America/New_York");
        try {
            CaseHistoryProjection projection = new CaseHistoryProjection(newYork.jdbc());
            DisputeId id = newId();
            // 05:30Z and 06:30Z are both 01:30 local time on the day New York's clocks go back.
            DisputeLog log = DisputeLog.of(id, Instant.parse("2026-11-01T04:30:00.000001Z")).append(
                    filing(id).build(), new DisputeAcceptedEvent(id, LocalDate.of(2026, 11, 1)),
                    new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null));
            log.deliverTo(recorded -> projection.on(recorded.payload(), recorded.message()));

            assertThat(projection.handle(new CaseHistoryQuery(id.toString())))
                    .extracting(HistoryEntry::occurredAt)
                    .containsExactly(log.event(0).at(), log.event(1).at(), log.event(2).at());
        } finally {
            newYork.shutdown();
        }
    }

    @Test
    void delivering_every_event_again_adds_and_changes_no_row() {
        DisputeId id = newId();
        DisputeLog log = mediation(id).deliverTo(this::deliver);
        List<Map<String, Object>> before = database.rows("case_history");

        log.deliverTo(this::deliver);

        assertThat(database.rows("case_history")).isEqualTo(before).hasSize(4);
    }

    @Test
    void a_batch_of_a_processor_writes_at_its_commit_the_rows_one_by_one_delivery_writes_even_with_an_event_twice() {
        DisputeId one = newId();
        DisputeId other = newId();
        DisputeLog first = mediation(one);
        DisputeLog second = mediation(other);
        List<EventMessage<?>> batch = new ArrayList<>();
        for (long sequence = 0; sequence < 4; sequence++) {
            batch.add(first.event(sequence).message());
            batch.add(second.event(sequence).message());
        }
        batch.add(first.event(2).message());
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.execute(() -> {
            EventMessage<?> message = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            projection.on(message.getPayload(), message);
            assertThat(database.rows("case_history")).as("nothing written before the commit").isEmpty();
        });

        CaseHistoryProjection oneByOne = new CaseHistoryProjection(database.jdbc());
        assertThat(history(one)).hasSize(4);
        assertThat(history(other)).hasSize(4);
        List<HistoryEntry> batched = history(one);
        database.jdbc().update("DELETE FROM case_history");
        first.deliverTo(recorded -> oneByOne.on(recorded.payload(), recorded.message()));
        assertThat(history(one)).isEqualTo(batched);
    }
}

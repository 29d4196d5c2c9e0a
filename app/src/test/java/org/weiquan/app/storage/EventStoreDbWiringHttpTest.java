package org.weiquan.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kurrent.dbclient.RecordedEvent;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.EventStoreDbHttpIntegrationTest;
import org.weiquan.eventstore.EventStoreDbStorageEngine;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Disputes.path;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * The production wiring over HTTP (ADR 25): a dispute's events are one EventStoreDB stream named by
 * its id whose revisions are the event sequence numbers; the list, detail, history, audit and
 * point-in-time views are built from that stream; a stale If-Match is refused; Axon's JDBC event
 * tables are neither created as an engine nor written.
 */
@TestPropertySource(properties = "weiquan.snapshots.event-threshold=3")
class EventStoreDbWiringHttpTest extends EventStoreDbHttpIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;
    @Autowired
    HealthContributorRegistry health;

    @Test
    void the_eventstoredb_engine_is_the_only_storage_engine_and_axons_jdbc_event_tables_stay_empty() {
        assertThat(context.getBeansOfType(EventStorageEngine.class).values())
                .singleElement().isInstanceOf(EventStoreDbStorageEngine.class);

        String id = file(Disputes.filing()).path("disputeId").asText();
        awaitHistory(id, 1);

        assertThat(streamEvents("aggregate-" + id)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry", Long.class)).isZero();
        assertThat(storedEvents()).as("counted through the engine").isPositive();
    }

    @Test
    void the_event_store_is_a_component_of_the_health_endpoint() {
        assertThat(health.getContributor("eventStoreDb")).isInstanceOf(EventStoreDbHealthIndicator.class);
        assertThat(((EventStoreDbHealthIndicator) health.getContributor("eventStoreDb")).health().getStatus())
                .isEqualTo(Status.UP);
        ApiResponse overall = api.anonymous().get("/actuator/health");
        assertThat(overall.status()).as("%s", overall).isEqualTo(200);
        assertThat(overall.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void a_dispute_is_one_stream_whose_revisions_are_its_sequence_numbers_and_every_read_model_is_built_from_it()
            throws IOException {
        Instant before = Instant.now();
        JsonNode filed = file(Disputes.filing());
        String id = filed.path("disputeId").asText();
        String caseNumber = filed.path("caseNumber").asText();
        transition(id, "acceptance", 0, Disputes.acceptance());
        transition(id, "mediator", 1, Disputes.mediator("mediator.sun"));
        transition(id, "mediation-sessions", 2, Disputes.session(5, "第一次调解"));
        transition(id, "mediation-sessions", 3, Disputes.session(4, "第二次调解"));

        List<RecordedEvent> stream = streamEvents("aggregate-" + id);
        assertThat(stream).extracting(RecordedEvent::getEventType).containsExactly("labour-dispute.filed",
                "labour-dispute.accepted", "labour-dispute.mediator-assigned",
                "labour-dispute.mediation-session-recorded", "labour-dispute.mediation-session-recorded");
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            RecordedEvent event = stream.get(i);
            JsonNode envelope = JSON.readTree(event.getUserMetadata());
            assertThat(event.getRevision()).isEqualTo(i);
            assertThat(envelope.path("sequenceNumber").asLong()).as("revision = sequence number").isEqualTo(i);
            assertThat(envelope.path("aggregateIdentifier").asText()).isEqualTo(id);
            assertThat(envelope.path("aggregateType").asText()).isEqualTo("LabourDispute");
            assertThat(event.getContentType()).isEqualTo("application/json");
            eventIds.add(event.getEventId().toString());
        }

        // detail and list
        JsonNode detail = awaitDetail(id, 4).json();
        assertThat(detail.path("status").asText()).isEqualTo("MEDIATING");
        assertThat(detail.path("mediationSessions").asInt()).isEqualTo(2);
        await().atMost(READ_SIDE).untilAsserted(() -> {
            List<JsonNode> rows = new ArrayList<>();
            api.as(OFFICER_LI).get(Disputes.PATH + "?size=200").json().path("items").forEach(item -> {
                if (item.path("disputeId").asText().equals(id)) rows.add(item);
            });
            assertThat(rows).singleElement().satisfies(row -> assertThat(row.path("status").asText()).isEqualTo("MEDIATING"));
        });

        // history: the stream's events, in its order, under their ids
        JsonNode history = awaitHistory(id, 5);
        List<String> historyIds = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).path("sequence").asLong()).isEqualTo(i);
            historyIds.add(history.get(i).path("eventId").asText());
        }
        assertThat(historyIds).isEqualTo(eventIds);

        // a stale If-Match is refused and stores nothing
        ApiResponse stale = api.as(OFFICER_LI).ifMatch(2).post(path(id, "mediation-sessions"), Disputes.session(1, "迟到的记录"));
        assertProblem(stale, 409, "stale-version");
        assertThat(streamEvents("aggregate-" + id)).hasSize(5);

        // the audit trail across cases
        await().atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode audit = api.as(SUPERVISOR_WANG).get("/api/audit?actor=officer.li&from=" + before + "&size=500").json();
            List<String> ofThisCase = new ArrayList<>();
            audit.path("items").forEach(item -> {
                if (item.path("caseNumber").asText().equals(caseNumber)) ofThisCase.add(item.path("event").path("eventId").asText());
            });
            assertThat(ofThisCase).isEqualTo(eventIds);
        });

        // as of an instant: rebuilt from the stream up to it
        Instant acceptedAt = Instant.parse(history.get(1).path("occurredAt").asText());
        JsonNode atAcceptance = api.as(SUPERVISOR_WANG).get("/api/cases/" + id + "/as-of?at=" + acceptedAt).json();
        assertThat(atAcceptance.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(atAcceptance.path("version").asLong()).isEqualTo(1);
        JsonNode now = api.as(SUPERVISOR_WANG).get("/api/cases/" + id + "/as-of?at=" + Instant.now()).json();
        assertThat(now.path("version").asLong()).isEqualTo(4);
        assertThat(now.path("mediationSessions").asInt()).isEqualTo(2);

        // the analysts' export reads the same log through the engine
        ApiResponse export = api.as(ANALYST_ZHAO).get("/api/analytics/events?from=" + before);
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.body().lines().filter(line -> line.contains("\"caseId\":\"" + id + "\"")).count()).isEqualTo(5);
    }

    @Test
    void snapshots_go_to_a_snapshot_stream_and_loading_starts_from_there() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        long version = 0;
        version = transition(id, "acceptance", version, Disputes.acceptance());
        version = transition(id, "mediator", version, Disputes.mediator("mediator.sun"));
        for (int session = 0; session < 3; session++) {
            version = transition(id, "mediation-sessions", version, Disputes.session(5 - session, "调解 " + session));
        }

        List<RecordedEvent> snapshots = streamEvents("snapshot-" + id);
        assertThat(snapshots).as("a snapshot stream keeps the newest snapshot").isNotEmpty();
        var first = eventStore.readEvents(id).asStream().findFirst().orElseThrow();
        assertThat(first.getPayloadType().getSimpleName()).as("loading starts from the snapshot").isEqualTo("LabourDispute");
        assertThat(first.getSequenceNumber()).isBetween(2L, version);

        long next = transition(id, "mediation-sessions", version, Disputes.session(1, "快照之后"));
        assertThat(next).isEqualTo(version + 1);
        assertThat(streamEvents("aggregate-" + id)).hasSize((int) next + 1);
    }

    private long transition(String id, String transition, long ifMatch, Object body) {
        ApiResponse response = api.as(OFFICER_LI).ifMatch(ifMatch).post(path(id, transition), body);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.etagVersion()).isEqualTo(ifMatch + 1);
        return response.etagVersion();
    }
}

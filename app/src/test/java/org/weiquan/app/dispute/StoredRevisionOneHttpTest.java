package org.weiquan.app.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ADMIN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;

/**
 * A dispute whose mediator was assigned by an earlier release: the event lies in the store as
 * revision 1 ({@code "mediator":"mediator.sun"}), byte for byte as that release wrote it. The
 * aggregate still loads and moves on, a replay of the read models shows the mediator, and the stored
 * row is never rewritten.
 */
class StoredRevisionOneHttpTest extends HttpIntegrationTest {
    /** The dispute id inside the fixture, as it was stored. */
    private static final String STORED_DISPUTE = "5b1f0c2e-8d4a-4c7e-9f3b-2a6d1e0c9b47";

    @Test
    void a_dispute_with_a_stored_revision_1_assignment_loads_moves_on_and_replays_with_its_mediator()
            throws IOException {
        String id = file(Disputes.filing()).path("disputeId").asText();
        api.as(OFFICER_LI).ifMatch(0).post(Disputes.path(id, "acceptance"), Disputes.acceptance());
        storeRevisionOneAssignment(id, 2);

        // Only a dispute in mediation can record a session: the aggregate read the old event.
        ApiResponse session = api.as(OFFICER_LI).ifMatch(2).post(Disputes.path(id, "mediation-sessions"),
                Disputes.session(0, "第一次调解"));
        assertThat(session.status()).as("%s", session).isEqualTo(200);
        assertThat(session.json().path("version").asLong()).isEqualTo(3);

        // The live projections caught up; then the read models are rebuilt from the log, the
        // revision-1 event among them.
        awaitDetail(id, 3);
        awaitHistory(id, 4);
        jdbc.update("DELETE FROM dispute_detail WHERE dispute_id = ?", id);
        jdbc.update("DELETE FROM case_history WHERE case_id = ?", id);
        replay("dispute-detail");
        replay("case-history");
        JsonNode detail = awaitDetail(id, 3).json();
        assertThat(detail.path("status").asText()).isEqualTo("MEDIATING");
        assertThat(detail.path("mediator").asText()).isEqualTo("mediator.sun");
        assertThat(detail.path("mediatorName").isNull()).isTrue();
        assertThat(detail.path("mediationSessions").asInt()).isEqualTo(1);
        JsonNode assigned = awaitHistory(id, 4).get(2);
        assertThat(assigned.path("eventType").asText()).isEqualTo("labour-dispute.mediator-assigned");
        assertThat(assigned.path("summaryEn").asText()).isEqualTo("Mediator — (mediator.sun) assigned");
        assertThat(assigned.path("data").path("mediator").path("id").asText()).isEqualTo("mediator.sun");

        // A new assignment is revision 2, with names; the old mediator is handed over as recorded.
        ApiResponse reassigned = api.as(OFFICER_LI).ifMatch(3).post(Disputes.path(id, "mediator"),
                Disputes.mediator("mediator.qian"));
        assertThat(reassigned.status()).as("%s", reassigned).isEqualTo(200);
        Map<String, Object> latest = jdbc.queryForMap("SELECT payloadRevision, payload FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? AND sequenceNumber = 4", id);
        assertThat(latest.get("PAYLOADREVISION")).isEqualTo("2");
        assertThat(new String((byte[]) latest.get("PAYLOAD"), StandardCharsets.UTF_8))
                .contains("\"mediator\":{\"id\":\"mediator.qian\",\"name\":\"钱调解员\"}")
                .contains("\"previousMediator\":{\"id\":\"mediator.sun\",\"name\":null}");
        assertThat(awaitDetail(id, 4).json().path("mediatorName").asText()).isEqualTo("钱调解员");

        // The stored revision-1 row is as it was written.
        Map<String, Object> old = jdbc.queryForMap("SELECT payloadRevision, payload FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? AND sequenceNumber = 2", id);
        assertThat(old.get("PAYLOADREVISION")).isEqualTo("1");
        assertThat((byte[]) old.get("PAYLOAD")).isEqualTo(revisionOnePayload(id));
    }

    /** Writes the fixture as the earlier release did: same columns, metadata of the previous event. */
    private void storeRevisionOneAssignment(String disputeId, long sequence) throws IOException {
        Map<String, Object> previous = jdbc.queryForMap("SELECT type, metaData FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?", disputeId, sequence - 1);
        jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                        + " metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                disputeId, sequence, previous.get("TYPE"), UUID.randomUUID().toString(), previous.get("METADATA"),
                revisionOnePayload(disputeId), "1", "labour-dispute.mediator-assigned", Instant.now().toString());
    }

    private static byte[] revisionOnePayload(String disputeId) throws IOException {
        try (InputStream in = StoredRevisionOneHttpTest.class.getResourceAsStream(
                "/upcasting/mediator-assigned-revision-1.json")) {
            String stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(stored).contains(STORED_DISPUTE);
            return stored.replace(STORED_DISPUTE, disputeId).getBytes(StandardCharsets.UTF_8);
        }
    }

    private void replay(String processor) {
        ApiResponse replay = api.as(ADMIN).post("/api/admin/processors/" + processor + "/replay", Map.of());
        assertThat(replay.status()).as("%s", replay).isEqualTo(202);
        await(processor + " replayed").atMost(READ_SIDE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode state = state(processor);
            assertThat(state.path("replaying").asBoolean()).isFalse();
            assertThat(state.path("position").asLong()).isEqualTo(state.path("head").asLong());
        });
    }

    private JsonNode state(String name) {
        for (JsonNode processor : api.as(ADMIN).get("/api/admin/processors").json()) {
            if (processor.path("name").asText().equals(name)) return processor;
        }
        throw new AssertionError("no processor " + name);
    }
}

package org.weiquan.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.kurrent.dbclient.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.EventStoreReader;
import org.weiquan.app.support.RunningApp;
import org.weiquan.app.support.TestStores;
import org.weiquan.eventstore.testserver.InProcessEventStoreDb;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Disputes.path;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * The production wiring keeps nothing of a case in the application: started again on the same
 * event store and database, an instance loads the case from its EventStoreDB stream, goes on from
 * its version, and its projections go on from their stored tokens without redoing or losing an event.
 */
class EventStoreDbRestartTest {
    private static final Duration READ_SIDE = Duration.ofSeconds(15);

    @Test
    void an_instance_started_again_on_the_same_stores_loads_each_case_from_its_stream_and_goes_on() {
        try (InProcessEventStoreDb server = InProcessEventStoreDb.start();
             EventStoreReader streams = new EventStoreReader(server.connectionString())) {
            Map<String, String> stores = new LinkedHashMap<>(TestStores.fresh("esdb-restart"));
            stores.put("weiquan.eventstore.connection-string", server.connectionString());
            String id;
            String caseNumber;
            JsonNode detailBefore;
            JsonNode historyBefore;

            try (RunningApp first = RunningApp.start(stores)) {
                ApiClient api = first.api();
                JsonNode filed = api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing()).json();
                id = filed.path("disputeId").asText();
                caseNumber = filed.path("caseNumber").asText();
                assertThat(api.as(OFFICER_LI).ifMatch(0).post(path(id, "acceptance"), Disputes.acceptance()).status()).isEqualTo(200);
                assertThat(api.as(OFFICER_LI).ifMatch(1).post(path(id, "mediator"), Disputes.mediator("mediator.sun")).status())
                        .isEqualTo(200);
                detailBefore = awaitDetail(api, id, 2).json();
                historyBefore = awaitHistory(api, id, 3);
            }
            assertThat(streams.events("aggregate-" + id)).hasSize(3);

            try (RunningApp second = RunningApp.start(stores)) {
                ApiClient api = second.api();
                assertThat(api.as(OFFICER_LI).get(path(id)).json()).isEqualTo(detailBefore);
                assertThat(api.as(OFFICER_LI).get(path(id) + "/history").json()).isEqualTo(historyBefore);

                ApiResponse session = api.as(OFFICER_LI).ifMatch(2).post(path(id, "mediation-sessions"),
                        Disputes.session(1, "重启后的调解"));
                assertThat(session.status()).as("loaded from its stream: %s", session).isEqualTo(200);
                assertThat(session.etagVersion()).isEqualTo(3);
                assertProblem(api.as(OFFICER_LI).ifMatch(2).post(path(id, "mediation-sessions"), Disputes.session(1, "again")),
                        409, "stale-version");

                List<RecordedEvent> stream = streams.events("aggregate-" + id);
                assertThat(stream).hasSize(4);
                assertThat(stream.get(3).getRevision()).isEqualTo(3);
                assertThat(stream.get(3).getEventType()).isEqualTo("labour-dispute.mediation-session-recorded");

                JsonNode history = awaitHistory(api, id, 4);
                assertThat(history).as("each event once: the projection went on from its token").hasSize(4);
                assertThat(awaitDetail(api, id, 3).json().path("mediationSessions").asInt()).isEqualTo(1);

                ApiResponse next = api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing());
                assertThat(next.status()).as("%s", next).isEqualTo(201);
                assertThat(sequenceOf(next.json().path("caseNumber").asText())).isEqualTo(sequenceOf(caseNumber) + 1);
                assertThat(second.jdbc().queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isZero();
            }
        }
    }

    private static ApiResponse awaitDetail(ApiClient api, String id, long version) {
        return await().atMost(READ_SIDE).pollInterval(Duration.ofMillis(25))
                .until(() -> api.as(OFFICER_LI).get(path(id)),
                        r -> r.status() == 200 && r.json().path("version").asLong() == version);
    }

    private static JsonNode awaitHistory(ApiClient api, String id, int events) {
        return await().atMost(READ_SIDE).pollInterval(Duration.ofMillis(25))
                .until(() -> api.as(OFFICER_LI).get(path(id) + "/history"),
                        r -> r.status() == 200 && r.json().size() == events).json();
    }

    private static long sequenceOf(String caseNumber) {
        return Long.parseLong(caseNumber.substring(caseNumber.lastIndexOf('-') + 1));
    }
}

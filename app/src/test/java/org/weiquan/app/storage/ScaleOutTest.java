package org.weiquan.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.kurrent.dbclient.RecordedEvent;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.EventStoreReader;
import org.weiquan.app.support.RunningApp;
import org.weiquan.app.support.TestStores;
import org.weiquan.eventstore.testserver.InProcessEventStoreDb;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Disputes.path;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * Two instances of the application in one JVM on the same EventStoreDB server and the same
 * relational database (H2 in memory, shared by its URL; PostgreSQL with {@code -Dweiquan.test.postgres}),
 * each on its own port (ADR 25): every projection's two segments are split between them, commands go
 * to either with the event store's optimistic concurrency deciding races, every read model has each
 * case and each event exactly once, and the instance left alone takes over the other's segments.
 */
class ScaleOutTest {
    private static final Logger log = LoggerFactory.getLogger(ScaleOutTest.class);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final int SEGMENTS = 2;
    private static final String A = "scaleout-a";
    private static final String B = "scaleout-b";

    @Test
    void two_instances_split_the_segments_share_the_commands_build_every_row_once_and_one_takes_over_when_the_other_stops()
            throws Exception {
        try (InProcessEventStoreDb server = InProcessEventStoreDb.start();
             EventStoreReader streams = new EventStoreReader(server.connectionString())) {
            Map<String, String> shared = sharedStores(server);
            RunningApp a = RunningApp.start(instance(shared, A));
            RunningApp b = RunningApp.start(instance(shared, B));
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                JdbcTemplate db = a.jdbc();
                List<String> processors = db.queryForList("SELECT DISTINCT processorName FROM TokenEntry ORDER BY 1", String.class);
                assertThat(processors).as("the projections' processors").hasSizeGreaterThanOrEqualTo(8);

                // every processor: two segments, one owned by each instance
                await("each instance owns one segment of every processor").atMost(SETTLE).untilAsserted(() -> {
                    Map<String, Map<Integer, String>> owners = owners(db);
                    assertThat(owners.keySet()).containsAll(processors);
                    owners.forEach((processor, bySegment) -> assertThat(new HashSet<>(bySegment.values()))
                            .as("owners of %s", processor).containsExactlyInAnyOrder(A, B));
                });

                // commands on both instances at once
                List<CompletableFuture<JsonNode>> filings = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    ApiClient api = (i % 2 == 0 ? a : b).api();
                    filings.add(CompletableFuture.supplyAsync(() -> {
                        ApiResponse filed = api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing());
                        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
                        return filed.json();
                    }, clients));
                }
                List<JsonNode> filed = filings.stream().map(CompletableFuture::join).toList();
                List<String> ids = filed.stream().map(f -> f.path("disputeId").asText()).toList();
                assertThat(filed.stream().map(f -> f.path("caseNumber").asText()).distinct()).as("case numbers").hasSize(24);

                // every case advanced, on both instances alternately
                for (int i = 0; i < ids.size(); i++) {
                    ApiClient api = (i % 2 == 0 ? b : a).api();
                    assertThat(api.as(OFFICER_LI).ifMatch(0).post(path(ids.get(i), "acceptance"), Disputes.acceptance()).status())
                            .isEqualTo(200);
                    assertThat(api.as(OFFICER_LI).ifMatch(1).post(path(ids.get(i), "mediator"), Disputes.mediator("mediator.sun"))
                            .status()).isEqualTo(200);
                }

                // the same change with the same expected version on both instances at once: one is
                // stored, the other refused (a session may be recorded twice, so only the version decides)
                int refusedByTheEventStore = 0;
                for (String id : ids.subList(0, 12)) {
                    CountDownLatch go = new CountDownLatch(1);
                    List<CompletableFuture<ApiResponse>> race = List.of(a, b).stream().map(app -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(go);
                        return app.api().as(OFFICER_LI).ifMatch(2).post(path(id, "mediation-sessions"), Disputes.session(3, "同时"));
                    }, clients)).toList();
                    go.countDown();
                    List<ApiResponse> answers = race.stream().map(CompletableFuture::join).toList();
                    assertThat(answers).extracting(ApiResponse::status).as("%s", answers).containsExactlyInAnyOrder(200, 409);
                    ApiResponse refused = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                    assertProblem(refused, 409, "stale-version");
                    if (refused.json().path("detail").asText().contains("at the same time")) refusedByTheEventStore++;
                }
                // both loaded version 2 and the append with expected revision 2 lost; or the loser loaded
                // the winner's version 3 and Axon refused the If-Match
                log.info("of 12 races, {} were refused by the event store's expected revision, {} on loading",
                        refusedByTheEventStore, 12 - refusedByTheEventStore);

                awaitEveryRowExactlyOnce(db, streams, ids);

                // B stops: A takes over its segments and processes every case's events
                Map<String, Map<Integer, String>> beforeStop = owners(db);
                b.close();
                await("A owns every segment").atMost(SETTLE).untilAsserted(() -> owners(db).forEach((processor, bySegment) ->
                        assertThat(bySegment).as("owners of %s", processor).hasSize(SEGMENTS).allSatisfy((segment, owner) ->
                                assertThat(owner).isEqualTo(A))));
                assertThat(beforeStop.values().stream().flatMap(m -> m.values().stream())).as("before, B owned some").contains(B);

                List<String> afterwards = new ArrayList<>();
                for (int segment = 0; segment < SEGMENTS; segment++) {
                    for (String id : idsInSegment(segment, 2)) {
                        ApiResponse response = a.api().as(OFFICER_LI).post(Disputes.PATH, Disputes.filing().put("disputeId", id));
                        assertThat(response.status()).as("%s", response).isEqualTo(201);
                        assertThat(a.api().as(OFFICER_LI).ifMatch(0).post(path(id, "acceptance"), Disputes.acceptance()).status())
                                .isEqualTo(200);
                        afterwards.add(id);
                    }
                }
                List<String> all = new ArrayList<>(ids);
                all.addAll(afterwards);
                awaitEveryRowExactlyOnce(db, streams, all);
            } finally {
                clients.shutdownNow();
                b.close();
                a.close();
            }
        }
    }

    /** Every list, detail and history row of these cases, each once, matching the cases' streams event by event. */
    private static void awaitEveryRowExactlyOnce(JdbcTemplate db, EventStoreReader streams, List<String> ids) {
        Map<String, List<RecordedEvent>> stored = new HashMap<>();
        for (String id : ids) stored.put(id, streams.events("aggregate-" + id));
        await("every read model row of " + ids.size() + " cases").atMost(SETTLE).untilAsserted(() -> {
            for (String table : List.of("dispute_list", "dispute_detail")) {
                Map<String, Long> lastSequence = new HashMap<>();
                db.query("SELECT dispute_id, last_sequence FROM " + table, rs -> {
                    lastSequence.put(rs.getString(1), rs.getLong(2));
                });
                for (String id : ids) {
                    assertThat(lastSequence.get(id)).as("%s of %s", table, id).isEqualTo(stored.get(id).size() - 1L);
                }
            }
            for (String table : List.of("monitoring_case", "alert_case")) {
                assertThat(db.queryForList("SELECT case_id FROM " + table, String.class)).as(table).containsAll(ids);
            }
            for (String id : ids) {
                List<String> history = db.queryForList(
                        "SELECT event_id FROM case_history WHERE case_id = ? ORDER BY sequence_number", String.class, id);
                assertThat(history).as("history of %s", id)
                        .isEqualTo(stored.get(id).stream().map(e -> e.getEventId().toString()).toList());
            }
        });
        assertThat(db.queryForObject("SELECT COUNT(*) FROM dispute_list", Long.class)).isEqualTo(ids.size());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM case_history", Long.class))
                .isEqualTo(stored.values().stream().mapToLong(List::size).sum());
    }

    /** Owner of each segment of each processor, from the token store's rows. */
    private static Map<String, Map<Integer, String>> owners(JdbcTemplate db) {
        Map<String, Map<Integer, String>> owners = new LinkedHashMap<>();
        db.query("SELECT processorName, segment, owner FROM TokenEntry ORDER BY processorName, segment", rs -> {
            owners.computeIfAbsent(rs.getString(1), p -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getString(3));
        });
        return owners;
    }

    /** New case ids whose events fall in this segment (Axon sequences a case's events by its aggregate id). */
    private static List<String> idsInSegment(int segmentId, int count) {
        Segment segment = Segment.computeSegment(segmentId, IntStream.range(0, SEGMENTS).toArray());
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            String id = UUID.randomUUID().toString();
            if (segment.matches(id)) ids.add(id);
        }
        return ids;
    }

    private static Map<String, String> sharedStores(InProcessEventStoreDb server) {
        Map<String, String> shared = new LinkedHashMap<>();
        if (TestStores.onPostgres()) {
            shared.putAll(TestStores.fresh("scaleout"));
        } else {
            shared.put("weiquan.data-dir", TestStores.fresh("scaleout").get("weiquan.data-dir"));
            shared.put("spring.datasource.url", "jdbc:h2:mem:scaleout-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        }
        shared.put("weiquan.eventstore.connection-string", server.connectionString());
        // the same personal-data key on both, as production requires
        shared.put("weiquan.personal-data.key",
                Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        shared.put("weiquan.processors.segments", String.valueOf(SEGMENTS));
        shared.put("weiquan.processors.token-claim-interval", "200ms");
        shared.put("weiquan.processors.balance-interval", "300ms");
        shared.put("axon.eventhandling.tokenstore.claim-timeout", "5s");
        return shared;
    }

    /**
     * One instance: its own name for token claims and for Quartz. In production every instance has the
     * same scheduler name and so forms one Quartz cluster; in one JVM two schedulers of the same name
     * would share Quartz's JVM-wide connection registry (Spring registers each data source under
     * "springTxDataSource." + scheduler name), and one would use the other's data source. Here each is
     * its own cluster on the same tables, which the deadlines of this test (weeks away) never notice.
     */
    private static Map<String, String> instance(Map<String, String> shared, String name) {
        Map<String, String> properties = new LinkedHashMap<>(shared);
        properties.put("weiquan.instance-id", name);
        properties.put("spring.quartz.scheduler-name", "quartz-" + name);
        properties.put("spring.quartz.properties.org.quartz.scheduler.instanceId", name);
        return properties;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

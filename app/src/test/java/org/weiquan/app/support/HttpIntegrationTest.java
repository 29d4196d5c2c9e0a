package org.weiquan.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weiquan.app.NoPhoningHome;
import org.weiquan.app.WeiquanApplication;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the HTTP integration tests: the whole application on a random port, over the real
 * embedded H2 store in a data directory of its own. One context serves every test class of the same
 * configuration (Spring's context cache): tests are isolated by their own data — cases of their own,
 * counts taken before and after — not by a fresh store. A class that changes the configuration gets
 * a context of its own and closes it after itself ({@code @DirtiesContext}).
 */
@SpringBootTest(classes = WeiquanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStoreProfiles.class)
public abstract class HttpIntegrationTest {
    /** How long the read side may lag behind a committed command. */
    protected static final Duration READ_SIDE = Duration.ofSeconds(15);

    static {
        NoPhoningHome.apply(); // as WeiquanApplication.main does
    }

    @DynamicPropertySource
    static void freshStore(DynamicPropertyRegistry registry) {
        // once per context, not per property read: H2 in a new directory, or a new PostgreSQL database
        TestStores.fresh("http").forEach((key, value) -> registry.add(key, () -> value));
        // Quartz keeps its schedulers in one JVM-wide repository by name: each context needs its own
        registry.add("spring.quartz.scheduler-name", () -> "weiquan-test-" + CONTEXTS.incrementAndGet());
    }

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private EventStorageEngine eventStorageEngine;

    protected ApiClient api;

    @BeforeEach
    void newClient() {
        api = new ApiClient(port);
    }

    /** Events in Axon's event store, whichever engine holds them (JDBC tables or EventStoreDB). */
    protected long storedEvents() {
        try (Stream<? extends TrackedEventMessage<?>> events = eventStorageEngine.readEvents(null, false)) {
            return events.count();
        }
    }

    /** Whether the command side holds the case open (the duplicate check asks it). */
    protected boolean registeredOpen(String caseId) {
        return jdbc.queryForObject("SELECT is_open FROM case_registry WHERE case_id = ?", Boolean.class, caseId);
    }

    protected long registeredCases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_registry", Long.class);
    }

    /** Files the dispute as officer.li and returns the 201's body ({@code disputeId}, {@code caseNumber}). */
    protected JsonNode file(Object body) {
        ApiResponse response = api.as(ApiClient.OFFICER_LI).post(Disputes.PATH, body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    /** The dispute's detail as soon as the read side shows it at {@code version} (or later). */
    protected ApiResponse awaitDetail(String user, String disputeId, long version) {
        AtomicReference<ApiResponse> seen = new AtomicReference<>();
        await("detail of " + disputeId + " at version " + version).atMost(READ_SIDE).pollInterval(Duration.ofMillis(25))
                .untilAsserted(() -> {
                    ApiResponse response = api.as(user).get(Disputes.path(disputeId));
                    seen.set(response);
                    assertThat(response.status()).as("%s", response).isEqualTo(200);
                    assertThat(response.json().path("version").asLong()).isGreaterThanOrEqualTo(version);
                });
        return seen.get();
    }

    protected ApiResponse awaitDetail(String disputeId, long version) {
        return awaitDetail(ApiClient.OFFICER_LI, disputeId, version);
    }

    /** The dispute's history as soon as it holds {@code events} entries. */
    protected JsonNode awaitHistory(String disputeId, int events) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await("history of " + disputeId + " with " + events + " events").atMost(READ_SIDE)
                .pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
                    ApiResponse response = api.as(ApiClient.OFFICER_LI).get(Disputes.path(disputeId) + "/history");
                    assertThat(response.status()).as("%s", response).isEqualTo(200);
                    seen.set(response.json());
                    assertThat(seen.get().size()).isGreaterThanOrEqualTo(events);
                });
        return seen.get();
    }
}

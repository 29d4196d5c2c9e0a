package org.weiquan.app.storage;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.RunningApp;
import org.weiquan.app.support.TestStores;
import org.weiquan.eventstore.EventStoreDbStorageEngine;
import org.weiquan.eventstore.testserver.InProcessEventStoreDb;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;

/**
 * The {@code production} profile itself, as the container starts it: it brings in {@code postgres}
 * and {@code eventstoredb}, four segments per processor and a readiness that needs both stores. On
 * PostgreSQL ({@code -Dweiquan.test.postgres}) exactly as configured; otherwise with only the data
 * source (and Quartz's SQL dialect) pointed back at the embedded H2 store.
 */
class ProductionProfileTest {

    @Test
    void the_production_profile_keeps_events_in_eventstoredb_splits_every_processor_in_four_and_is_ready_with_both_stores() {
        try (InProcessEventStoreDb server = InProcessEventStoreDb.start()) {
            Map<String, String> properties = new LinkedHashMap<>(TestStores.fresh("production"));
            if (!TestStores.onPostgres()) {
                properties.put("spring.datasource.url", "jdbc:h2:file:" + properties.get("weiquan.data-dir") + "/weiquan");
                properties.put("spring.quartz.properties.org.quartz.jobStore.driverDelegateClass",
                        "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            }
            properties.put("weiquan.eventstore.connection-string", server.connectionString());
            properties.put("weiquan.personal-data.key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

            try (RunningApp app = RunningApp.start(List.of("production"), properties)) {
                assertThat(app.bean(EventStorageEngine.class)).isInstanceOf(EventStoreDbStorageEngine.class);
                assertThat(app.bean(HealthEndpointGroups.class).get("readiness").isMember("eventStoreDb")).isTrue();
                assertThat(app.bean(HealthEndpointGroups.class).get("readiness").isMember("db")).isTrue();
                ApiResponse ready = app.api().anonymous().get("/actuator/health/readiness");
                assertThat(ready.status()).as("%s", ready).isEqualTo(200);

                ApiResponse filed = app.api().as(OFFICER_LI).post(Disputes.PATH, Disputes.filing());
                assertThat(filed.status()).as("%s", filed).isEqualTo(201);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    List<Map<String, Object>> tokens = app.jdbc().queryForList(
                            "SELECT processorName, COUNT(*) AS segments FROM TokenEntry GROUP BY processorName");
                    assertThat(tokens).isNotEmpty().allSatisfy(row -> assertThat(((Number) row.get("segments")).intValue())
                            .as("segments of %s", row.get("processorName")).isEqualTo(4));
                });
                assertThat(app.jdbc().queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isZero();
            }
        }
    }
}

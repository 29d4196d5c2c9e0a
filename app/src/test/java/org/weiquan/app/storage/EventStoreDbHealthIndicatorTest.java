package org.weiquan.app.storage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.weiquan.eventstore.EventStoreDbStorageEngine;
import org.weiquan.eventstore.testserver.InProcessEventStoreDb;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The event store's health: up with the head position while the server answers, down soon after it stops. */
class EventStoreDbHealthIndicatorTest {

    @Test
    void the_event_store_is_up_while_the_server_answers_and_down_within_the_timeout_once_it_is_gone() {
        InProcessEventStoreDb server = InProcessEventStoreDb.start();
        EventStoreDbStorageEngine engine = EventStoreDbStorageEngine.builder()
                .connectionString(server.connectionString()).operationTimeout(Duration.ofSeconds(30)).build();
        EventStoreDbHealthIndicator indicator = new EventStoreDbHealthIndicator(engine, Duration.ofSeconds(2));
        try {
            Health up = indicator.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsKey("headCommitPosition");

            server.close();
            long start = System.nanoTime();
            Health down = indicator.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not the engine's 30 s operation timeout")
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            indicator.destroy();
            engine.close();
            server.close();
        }
    }
}

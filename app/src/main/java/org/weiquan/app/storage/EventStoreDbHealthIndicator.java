package org.weiquan.app.storage;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.weiquan.eventstore.EventStoreDbStorageEngine;
import org.weiquan.eventstore.EventStoreDbTrackingToken;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event store in {@code /actuator/health} (component {@code eventStoreDb}): up when the head of
 * {@code $all} can be read within the timeout, with its position; down otherwise. The read runs on
 * a thread of its own so that an unreachable server answers "down" after the timeout instead of
 * holding the health request for the engine's whole operation timeout.
 */
public class EventStoreDbHealthIndicator extends AbstractHealthIndicator implements DisposableBean {
    private final EventStoreDbStorageEngine engine;
    private final Duration timeout;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "eventstore-health");
        thread.setDaemon(true);
        return thread;
    });

    public EventStoreDbHealthIndicator(EventStoreDbStorageEngine engine, Duration timeout) {
        super("EventStoreDB health check failed");
        this.engine = engine;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        CompletableFuture<TrackingToken> head = CompletableFuture.supplyAsync(engine::createHeadToken, reader);
        try {
            TrackingToken token = head.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            builder.up();
            if (token instanceof EventStoreDbTrackingToken position) {
                builder.withDetail("headCommitPosition", position.commitPosition());
            }
        } catch (TimeoutException e) {
            head.cancel(true);
            builder.down().withDetail("error", "no answer within " + timeout);
        }
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
    }
}

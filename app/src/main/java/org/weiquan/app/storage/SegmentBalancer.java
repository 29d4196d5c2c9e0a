package org.weiquan.app.storage;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Divides every tracking processor's segments among the live instances. Each instance claims what
 * it can (its processors have a thread per segment, so one instance alone processes them all);
 * every {@code interval} each instance that holds more than its fair share, ⌈segments / live
 * instances⌉, releases the surplus, and Axon keeps it from claiming those back for two token claim
 * intervals, long enough for an instance below its share to claim them. An instance that stops
 * leaves the registry first and then releases its claims (its processors stop after this
 * lifecycle), so the others take its segments over at their next claim attempt without seeing it
 * as alive; one that crashes loses its claims after the token claim timeout and its place in the
 * registry after three intervals.
 * <p>
 * Moving a segment is safe because a projection's rows and its token commit in one transaction: an
 * instance that lost a claim cannot store the token of a batch, so that batch rolls back and the new
 * owner processes it from the last stored token.
 */
public class SegmentBalancer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final InstanceRegistry instances;
    private final Duration interval;
    private final long releaseNanos;
    private final Map<String, Long> releasedUntil = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, TransactionManager transactions,
                           InstanceRegistry instances, Duration interval, Duration tokenClaimInterval) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.instances = instances;
        this.interval = interval;
        // Axon keeps a released segment from this instance for two token claim intervals
        this.releaseNanos = tokenClaimInterval.multipliedBy(2).toNanos();
    }

    /** One round: beat, count the live instances, release what exceeds this instance's share. */
    void balance() {
        instances.heartbeat();
        int live = Math.max(1, instances.live().size());
        processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .filter(TrackingEventProcessor::isRunning)
                .forEach(processor -> balance(processor, live));
    }

    private void balance(TrackingEventProcessor processor, int live) {
        int segments = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(processor.getName())).length;
        if (segments < 2) return;
        int share = (segments + live - 1) / live;
        List<Integer> mine = processor.processingStatus().keySet().stream().sorted(Comparator.reverseOrder()).toList();
        if (mine.size() <= share) return;
        List<Integer> surplus = mine.subList(0, mine.size() - share);
        // a released segment stays in the status until its worker has stopped: release it once
        long now = System.nanoTime();
        List<Integer> toRelease = surplus.stream()
                .filter(segment -> releasedUntil.getOrDefault(processor.getName() + "/" + segment, now) - now <= 0).toList();
        if (toRelease.isEmpty()) return;
        log.info("{} holds {} of {} segments of {} with {} live instance(s): releasing {}", instances.instanceId(),
                mine.size(), segments, processor.getName(), live, toRelease);
        for (Integer segment : toRelease) {
            processor.releaseSegment(segment);
            releasedUntil.put(processor.getName() + "/" + segment, now + releaseNanos);
        }
    }

    @Override
    public synchronized void start() {
        instances.heartbeat();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::balanceQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            // the next round tries again; a database that is away for a moment must not end balancing
            log.warn("segment balancing failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer == null) return;
        timer.shutdownNow();
        try {
            timer.awaitTermination(interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
        instances.leave();
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Starts after Axon's processors and stops before them (the default, last, phase). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}

package org.weiquan.app.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projections' tracking processors, and their replay: the processor stops, its read model is
 * emptied by the projection's {@code @ResetHandler}, and it rebuilds from the first event while
 * commands keep flowing; progress (events done of total, rate, ETA) is read from the same list.
 */
@Component
public class ProjectionProcessors {
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionProcessors(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /**
     * A tracking processor as administrators see it: position in the global event log, the log's
     * head and the lag between them; while it replays, how far it is, how fast it goes and when it
     * should be done.
     */
    public record ProcessorState(String name, boolean running, boolean caughtUp, boolean replaying, boolean error,
                                 int segments, Long position, Long head, Long lag, ReplayProgress replay) {
    }

    /** {@code eventsPerSecond} and {@code etaSeconds} are null until two readings are apart in time. */
    public record ReplayProgress(long done, long total, double percent, Double eventsPerSecond, Long etaSeconds) {
    }

    private record Reading(long position, long nanos) {
    }

    private final Map<String, Reading> lastReadings = new ConcurrentHashMap<>();

    /** Every tracking processor with its state and position, by name. */
    public List<ProcessorState> list() {
        return processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance)
                .map(TrackingEventProcessor.class::cast)
                .map(this::state)
                .sorted(Comparator.comparing(ProcessorState::name))
                .toList();
    }

    /** Resets a projection and starts rebuilding it from the whole event log; answers its state. */
    public ProcessorState replay(String name) {
        TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new ProjectionReplayController.NoSuchProcessorException(name));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return state(processor);
    }


    private ProcessorState state(TrackingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        OptionalLong position = status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
        boolean replaying = status.values().stream().anyMatch(ProjectionProcessors::stillReplaying);
        boolean caughtUp = !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        boolean error = status.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        Long head = headPosition();
        Long at = position.isPresent() ? position.getAsLong() : null;
        Long lag = head == null ? null : Math.max(0, head - (at == null ? -1 : at));
        ReplayProgress progress = null;
        if (replaying) {
            long resetAt = status.values().stream().map(EventTrackerStatus::getResetPosition)
                    .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max().orElse(0);
            long done = at == null ? 0 : at + 1;
            long total = Math.max(resetAt + 1, done);
            progress = progress(processor.getName(), done, total);
        } else {
            lastReadings.remove(processor.getName());
        }
        return new ProcessorState(processor.getName(), processor.isRunning(), caughtUp, replaying, error, status.size(),
                at, head, lag, progress);
    }

    private ReplayProgress progress(String name, long done, long total) {
        Reading now = new Reading(done, System.nanoTime());
        Reading before = lastReadings.put(name, now);
        Double rate = null;
        Long eta = null;
        if (before != null && now.nanos() > before.nanos() && now.position() >= before.position()) {
            rate = (now.position() - before.position()) / ((now.nanos() - before.nanos()) / 1e9);
            if (rate > 0) eta = Math.round((total - done) / rate);
        }
        return new ReplayProgress(done, total, total == 0 ? 100.0 : Math.min(100.0, 100.0 * done / total), rate, eta);
    }

    /**
     * Axon keeps a segment "replaying" until an event newer than the reset position arrives; for
     * people the replay is over once the segment has reached the position the reset started from.
     */
    private static boolean stillReplaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) return false;
        OptionalLong at = segment.getCurrentPosition();
        OptionalLong resetAt = segment.getResetPosition();
        return at.isEmpty() || resetAt.isEmpty() || at.getAsLong() < resetAt.getAsLong();
    }

    /** The global position of the newest event, or null when the log is empty. */
    private Long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) return null;
        OptionalLong position = head.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}

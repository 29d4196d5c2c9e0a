package org.weiquan.app.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The projections' tracking processors, and their replay: the processor stops, its read model is
 * emptied by the projection's {@code @ResetHandler}, and it rebuilds from the first event while
 * commands keep flowing.
 */
@RestController
@RequestMapping("/api/admin/processors")
@Tag(name = "Administration")
public class ProjectionReplayController {
    private final EventProcessingConfiguration processing;

    public ProjectionReplayController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public record ProcessorState(String name, boolean running, boolean replaying, int segments, Long position) {
    }

    @GetMapping
    @Operation(summary = "Every tracking processor with its state and position")
    public List<ProcessorState> list() {
        return processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance)
                .map(TrackingEventProcessor.class::cast)
                .map(ProjectionReplayController::state)
                .sorted(Comparator.comparing(ProcessorState::name))
                .toList();
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Reset a projection and rebuild it from the whole event log")
    public ResponseEntity<ProcessorState> replay(@PathVariable String name) {
        TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new NoSuchProcessorException(name));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return ResponseEntity.accepted().body(state(processor));
    }

    /** No tracking processor of that name (HTTP 404). */
    public static class NoSuchProcessorException extends RuntimeException {
        public NoSuchProcessorException(String name) {
            super("no event processor named '" + name + "'");
        }
    }

    private static ProcessorState state(TrackingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        OptionalLong position = status.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        boolean replaying = status.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        return new ProcessorState(processor.getName(), processor.isRunning(), replaying, status.size(),
                position.isPresent() ? position.getAsLong() : null);
    }
}

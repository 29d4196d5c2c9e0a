package org.weiquan.app.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The projections' tracking processors, and their replay: the processor stops, its read model is
 * emptied by the projection's {@code @ResetHandler}, and it rebuilds from the first event while
 * commands keep flowing; progress (events done of total, rate, ETA) is read from the same list.
 */
@RestController
@RequestMapping("/api/admin/processors")
@Tag(name = "Administration")
public class ProjectionReplayController {
    private final ProjectionProcessors processors;

    public ProjectionReplayController(ProjectionProcessors processors) {
        this.processors = processors;
    }

    @GetMapping
    @Operation(summary = "Every tracking processor with its state and position")
    public List<ProjectionProcessors.ProcessorState> list() {
        return processors.list();
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Reset a projection and rebuild it from the whole event log")
    public ResponseEntity<ProjectionProcessors.ProcessorState> replay(@PathVariable String name) {
        return ResponseEntity.accepted().body(processors.replay(name));
    }

    /** No tracking processor of that name (HTTP 404). */
    public static class NoSuchProcessorException extends RuntimeException {
        public NoSuchProcessorException(String name) {
            super("no event processor named '" + name + "'");
        }
    }
}

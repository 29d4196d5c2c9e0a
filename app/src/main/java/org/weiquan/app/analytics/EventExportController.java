package org.weiquan.app.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.weiquan.app.web.TimeParameters;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The analysts' export: the event stream, whole or a time window [from, to), as JSON Lines with
 * personal data replaced by stable pseudonyms (ADR 18), streamed as it is read (see {@link EventExport}).
 */
@RestController
@Tag(name = "Analysis")
@Validated
public class EventExportController {
    private final EventExport export;

    public EventExportController(EventExport export) {
        this.export = export;
    }

    @GetMapping("/api/analytics/events")
    @Operation(summary = "Every event (or those in [from, to)) as JSON Lines, personal data pseudonymised",
            description = "from/to: instants or dates (a date is midnight in China)")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Size(max = 40) String from,
                                                        @RequestParam(required = false) @Size(max = 40) String to) {
        Instant start = TimeParameters.startOf(from, "from");
        Instant end = TimeParameters.startOf(to, "to");
        EventExport.requireWindow(start, end);
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            export.write(start, end, writer, (written, position) -> {
            });
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"events.jsonl\"").body(body);
    }
}

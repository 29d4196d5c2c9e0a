package org.weiquan.app.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.weiquan.api.common.MetadataKeys;
import org.weiquan.app.axon.EventTypeRegistry;
import org.weiquan.app.web.TimeParameters;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The analysts' export: the event stream, whole or a time window [from, to), as JSON Lines with
 * personal data replaced by stable pseudonyms (ADR 18). Read straight from the event log, in global
 * order; the staff who acted are pseudonyms too, client addresses are left out.
 */
@RestController
@Tag(name = "Analysis")
@Validated
public class EventExportController {
    private final EventStorageEngine events;
    private final EventTypeRegistry eventTypes;
    private final Pseudonymiser pseudonymiser;
    private final ObjectMapper json;

    public EventExportController(EventStorageEngine events, EventTypeRegistry eventTypes, Pseudonymiser pseudonymiser,
                                 ObjectMapper json) {
        this.events = events;
        this.eventTypes = eventTypes;
        this.pseudonymiser = pseudonymiser;
        this.json = json;
    }

    @GetMapping("/api/analytics/events")
    @Operation(summary = "Every event (or those in [from, to)) as JSON Lines, personal data pseudonymised",
            description = "from/to: instants or dates (a date is midnight in China)")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Size(max = 40) String from,
                                                        @RequestParam(required = false) @Size(max = 40) String to) {
        Instant start = TimeParameters.startOf(from, "from");
        Instant end = TimeParameters.startOf(to, "to");
        if (start != null && end != null && !start.isBefore(end)) throw new IllegalArgumentException("from must be before to");
        TrackingToken first = start == null ? null : events.createTokenAt(start);
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            // Straight from the storage engine, without blocking: the stream ends at the head of the log.
            KnownParties parties = new KnownParties();
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(first, false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    if (end != null && !event.getTimestamp().isBefore(end)) break;
                    if (start != null && event.getTimestamp().isBefore(start)) continue;
                    writer.write(json.writeValueAsString(line(event, parties)));
                    writer.write('\n');
                }
            }
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"events.jsonl\"").body(body);
    }

    private ObjectNode line(TrackedEventMessage<?> event, KnownParties parties) {
        ObjectNode line = json.createObjectNode();
        line.put("eventId", event.getIdentifier());
        line.put("eventType", eventTypes.nameOf(event.getPayloadType()).orElse(event.getPayloadType().getName()));
        line.put("occurredAt", event.getTimestamp().toString());
        if (event instanceof DomainEventMessage<?> domain) {
            line.put("caseId", domain.getAggregateIdentifier());
            line.put("caseType", domain.getType());
            line.put("sequence", domain.getSequenceNumber());
        }
        Object role = event.getMetaData().get(MetadataKeys.ACTOR_ROLE);
        Object organisation = event.getMetaData().get(MetadataKeys.ORGANISATION);
        Object actor = event.getMetaData().get(MetadataKeys.ACTOR);
        line.put("actor", pseudonymiser.actor(actor == null ? null : actor.toString()));
        line.put("actorRole", role == null ? null : role.toString());
        line.put("organisation", organisation == null ? null : organisation.toString());
        Map<String, String> known = event instanceof DomainEventMessage<?> domain ? parties.of(domain) : Map.of();
        line.set("data", pseudonymiser.pseudonymise(event.getPayload(), known));
        return line;
    }

    /**
     * The parties of each case met in one export, whose names free text masks: those its first
     * event (the filing) names. A window that starts after a filing reads that event once.
     */
    private final class KnownParties {
        private static final int CASES_KEPT = 10_000;
        private final Map<String, Map<String, String>> byCase = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
                return size() > CASES_KEPT;
            }
        };

        Map<String, String> of(DomainEventMessage<?> event) {
            String caseId = event.getAggregateIdentifier();
            Map<String, String> known = byCase.get(caseId);
            if (known == null) {
                Object filing = event.getSequenceNumber() == 0 ? event.getPayload() : filingOf(caseId);
                known = filing == null ? Map.of() : pseudonymiser.parties(filing);
                byCase.put(caseId, known);
            }
            return known;
        }

        private Object filingOf(String caseId) {
            DomainEventStream stream = events.readEvents(caseId, 0);
            return stream.hasNext() ? stream.next().getPayload() : null;
        }
    }
}

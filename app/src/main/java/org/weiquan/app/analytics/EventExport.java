package org.weiquan.app.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.MetadataKeys;
import org.weiquan.app.axon.EventTypeRegistry;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the event log, whole or a window [from, to), in global order, and writes each event as a
 * JSON line with personal data replaced by stable pseudonyms (ADR 18); the staff who acted are
 * pseudonyms too, client addresses are left out. Straight from the storage engine, without
 * blocking: the export ends at the head of the log.
 */
@Component
public class EventExport {
    private final EventStorageEngine events;
    private final EventTypeRegistry eventTypes;
    private final Pseudonymiser pseudonymiser;
    private final ObjectMapper json;

    public EventExport(EventStorageEngine events, EventTypeRegistry eventTypes, Pseudonymiser pseudonymiser,
                       ObjectMapper json) {
        this.events = events;
        this.eventTypes = eventTypes;
        this.pseudonymiser = pseudonymiser;
        this.json = json;
    }

    /** Refuses a window that ends before it starts. */
    public static void requireWindow(Instant start, Instant end) {
        if (start != null && end != null && !start.isBefore(end)) throw new IllegalArgumentException("from must be before to");
    }

    /** How far an export has come: events written, and the log position of the last one (when the store has one). */
    @FunctionalInterface
    public interface Progress {
        void at(long written, OptionalLong position);
    }

    /** The log positions a window starts after and ends at, when the store's tokens have positions. */
    public record Span(long from, long to) {
        /** How much of the span lies at or before {@code position}, 0 to 1. */
        public double fractionAt(long position) {
            return to <= from ? 1 : Math.max(0, Math.min(1, (double) (position - from) / (to - from)));
        }
    }

    /** Writes the window's events, one line each, telling {@code progress} after each. */
    public void write(Instant start, Instant end, Writer writer, Progress progress) throws IOException {
        TrackingToken first = start == null ? null : events.createTokenAt(start);
        KnownParties parties = new KnownParties();
        long written = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(first, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (end != null && !event.getTimestamp().isBefore(end)) break;
                if (start != null && event.getTimestamp().isBefore(start)) continue;
                writer.write(json.writeValueAsString(line(event, parties)));
                writer.write('\n');
                progress.at(++written, event.trackingToken() == null ? OptionalLong.empty() : event.trackingToken().position());
            }
        }
    }

    /** The window's span of log positions, or null when the store's tokens have none. */
    public Span span(Instant start, Instant end) {
        OptionalLong from = start == null ? OptionalLong.of(-1) : positionOf(events.createTokenAt(start));
        OptionalLong to = end == null ? positionOf(events.createHeadToken()) : positionOf(events.createTokenAt(end));
        if (from.isEmpty() || to.isEmpty()) return null;
        return new Span(from.getAsLong(), Math.max(from.getAsLong(), to.getAsLong()));
    }

    private static OptionalLong positionOf(TrackingToken token) {
        return token == null ? OptionalLong.of(-1) : token.position();
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

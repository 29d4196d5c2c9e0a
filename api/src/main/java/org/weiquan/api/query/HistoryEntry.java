package org.weiquan.api.query;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of a case's history as a supervisor reads it: what happened (the stable event type, a
 * one-line summary in English and Chinese, and the fields the event set), when, and who did it, in
 * which role and organisation, from where, in which conversation and because of which message.
 */
public record HistoryEntry(long sequence, String eventId, String eventType, Instant occurredAt,
                           String actor, String actorRole, String organisation, String clientAddress,
                           String correlationId, String causationId, String summaryEn, String summaryZh,
                           Map<String, Object> changes, Map<String, Object> data) {
    public HistoryEntry {
        // Event fields may be null ("no previous mediator"): Map.copyOf would refuse them.
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        changes = changes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
}

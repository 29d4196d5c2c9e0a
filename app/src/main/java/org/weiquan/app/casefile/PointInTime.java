package org.weiquan.app.casefile;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A case as it stood at an instant, rebuilt from its own events up to then (the event log, not a
 * read model, so it is exact), and the difference between two instants.
 */
@Component
public class PointInTime {
    private final EventStore events;
    private final Map<org.weiquan.api.common.CaseKind, CaseKindSupport> kinds = new LinkedHashMap<>();
    private final ObjectMapper json;

    public PointInTime(EventStore events, List<CaseKindSupport> kinds, ObjectMapper json) {
        this.events = events;
        kinds.forEach(kind -> this.kinds.put(kind.kind(), kind));
        this.json = json;
    }

    /** One field that differs between two instants. */
    public record FieldChange(String field, Object before, Object after) {
    }

    public record Difference(String caseId, Instant from, Instant to, List<FieldChange> changes) {
    }

    /** The case's detail after every event up to and including {@code asOf}; 404 if it did not exist yet. */
    public Object detailAsOf(RegisteredCase found, Instant asOf) {
        List<DomainEventMessage<?>> upTo = new ArrayList<>();
        events.readEvents(found.caseId(), 0).asStream()
                .takeWhile(event -> !event.getTimestamp().isAfter(asOf))
                .forEach(upTo::add);
        if (upTo.isEmpty()) throw new CaseNotFoundException(found.caseId() + " as of " + asOf);
        return kinds.get(found.kind()).detailAfter(upTo);
    }

    public Difference difference(RegisteredCase found, Instant from, Instant to) {
        Map<String, Object> before = asMap(existedAt(found, from) ? detailAsOf(found, from) : null);
        Map<String, Object> after = asMap(detailAsOf(found, to));
        List<FieldChange> changes = new ArrayList<>();
        for (String field : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                changes.add(new FieldChange(field, before.get(field), after.get(field)));
            }
        }
        return new Difference(found.caseId(), from, to, changes);
    }

    private boolean existedAt(RegisteredCase found, Instant at) {
        return events.readEvents(found.caseId(), 0).asStream().findFirst()
                .map(first -> !first.getTimestamp().isAfter(at)).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(Object detail) {
        return detail == null ? Map.of() : json.convertValue(detail, LinkedHashMap.class);
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}

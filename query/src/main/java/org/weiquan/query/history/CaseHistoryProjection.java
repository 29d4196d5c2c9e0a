package org.weiquan.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.MetadataKeys;
import org.weiquan.api.query.CaseHistoryQuery;
import org.weiquan.api.query.HistoryEntry;
import org.weiquan.query.support.EventTypeNames;
import org.weiquan.query.support.ReadModelJson;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The audit trail: every event of every case, in order, with who did it, in which role and
 * organisation, from where, and in which conversation. Rows are only ever added.
 */
@Component
@ProcessingGroup(CaseHistoryProjection.PROCESSING_GROUP)
public class CaseHistoryProjection {
    public static final String PROCESSING_GROUP = "case-history";

    private final JdbcTemplate jdbc;

    public CaseHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) return;
        MetaData meta = message.getMetaData();
        // Insert-if-absent keeps the projection idempotent when an event is delivered again.
        // The time is bound as an OffsetDateTime: a java.sql.Timestamp goes through the local wall
        // clock and loses an hour when that clock repeats one (end of daylight saving time).
        jdbc.update("INSERT INTO case_history (case_id, sequence_number, event_id, event_type, occurred_at, actor,"
                        + " actor_role, organisation, client_address, correlation_id, causation_id, data)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (0)) AS one(x)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM case_history WHERE case_id = ? AND sequence_number = ?)",
                domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), message.getIdentifier(),
                EventTypeNames.of(payload.getClass()), message.getTimestamp().atOffset(ZoneOffset.UTC),
                text(meta, MetadataKeys.ACTOR), text(meta, MetadataKeys.ACTOR_ROLE), text(meta, MetadataKeys.ORGANISATION),
                text(meta, MetadataKeys.CLIENT_ADDRESS), text(meta, MetadataKeys.CORRELATION_ID),
                text(meta, MetadataKeys.CAUSATION_ID), ReadModelJson.write(payload),
                domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM case_history");
    }

    @QueryHandler
    public List<HistoryEntry> handle(CaseHistoryQuery query) {
        return jdbc.query("SELECT * FROM case_history WHERE case_id = ? ORDER BY sequence_number",
                (rs, row) -> new HistoryEntry(rs.getLong("sequence_number"), rs.getString("event_id"),
                        rs.getString("event_type"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("actor_role"), rs.getString("organisation"),
                        rs.getString("client_address"),
                        rs.getString("correlation_id"), rs.getString("causation_id"), readData(rs.getString("data"))),
                query.caseId());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readData(String json) {
        return ReadModelJson.read(json, Map.class);
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}

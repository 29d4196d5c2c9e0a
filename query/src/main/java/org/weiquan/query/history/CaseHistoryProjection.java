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
import org.weiquan.query.support.Where;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.query.AuditCursor;
import org.weiquan.api.query.AuditEntry;
import org.weiquan.api.query.AuditPage;
import org.weiquan.api.query.AuditQuery;
import org.weiquan.api.query.CaseHistoryQuery;
import org.weiquan.api.query.HistoryEntry;
import org.weiquan.query.support.BatchedInserts;
import org.weiquan.query.support.EventTypeNames;
import org.weiquan.query.support.ReadModelJson;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private final EventSummaries summaries = EventSummaries.standard();
    // Insert-if-absent keeps the projection idempotent when an event is delivered again (also twice
    // in one batch: the rows of a batch are inserted one after the other).
    private final BatchedInserts rows;

    public CaseHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new BatchedInserts(PROCESSING_GROUP, jdbc, "INSERT INTO case_history (case_id, sequence_number,"
                + " event_id, event_type, occurred_at, actor, actor_role, organisation, client_address, correlation_id,"
                + " causation_id, data) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (0)) AS one(x)"
                + " WHERE NOT EXISTS (SELECT 1 FROM case_history WHERE case_id = ? AND sequence_number = ?)");
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) return;
        MetaData meta = message.getMetaData();
        // The time is bound as an OffsetDateTime: a java.sql.Timestamp goes through the local wall
        // clock and loses an hour when that clock repeats one (end of daylight saving time).
        rows.add(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), message.getIdentifier(),
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
        // limit 0: every entry
        return jdbc.query("SELECT * FROM case_history WHERE case_id = ? AND sequence_number > ?"
                        + " ORDER BY sequence_number LIMIT ?", (rs, row) -> entry(rs), query.caseId(),
                query.afterSequence(), query.limit() == 0 ? Integer.MAX_VALUE : query.limit());
    }

    /**
     * The audit trail across the cases the viewer may see (their kind and number from the case
     * list), without the events of petitions that accuse the viewer's organisation (the rule of
     * {@code PetitionDetail.accuses}, here in the query so that a page is never short).
     */
    @QueryHandler
    public AuditPage handle(AuditQuery query) {
        String viewer = query.viewer().value();
        StringBuilder where = new StringBuilder(" FROM case_history h JOIN case_list l ON l.case_id = h.case_id"
                + " WHERE (l.organisation = ? OR l.organisation LIKE ? ESCAPE '\\')"
                + " AND NOT (l.accused_organisation IS NOT NULL"
                + " AND (l.accused_organisation = ? OR CAST(? AS VARCHAR(200)) LIKE (l.accused_organisation || '/%')))");
        List<Object> args = new ArrayList<>(List.of(viewer, Where.escapeLike(viewer) + "/%", viewer, viewer));
        if (query.actor() != null) {
            where.append(" AND h.actor = ?");
            args.add(query.actor());
        }
        if (query.from() != null) {
            where.append(" AND h.occurred_at >= ?");
            args.add(query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.append(" AND h.occurred_at < ?");
            args.add(query.to().atOffset(ZoneOffset.UTC));
        }
        if (query.eventType() != null) {
            where.append(" AND h.event_type = ?");
            args.add(query.eventType());
        }
        if (query.kind() != null) {
            where.append(" AND l.kind = ?");
            args.add(query.kind().name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        if (query.after() != null) {
            AuditCursor after = query.after();
            OffsetDateTime at = after.occurredAt().atOffset(ZoneOffset.UTC);
            where.append(" AND (h.occurred_at > ? OR (h.occurred_at = ? AND (h.case_id > ?"
                    + " OR (h.case_id = ? AND h.sequence_number > ?))))");
            pageArgs.addAll(List.of(at, at, after.caseId(), after.caseId(), after.sequence()));
        }
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<AuditEntry> items = jdbc.query("SELECT h.*, l.kind, l.case_number" + where
                        + " ORDER BY h.occurred_at, h.case_id, h.sequence_number LIMIT ? OFFSET ?",
                (rs, row) -> new AuditEntry(rs.getString("case_id"), CaseKind.valueOf(rs.getString("kind")),
                        rs.getString("case_number"), entry(rs)), pageArgs.toArray());
        String next = null;
        if (items.size() == query.size()) {
            AuditEntry last = items.get(items.size() - 1);
            next = new AuditCursor(last.event().occurredAt(), last.caseId(), last.event().sequence()).encode();
        }
        return new AuditPage(items, query.page(), query.size(), total == null ? 0 : total, next);
    }

    private HistoryEntry entry(ResultSet rs) throws SQLException {
        String caseId = rs.getString("case_id");
        String eventType = rs.getString("event_type");
        Map<String, Object> data = readData(rs.getString("data"));
        EventSummaries.Summary summary = summaries.summarise(eventType, data);
        return new HistoryEntry(rs.getLong("sequence_number"), rs.getString("event_id"), eventType,
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("actor_role"), rs.getString("organisation"), rs.getString("client_address"),
                rs.getString("correlation_id"), rs.getString("causation_id"), summary.en(), summary.zh(),
                changes(caseId, data), data);
    }

    /** What the event set: its fields, less the ones that only repeat which case it is. */
    private static Map<String, Object> changes(String caseId, Map<String, Object> data) {
        Map<String, Object> changes = new LinkedHashMap<>(data);
        changes.values().removeIf(value -> caseId.equals(value));
        changes.remove("kind");
        return changes;
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

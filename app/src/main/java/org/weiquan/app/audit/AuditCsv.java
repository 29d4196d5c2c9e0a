package org.weiquan.app.audit;

import org.weiquan.app.web.Csv;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.weiquan.api.query.AuditEntry;

import java.io.IOException;
import java.util.List;

/**
 * The audit trail as CSV (RFC 4180), UTF-8 with a byte-order mark so that spreadsheet programs show
 * the Chinese text correctly. One row per event; {@code changes} is the event's fields as JSON.
 */
public final class AuditCsv {
    private static final String[] HEADER = {"case_number", "kind", "sequence", "occurred_at", "event_type", "summary_en",
            "summary_zh", "actor", "actor_role", "organisation", "client_address", "correlation_id", "causation_id",
            "changes"};

    private AuditCsv() {
    }

    public static void header(Csv csv) throws IOException {
        csv.row(HEADER);
    }

    public static void rows(Csv csv, List<AuditEntry> entries, ObjectMapper json) throws IOException {
        for (AuditEntry entry : entries) {
            var e = entry.event();
            csv.row(entry.caseNumber(), entry.kind() == null ? null : entry.kind().name(), Long.toString(e.sequence()),
                    e.occurredAt().toString(), e.eventType(), e.summaryEn(), e.summaryZh(), e.actor(), e.actorRole(),
                    e.organisation(), e.clientAddress(), e.correlationId(), e.causationId(), json.writeValueAsString(e.changes()));
        }
    }
}
